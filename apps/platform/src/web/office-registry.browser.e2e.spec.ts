import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import type { Locator, Page } from 'playwright-core';
import { eventually } from '../registry/testing/platform-client';
import { chooseOptions, TestLanguage, WebHarness, webStrings } from './testing/web-harness';

const countryName = (code: string, language: TestLanguage) =>
  new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;

// The officer's Registry workflows in Chromium, through the UI, against the real embedded platform.
jest.setTimeout(240_000);

const REGISTRY = '/api/registry';

/** The error a Mantine input shows under itself (its aria-describedby), once it is marked invalid. */
async function errorUnder(input: Locator): Promise<string> {
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  const ids = (await input.getAttribute('aria-describedby')) ?? '';
  const errorId = ids.split(' ').find((id) => id.endsWith('-error'));
  if (!errorId) throw new Error(`no error under the input (aria-describedby: "${ids}")`);
  return (await input.page().locator(`[id="${errorId}"]`).textContent()) ?? '';
}

async function pageChecked(web: WebHarness, page: Page, name: string) {
  await page.getByRole('heading', { level: 1 }).waitFor();
  expect(await web.seriousViolations(page)).toEqual([]);
  await web.screenshot(page, name);
}

/** A link of the Registry's own navigation (its pages name the same places in their text too). */
const inRegistryNav = (page: Page, language: TestLanguage, key: 'queue' | 'register' | 'networks') => {
  const s = webStrings('office/registry', language);
  return page
    .getByRole('navigation', { name: s.nav.label, exact: true })
    .getByRole('link', { name: s.nav[key], exact: true });
};

describe('the back office: the officer’s Registry', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await WebHarness.start('office-registry-browser');
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    await web?.close();
  }, APP_STOP_TIMEOUT_MS);

  it.each(['fr', 'ar'] as const)(
    'in %s, an officer registers an association (a field error first), verifies it from the queue, edits it through a concurrent change, and adds then erases a contact',
    async (language: TestLanguage) => {
      const s = webStrings('office/registry', language);
      const office = webStrings('office', language);
      const associationId = `assoc-web-officer-${language}`;
      const names = { fr: `Solidarité Web ${language}`, ar: `جمعية التضامن ${language}` };
      const shownName = language === 'ar' ? names.ar : names.fr;
      const path = `${REGISTRY}/associations/${associationId}`;
      await web.withPage(language, async (page) => {
        await web.signIn(page, 'officer', language);
        await page.getByRole('link', { name: s.area.title }).first().click();
        await page.getByRole('heading', { level: 1, name: s.queue.title }).waitFor();

        // Registration: a negative members count is refused by the platform, shown under its field.
        await inRegistryNav(page, language, 'register').click();
        await pageChecked(web, page, `registry-register-${language}`);
        await page.getByLabel(s.register.associationId).fill(associationId);
        await page.getByRole('textbox', { name: office.form.languages.fr }).fill(names.fr);
        await page.getByRole('textbox', { name: office.form.languages.ar }).fill(names.ar);
        await chooseOptions(page, s.profile.hostCountries, [
          countryName('FR', language),
          countryName('BE', language),
        ]);
        await page.getByLabel(s.profile.hostCities).fill('FR, Lyon\nBE, Bruxelles');
        await chooseOptions(page, s.profile.originProvinces, [language === 'ar' ? 'تيزنيت' : 'Tiznit']);
        await chooseOptions(page, s.profile.sectors, ['(14030)']);
        const members = page.getByLabel(s.profile.membersCount);
        await members.fill('-5');
        await page.getByRole('button', { name: s.register.submit, exact: true }).click();
        await page.getByRole('alert').filter({ hasText: office.form.invalid }).waitFor();
        // The platform's reason, in the reader's language.
        expect(await errorUnder(members)).toMatch(
          language === 'ar' ? /يجب ألا يقل عن/ : /doit être au moins/,
        );
        expect((await web.platform.get('officer', path)).status).toBe(404);
        await members.fill('40');
        await page.getByRole('button', { name: s.register.submit, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: shownName }).waitFor();
        await page.getByRole('status').filter({ hasText: s.association.registered }).waitFor();
        expect((await web.platform.get('officer', path)).body.status).toBe('submitted');

        // The queue shows it awaiting verification; verifying it there makes it public.
        await inRegistryNav(page, language, 'queue').click();
        await page.getByRole('heading', { level: 1, name: s.queue.title }).waitFor();
        const verify = page.getByRole('button', { name: s.queue.verifyNamed.replace('{{name}}', shownName) });
        await verify.waitFor();
        await pageChecked(web, page, `registry-queue-${language}`);
        await verify.click();
        await page.getByRole('status').filter({ hasText: shownName }).waitFor();
        expect((await web.platform.get('anonymous', path)).body.status).toBe('verified');

        // The record: its profile edited, then a change made meanwhile answers 412 and a reload.
        await page.goto(web.url(`/office/registry/associations/${associationId}`));
        await page.getByRole('heading', { level: 1, name: shownName }).waitFor();
        await pageChecked(web, page, `registry-association-${language}`);
        await page.getByLabel(s.profile.membersCount).fill('55');
        await page.getByRole('button', { name: s.profile.save }).click();
        await page.getByRole('status').filter({ hasText: s.profile.saved }).waitFor();
        expect((await web.platform.get('officer', path)).body.profile.membersCount).toBe(55);

        const meanwhile = await web.platform.patch('officer', `${path}/profile`, { membersCount: 70 });
        expect(meanwhile.status).toBe(200);
        await page.getByLabel(s.profile.membersCount).fill('60');
        await page.getByRole('button', { name: s.profile.save }).click();
        const stale = page.getByRole('alert').filter({ hasText: office.form.stale });
        await stale.waitFor();
        expect((await web.platform.get('officer', path)).body.profile.membersCount).toBe(70);
        await web.screenshot(page, `registry-association-stale-${language}`);
        await stale.getByRole('button', { name: office.form.reload }).click();
        await eventually(
          () => page.getByLabel(s.profile.membersCount).inputValue(),
          (value) => value === '70',
          'the form reloaded from the current record',
        );
        await page.getByLabel(s.profile.membersCount).fill('60');
        await page.getByRole('button', { name: s.profile.save }).click();
        await page.getByRole('status').filter({ hasText: s.profile.saved }).waitFor();
        expect((await web.platform.get('officer', path)).body.profile.membersCount).toBe(60);

        // A contact person with consent: withdrawal recorded, access export, then erasure.
        const person = `Khadija Exemple ${language}`;
        const addForm = page.getByRole('form', { name: s.contacts.add });
        await addForm.getByLabel(s.contacts.fullName).fill(person);
        await addForm.getByLabel(s.contacts.email).fill(`khadija-${language}@example.org`);
        await addForm.getByRole('button', { name: s.contacts.addSubmit }).click();
        await page.getByRole('status').filter({ hasText: s.contacts.added }).waitFor();
        await page.getByRole('link', { name: person }).click();
        await page.getByRole('heading', { level: 1, name: person }).waitFor();
        await pageChecked(web, page, `registry-contact-${language}`);
        await page.getByRole('button', { name: s.contacts.withdraw }).click();
        await page.getByRole('cell', { name: s.contacts.decisions.withdrawn, exact: true }).waitFor();

        await page.getByRole('button', { name: s.export.show }).click();
        const exported = page.getByLabel(s.export.content, { exact: true });
        await exported.waitFor();
        const text = JSON.parse((await exported.textContent()) ?? '{}');
        expect(text.card.fullName).toBe(person);
        expect(text.consents.map((c: { decision: string }) => c.decision)).toEqual(['given', 'withdrawn']);
        expect(await page.getByRole('link', { name: s.export.download }).getAttribute('href')).toMatch(
          /^blob:/,
        );

        const erase = page.getByRole('button', { name: s.erase.submit });
        expect(await erase.isDisabled()).toBe(true);
        await page.getByLabel(s.erase.confirmLabel.replace('{{word}}', s.erase.word)).fill(s.erase.word);
        await erase.click();
        await page.getByRole('heading', { level: 1, name: s.contacts.erased }).waitFor();
        const contacts = await web.platform.get('officer', `${path}/contacts`);
        expect(contacts.body.map((c: { card: unknown }) => c.card)).toEqual([{ erased: true }]);
        await page.getByRole('link', { name: s.contacts.back }).click();
        await page.getByRole('link', { name: s.contacts.erased }).waitFor();
      });
    },
  );

  it.each(['fr', 'ar'] as const)(
    'in %s, an officer opens an open need, reads its matches with their reasons and records a match',
    async (language: TestLanguage) => {
      const s = webStrings('office/registry', language);
      await web.withPage(language, async (page) => {
        await web.signIn(page, 'officer', language);
        await page.goto(web.url('/office/registry/needs?status=open'));
        await page.getByRole('heading', { level: 1, name: s.needs.title }).waitFor();
        const first = page.getByRole('row').nth(1).getByRole('link');
        await first.waitFor();
        await pageChecked(web, page, `registry-needs-${language}`);
        await first.click();
        await page.getByRole('heading', { level: 2, name: s.matches.title }).waitFor();
        const needId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');

        // The reasons as the API gives them, in the reader's language.
        const matches = await web.platform.get('officer', `${REGISTRY}/needs/${needId}/matches`);
        const best = matches.body.associations[0];
        const firstReason: string = best.reasons[0].text[language];
        await page.getByText(firstReason, { exact: false }).first().waitFor();
        await pageChecked(web, page, `registry-need-${language}`);

        const candidates = page.getByRole('table', { name: s.matches.associations });
        await candidates.getByRole('checkbox').first().check();
        await page.getByRole('button', { name: s.matches.record }).click();
        await page.getByRole('status').filter({ hasText: s.matches.recorded }).waitFor();
        const need = await web.platform.get('officer', `${REGISTRY}/needs/${needId}`);
        expect(need.body.status).toBe('matched');
        expect(need.body.associationIds).toEqual([best.id]);
      });
    },
  );

  it.each(['fr', 'ar'] as const)(
    'in %s, an officer lists the actors, creates a network and adds then removes a member',
    async (language: TestLanguage) => {
      const s = webStrings('office/registry', language);
      const office = webStrings('office', language);
      const member = 'assoc-migrations-et-developpement';
      await web.withPage(language, async (page) => {
        await web.signIn(page, 'officer', language);
        await page.goto(web.url('/office/registry/actors'));
        await page.getByRole('heading', { level: 1, name: s.actors.title }).waitFor();
        await page.getByRole('row').nth(1).waitFor();
        await pageChecked(web, page, `registry-actors-${language}`);

        await inRegistryNav(page, language, 'networks').click();
        await page.getByRole('heading', { level: 1, name: s.networks.title }).waitFor();
        await pageChecked(web, page, `registry-networks-${language}`);
        const create = page.getByRole('form', { name: s.networks.create });
        await create.getByLabel(s.networks.networkId).fill(`network-web-${language}`);
        await create.getByRole('textbox', { name: office.form.languages.fr }).fill(`Réseau web ${language}`);
        await create.getByRole('button', { name: s.networks.createSubmit }).click();
        await page.getByRole('heading', { level: 1, name: `Réseau web ${language}` }).waitFor();

        await page.getByLabel(s.networks.associationId).fill(member);
        await page.getByRole('button', { name: s.networks.add }).click();
        await page.getByRole('status').filter({ hasText: s.networks.added }).waitFor();
        await page.getByRole('link', { name: member }).waitFor();
        await pageChecked(web, page, `registry-network-${language}`);
        await page.getByRole('button', { name: s.networks.removeNamed.replace('{{id}}', member) }).click();
        await page.getByRole('status').filter({ hasText: s.networks.removed }).waitFor();
        const network = await web.platform.get('anonymous', `${REGISTRY}/networks/network-web-${language}`);
        expect(network.body.members).toEqual([]);
      });
    },
  );
});
