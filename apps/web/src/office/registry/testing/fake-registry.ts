import { vi } from 'vitest';
import { client } from '../../../api/generated/client.gen';

/**
 * A Registry API in memory for the area's component tests: one association with its revision,
 * answering as the platform does (ETag on GET, If-Match checked on PATCH, 412 when stale, 400 with
 * field errors for a negative members count). `install` makes it the generated client's fetch
 * (jsdom's Request needs an absolute URL, hence the base URL); it returns the undo.
 */
export function fakeRegistry() {
  const association = {
    associationId: 'assoc-amis-tiznit',
    status: 'submitted',
    revision: 3,
    profile: {
      names: { fr: 'Amis de Tiznit', ar: 'أصدقاء تيزنيت' },
      hostCountries: ['FR'],
      hostCities: [{ country: 'FR', name: 'Lyon' }],
      originProvinces: [{ scheme: 'iso3166-2:2015', code: 'MA-TIZ' }],
      sectors: ['14030'],
      membersCount: 40 as number | null,
    },
  };
  const requests: Request[] = [];
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: {
        'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
        ...headers,
      },
    });
  const problem = (status: number, kind: string, extra: object = {}) =>
    json(status, { type: `urn:tadamon:problem:${kind}`, title: kind, status, ...extra });
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    if (!(input instanceof Request)) throw new TypeError('the generated client sends a Request');
    const request = input.clone();
    requests.push(request);
    const url = new URL(input.url);
    const base = `/api/registry/associations/${association.associationId}`;
    if (input.method === 'GET' && url.pathname === base) {
      const { revision, ...record } = association;
      return json(200, record, { etag: `"${revision}"` });
    }
    if (input.method === 'GET' && url.pathname === `${base}/contacts`) return json(200, []);
    if (input.method === 'PATCH' && url.pathname === `${base}/profile`) {
      if (input.headers.get('if-match') !== `"${association.revision}"`)
        return problem(412, 'precondition-failed');
      const changes = (await input.json()) as { membersCount?: number | null };
      if (typeof changes.membersCount === 'number' && changes.membersCount < 0)
        return problem(400, 'validation', {
          errors: [{ pointer: '/membersCount', detail: 'membersCount must not be less than 0' }],
        });
      association.profile = { ...association.profile, ...changes };
      association.revision += 1;
      return json(200, {
        revision: association.revision,
        position: 1,
        events: ['AssociationProfileChanged'],
      });
    }
    return problem(404, 'not-found');
  });
  /** Someone else changes the record meanwhile (another officer, the association's own account). */
  const changeMeanwhile = (membersCount: number) => {
    association.profile = { ...association.profile, membersCount };
    association.revision += 1;
  };
  const install = () => {
    const before = client.getConfig();
    client.setConfig({ baseUrl: 'http://tadamon.test', fetch });
    return () => client.setConfig({ baseUrl: before.baseUrl, fetch: before.fetch });
  };
  return { association, requests, fetch, changeMeanwhile, install };
}

/** A signed-in officer, as the sign-in page leaves the session in sessionStorage. */
export function signedInOfficer() {
  window.sessionStorage.setItem(
    'tadamon.session',
    JSON.stringify({
      token: 'test-token',
      actor: { id: 'user-officer', roles: ['officer'], organisationId: null, personId: null },
      expiresAt: Date.now() + 3_600_000,
    }),
  );
}

/** jsdom has no document.fonts, which Mantine's autosizing textareas listen to. */
export function withDocumentFonts() {
  if (!('fonts' in document))
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: {
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        ready: Promise.resolve(),
      },
    });
}
