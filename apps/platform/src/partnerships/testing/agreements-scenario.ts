import { REGISTRY_DEMO_IDS } from '@tadamon/registry';
import { Caller, Json, MintedCaller, PlatformClient, Reply } from '../../registry/testing/platform-client';
import { downloadFile, uploadFile } from './document-files';

export const P = '/api/partnerships';
export const AGREEMENTS = `${P}/agreements`;
export const PROGRAMMES = `${P}/programmes`;
export const SUPPORT = `${P}/support-requests`;

export const MINISTRY = REGISTRY_DEMO_IDS.actors.ministry;
/** The demo association user acts for M&D; the demo partner user for the CRI Souss-Massa. */
export const MD = REGISTRY_DEMO_IDS.associations.migrationsEtDeveloppement;
export const CRI = REGISTRY_DEMO_IDS.actors.criSoussMassa;
export const FIGUIG = REGISTRY_DEMO_IDS.associations.cooperativesFiguig;
/** An association account whose organisation is a party to none of the agreements below. */
export const OUTSIDER: MintedCaller = 'minted:figuig';

let sequence = 0;
export const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++sequence}`;
export const mad = (major: number) => ({ amountMinor: major * 100, currency: 'MAD' });
export const today = () => new Date().toISOString().slice(0, 10);

/** A convention between the ministry (funding, accountable), M&D (implementing) and the CRI (technical). */
export const agreementTerms = (overrides: Record<string, unknown> = {}) => ({
  object: { fr: 'Convention de partenariat pour l’adduction d’eau à Taliouine', en: 'Water in Taliouine' },
  parties: [
    {
      partyId: MINISTRY,
      partyKind: 'ministry',
      roles: ['funding', 'accountable'],
      commitments: [{ kind: 'money', amount: mad(1_000_000) }],
    },
    { partyId: MD, partyKind: 'association', roles: ['implementing'], commitments: [] },
    {
      partyId: CRI,
      partyKind: 'regional-investment-centre',
      roles: ['technical'],
      commitments: [{ kind: 'in-kind', description: { fr: 'Accompagnement technique' } }],
    },
  ],
  startDate: '2026-01-01',
  endDate: '2028-12-31',
  sectors: ['14030'],
  regions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
  ...overrides,
});

export const expectStatus = (reply: Reply, status: number, what = ''): Reply => {
  if (reply.status !== status)
    throw new Error(`${what} expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply;
};

/** Drives the agreements API as the officer and the parties' accounts would. */
export class AgreementsScenario {
  constructor(readonly client: PlatformClient) {}

  async ready(): Promise<void> {
    await this.client.mint(OUTSIDER, { id: 'user-figuig', roles: ['association'], organisationId: FIGUIG });
  }

  async drafted(overrides: Record<string, unknown> = {}): Promise<string> {
    const agreementId = newId('agreement');
    expectStatus(
      await this.client.post('officer', AGREEMENTS, { agreementId, ...agreementTerms(overrides) }),
      201,
      'draft',
    );
    return agreementId;
  }

  /** Drafted, submitted and signed by the three parties (the officer for the ministry). */
  async inForce(overrides: Record<string, unknown> = {}, signedOn = '2026-01-15'): Promise<string> {
    const agreementId = await this.drafted(overrides);
    expectStatus(await this.client.post('officer', `${AGREEMENTS}/${agreementId}/submit`), 200, 'submit');
    for (const who of ['officer', 'association', 'partner'] as const)
      expectStatus(
        await this.client.post(who, `${AGREEMENTS}/${agreementId}/sign`, { signedOn }),
        200,
        `${who} signs`,
      );
    return agreementId;
  }

  /** The agreement once the read model shows `accept`. */
  async view(agreementId: string, accept: (body: Json) => boolean, who: Caller = 'officer'): Promise<Json> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const reply = await this.client.get(who, `${AGREEMENTS}/${agreementId}`);
      if (reply.status === 200 && accept(reply.body)) return reply;
      if (Date.now() > deadline) throw new Error(`agreement ${agreementId}: ${JSON.stringify(reply.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async revision(agreementId: string): Promise<number> {
    const loaded = await this.client.get('officer', `${AGREEMENTS}/${agreementId}`);
    return Number(JSON.parse(loaded.headers.get('etag') ?? 'null'));
  }

  /** A raw upload: the body is the file, its media type the Content-Type. */
  upload(
    who: Caller,
    agreementId: string,
    bytes: Uint8Array,
    options: { name?: string; kind?: string; type?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    return uploadFile(this.client, who, `${AGREEMENTS}/${agreementId}/documents`, bytes, {
      ...options,
      name: options.name ?? 'convention.pdf',
      kind: options.kind ?? 'signed-convention',
    });
  }

  download(who: Caller, agreementId: string, sha256: string) {
    return downloadFile(this.client, who, `${AGREEMENTS}/${agreementId}/documents/${sha256}`);
  }
}

/**
 * Partnerships records under the demo ids the API contract uses for its path parameters: a
 * programme named as Funding's demo programme, an agreement with a document, a support request.
 * Adds `sha256` and `requestId` to the parameters.
 */
export async function seedPartnershipsExamples(
  client: PlatformClient,
  parameters: Record<string, string>,
): Promise<void> {
  const scenario = new AgreementsScenario(client);
  const created = async (reply: Promise<Reply>, what: string) => expectStatus(await reply, 201, what).body;
  // The demo defines the programmes Funding's envelopes name: one is made only where it is missing.
  if ((await client.get('anonymous', `${PROGRAMMES}/${parameters.programmeId}`)).status === 404)
    await created(
      client.post('officer', PROGRAMMES, {
        programmeId: parameters.programmeId,
        name: { fr: 'Programme de démonstration' },
        partnerId: 'actor-iom',
        funderIds: ['actor-iom'],
        budget: [mad(1_000_000)],
        period: { start: '2025-01-01', end: '2028-12-31' },
      }),
      'programme',
    );
  await created(
    client.post('officer', AGREEMENTS, { agreementId: parameters.agreementId, ...agreementTerms() }),
    'agreement',
  );
  const file = Buffer.from('%PDF-1.7\nconvention de démonstration\n');
  parameters.sha256 = (
    await created(scenario.upload('officer', parameters.agreementId, file), 'document')
  ).sha256;
  parameters.requestId = (
    await created(
      client.post('association', SUPPORT, {
        kind: 'administrative',
        subject: 'Statuts',
        description: 'Mise à jour des statuts',
      }),
      'support request',
    )
  ).requestId;
}
