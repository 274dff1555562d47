import { PartnershipsCommands } from '@tadamon/partnerships';
import { createHash } from 'node:crypto';
import { DEMO_ASSOCIATION_ID, DEMO_PARTNER_ID } from '../../identity/demo-users';
import {
  Caller,
  eventually,
  Json,
  MintedCaller,
  PlatformClient,
  Reply,
} from '../../registry/testing/platform-client';
import { downloadFile, uploadFile } from './document-files';

export const PROJECTS = '/api/partnerships/projects';
export const PUBLIC_PROJECTS = '/api/partnerships/public/projects';
export const MAP = '/api/partnerships/map/projects.geojson';
export const AREAS = '/api/partnerships/map/projects-by-area.geojson';
export const FIGURES = '/api/partnerships/figures';
export const UPDATES_QUEUE = '/api/partnerships/indicator-updates';
/** The demo 'association' user acts for M&D, which carries the projects of these specs. */
export const CARRIER = DEMO_ASSOCIATION_ID;
export const PARTNER = DEMO_PARTNER_ID;
/** An association that takes no part in the projects of these specs. */
export const OUTSIDER: MintedCaller = 'minted:outsider';
export const OUTSIDER_ORGANISATION = 'assoc-outsider';

let sequence = 0;
export const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++sequence}`;
export const area = (code: string) => ({ scheme: 'iso3166-2:2015', code });
export const mad = (major: number) => ({ amountMinor: major * 100, currency: 'MAD' });
export const etag = (reply: Reply): string => reply.headers.get('etag') ?? '';

export const expectStatus = (reply: Reply, status: number, what = ''): Reply => {
  if (reply.status !== status)
    throw new Error(`${what} expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply;
};

/** A project of M&D with the CRI Souss-Massa, in Taroudant (Souss-Massa), under `agreementId`. */
export const projectBody = (projectId: string, agreementId: string, overrides: Json = {}) => ({
  projectId,
  carrierId: CARRIER,
  agreementId,
  title: { fr: 'Eau potable à Taliouine', en: 'Drinking water in Taliouine' },
  description: { fr: 'Raccordement de six douars au réseau et formation du comité de gestion.' },
  participants: [
    { partyId: CARRIER, role: '4' },
    { partyId: PARTNER, role: '3' },
  ],
  locations: [{ area: area('MA-TAR'), commune: 'Taliouine', point: { lat: 30.5317, lon: -7.9239 } }],
  sectors: [{ code: '14030', percentageHundredths: 10_000 }],
  budgetLines: [{ lineId: 'works', label: { fr: 'Travaux' }, amount: mad(1_000_000) }],
  milestones: [{ milestoneId: 'network-laid', title: { fr: 'Réseau posé' }, due: '2026-06-30' }],
  plannedStart: '2026-01-01',
  plannedEnd: '2027-12-31',
  ...overrides,
});

/** Drives the projects API as the officers and the carrying association would. */
export class ProjectsScenario {
  agreementId = '';

  constructor(readonly client: PlatformClient) {}

  /**
   * An agreement for the projects to be placed under (drafted through the application layer: the
   * agreements' routes are another slice of the API) and the outsider association's account.
   */
  async ready(): Promise<void> {
    this.agreementId = newId('agreement');
    const commands = this.client.app.get(PartnershipsCommands, { strict: false });
    await commands.execute(
      'agreement',
      this.agreementId,
      {
        type: 'DraftAgreement',
        data: {
          agreementId: this.agreementId,
          object: { fr: 'Convention eau potable Souss-Massa' },
          parties: [
            {
              partyId: CARRIER,
              partyKind: 'association',
              roles: ['implementing'],
              commitments: [{ kind: 'money', amount: mad(100_000) }],
            },
            {
              partyId: 'mre-ministry',
              partyKind: 'ministry',
              roles: ['funding', 'accountable'],
              commitments: [{ kind: 'money', amount: mad(900_000) }],
            },
          ],
          startDate: '2026-01-01',
          endDate: '2027-12-31',
          sectors: ['14030'],
          regions: [area('MA-09')],
        } as never,
      },
      { id: 'user-officer', roles: ['officer'] },
    );
    await this.client.mint(OUTSIDER, {
      id: 'user-outsider',
      roles: ['association'],
      organisationId: OUTSIDER_ORGANISATION,
    });
  }

  async open(overrides: Json = {}): Promise<string> {
    const projectId = newId('project');
    expectStatus(
      await this.client.post('officer', PROJECTS, projectBody(projectId, this.agreementId, overrides)),
      201,
      'open project',
    );
    return projectId;
  }

  /** Waits for the project page (the read model follows the log) and gives it. */
  page(who: Caller, projectId: string, accept: (page: Json) => boolean = () => true): Promise<Reply> {
    return eventually(
      () => this.client.get(who, `${PROJECTS}/${projectId}`),
      (reply) => reply.status === 200 && accept(reply.body),
      `the page of ${projectId}`,
    );
  }

  async status(projectId: string, status: string, reason?: string): Promise<void> {
    expectStatus(
      await this.client.post('officer', `${PROJECTS}/${projectId}/status`, { status, reason }),
      200,
      `status ${status}`,
    );
  }

  async published(overrides: Json = {}): Promise<string> {
    const projectId = await this.open(overrides);
    expectStatus(await this.client.post('officer', `${PROJECTS}/${projectId}/publish`), 200, 'publish');
    return projectId;
  }

  /** A raw upload of a project document: the body is the file, its media type the Content-Type. */
  upload(
    who: Caller,
    projectId: string,
    bytes: Uint8Array,
    options: { name?: string; kind?: string; type?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    return uploadFile(this.client, who, `${PROJECTS}/${projectId}/documents`, bytes, {
      ...options,
      name: options.name ?? 'rapport.pdf',
      kind: options.kind ?? 'progress-report',
    });
  }

  download(who: Caller, projectId: string, sha256: string) {
    return downloadFile(this.client, who, `${PROJECTS}/${projectId}/documents/${sha256}`);
  }

  /** Uploads a small PDF-like file as a document of the project; gives its SHA-256. */
  async attach(who: Caller, projectId: string, text: string, kind = 'progress-report'): Promise<string> {
    const bytes = Buffer.from(text, 'utf8');
    const reply = expectStatus(await this.upload(who, projectId, bytes, { kind }), 201, 'attach');
    expect(reply.body.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    return reply.body.sha256;
  }

  /** A project in implementation with one outcome, one unit indicator and a target period begun in 2026. */
  async withIndicator(): Promise<string> {
    const projectId = await this.open();
    await this.status(projectId, '2');
    const results = `${PROJECTS}/${projectId}/results`;
    expectStatus(
      await this.client.post('officer', results, {
        resultId: 'water-access',
        level: 'outcome',
        title: { fr: 'Accès à l’eau potable' },
      }),
      200,
      'define result',
    );
    expectStatus(
      await this.client.post('officer', `${results}/indicators`, {
        resultId: 'water-access',
        indicatorId: 'households',
        title: { fr: 'Ménages raccordés' },
        measure: 'unit',
        unit: 'households',
        ascending: true,
        aggregation: 'cumulative',
        baseline: { year: 2025, value: 0 },
        targets: [
          { periodStart: '2026-01-01', periodEnd: '2026-12-31', value: 120 },
          { periodStart: '2027-01-01', periodEnd: '2027-12-31', value: 300 },
        ],
      }),
      200,
      'define indicator',
    );
    return projectId;
  }

  async submitUpdate(who: Caller, projectId: string, value: number, evidence: string): Promise<string> {
    const reply = expectStatus(
      await this.client.post(who, `${PROJECTS}/${projectId}/results/updates`, {
        indicatorId: 'households',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        value,
        evidence: [{ sha256: evidence, name: 'rapport.txt' }],
      }),
      200,
      'submit update',
    );
    return reply.body.updateId;
  }
}
