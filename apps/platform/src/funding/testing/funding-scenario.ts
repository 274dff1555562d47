import { REGISTRY_DEMO_IDS } from '@tadamon/registry';
import { USER_STORE } from '../../identity/identity.module';
import { SqliteUserStore } from '../../identity/user-store';
import {
  Caller,
  eventually,
  fillPath,
  Json,
  MintedCaller,
  PlatformClient,
  Reply,
  RoleName,
  ROLES,
  USER_OF_ROLE,
} from '../../registry/testing/platform-client';

export const F = '/api/funding';
export const A = REGISTRY_DEMO_IDS.associations;
/** The demo 'association' user acts for M&D; the Figuig cooperatives get a minted account. */
export const MD = A.migrationsEtDeveloppement;
export const FIGUIG = A.cooperativesFiguig;
export const FIGUIG_ACCOUNT: MintedCaller = 'minted:figuig';
export const EVALUATORS = ['evaluator1', 'evaluator2', 'evaluator3'] as const;
export const EVALUATOR_IDS = ['user-evaluator1', 'user-evaluator2', 'user-evaluator3'];
export const region = (code: string) => ({ scheme: 'iso3166-2:2015', code });
export const usd = (major: number) => ({ amountMinor: major * 100, currency: 'USD' });
/** A sum as the API gives it: minor units as a decimal string, exact at any size. */
export const total = (money: { amountMinor: number; currency: string }) => ({
  amountMinor: String(money.amountMinor),
  currency: money.currency,
});

let sequence = 0;
export const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++sequence}`;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
export const today = () => new Date().toISOString().slice(0, 10);

export const envelopeBody = (overrides: Record<string, unknown> = {}) => ({
  programmeId: 'icmd-phase-2',
  name: { fr: 'ICMD phase 2 : enveloppe OIM', en: 'ICMD phase 2: IOM envelope', ar: 'المرحلة الثانية' },
  funderId: 'actor-iom',
  amount: usd(500_000),
  period: { start: '2025-01-01', end: '2027-12-31' },
  ...overrides,
});

export const CRITERIA = {
  criteria: [
    { criterionId: 'relevance', name: { fr: 'Pertinence', ar: 'الملاءمة' }, weight: 40, threshold: 50 },
    { criterionId: 'feasibility', name: { fr: 'Faisabilité' }, weight: 35, threshold: 40 },
    { criterionId: 'sustainability', name: { fr: 'Durabilité' }, weight: 25, threshold: 0 },
  ],
  overallThreshold: 60,
};

export const callTerms = (envelopeId: string, overrides: Record<string, unknown> = {}) => ({
  programmeId: 'icmd-phase-2',
  envelopeId,
  title: { fr: 'Appel à projets ICMD 2', en: 'ICMD 2 call for proposals', ar: 'طلب مشاريع' },
  summary: { fr: 'Projets de codéveloppement portés par les associations de la diaspora.' },
  budget: usd(500_000),
  eligibility: {
    hostCountries: ['FR', 'BE', 'ES'],
    originRegions: [region('MA-09'), region('MA-02')],
    sectors: ['14030', '31120', '31194'],
    minCoFinancingPercent: 10,
  },
  awardCriteria: CRITERIA,
  internationalSelection: true,
  evaluatorsPerProposal: 3,
  deadline: inDays(30),
  ...overrides,
});

export const proposal = (overrides: Record<string, unknown> = {}) => ({
  title: { fr: "Adduction d'eau potable à Taliouine", en: 'Drinking water in Taliouine' },
  summary: { fr: 'Raccordement de six douars au réseau et formation du comité de gestion.' },
  sectors: ['14030'],
  region: region('MA-09'),
  amountRequested: usd(250_000),
  coFinancing: usd(50_000),
  documents: [
    { documentId: 'doc-1', kind: 'project-description', name: 'projet.pdf', sha256: 'a'.repeat(64) },
  ],
  ...overrides,
});

export const figuigProposal = () =>
  proposal({
    title: { fr: 'Valorisation des dattes de Figuig', en: 'Figuig dates' },
    summary: { fr: 'Unité de conditionnement des dattes pour les coopératives.' },
    sectors: ['31194'],
    region: region('MA-02'),
  });

/** An evaluator's sheet: the same points on every criterion unless given per criterion. */
export const sheet = (points: number | Record<string, number>) =>
  CRITERIA.criteria.map(({ criterionId }) => ({
    criterionId,
    points: typeof points === 'number' ? points : points[criterionId],
    comment: `Noté ${typeof points === 'number' ? points : points[criterionId]} : justification.`,
  }));

export const expectStatus = (reply: Reply, status: number, what = ''): Reply => {
  if (reply.status !== status)
    throw new Error(`${what} expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply;
};

/**
 * Drives the Funding API as the officer, the associations, the evaluators and the committee would,
 * so each spec reaches the state it tests in a few lines.
 */
export class FundingScenario {
  constructor(readonly client: PlatformClient) {}

  /** Mints the Figuig cooperatives' account and waits until Funding knows both applicants verified. */
  async ready(): Promise<void> {
    await this.client.mint(FIGUIG_ACCOUNT, {
      id: 'user-figuig',
      roles: ['association'],
      organisationId: FIGUIG,
    });
    for (const associationId of [MD, FIGUIG]) await this.applicantStatus(associationId, 'verified');
  }

  /**
   * Adds a user to the platform's user store, as an administrator would (committee members are
   * checked against it), and mints a token for it: `minted:<id>` then calls as that user.
   */
  async user(id: string, roles: RoleName[], organisationId: string | null = null): Promise<MintedCaller> {
    const users = this.client.app.get<SqliteUserStore>(USER_STORE, { strict: false });
    if (!users.findById(id))
      users.add({ id, username: id, displayName: id, roles, organisationId, passwordHash: 'not-a-hash' });
    return this.client.mint(`minted:${id}`, { id, roles, ...(organisationId ? { organisationId } : {}) });
  }

  async applicantStatus(associationId: string, status: string): Promise<Json> {
    return (
      await eventually(
        () => this.client.get('officer', `${F}/applicants/${associationId}`),
        (reply) => reply.status === 200 && reply.body.status === status,
        `funding to learn that ${associationId} is ${status}`,
      )
    ).body;
  }

  async openEnvelope(overrides: Record<string, unknown> = {}): Promise<string> {
    const envelopeId = newId('env');
    expectStatus(
      await this.client.post('officer', `${F}/envelopes`, envelopeBody({ envelopeId, ...overrides })),
      201,
      'open envelope',
    );
    return envelopeId;
  }

  async draftCall(envelopeId: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const callId = newId('call');
    expectStatus(
      await this.client.post('officer', `${F}/calls`, { callId, terms: callTerms(envelopeId, overrides) }),
      201,
      'draft call',
    );
    return callId;
  }

  async publishedCall(
    envelopeOverrides: Record<string, unknown> = {},
    termOverrides: Record<string, unknown> = {},
  ) {
    const envelopeId = await this.openEnvelope(envelopeOverrides);
    const callId = await this.draftCall(envelopeId, termOverrides);
    expectStatus(await this.client.post('officer', `${F}/calls/${callId}/publish`), 200, 'publish');
    return { envelopeId, callId };
  }

  async draftApplication(
    who: Caller,
    callId: string,
    body = who === FIGUIG_ACCOUNT ? figuigProposal() : proposal(),
  ) {
    const applicationId = newId('app');
    expectStatus(
      await this.client.post(who, `${F}/applications`, { applicationId, callId, proposal: body }),
      201,
      'draft application',
    );
    return applicationId;
  }

  async submitted(who: Caller, callId: string, body?: Json): Promise<string> {
    const applicationId = await this.draftApplication(who, callId, body);
    expectStatus(await this.client.post(who, `${F}/applications/${applicationId}/submit`), 200, 'submit');
    return applicationId;
  }

  async eligible(who: Caller, callId: string, body?: Json): Promise<string> {
    const applicationId = await this.submitted(who, callId, body);
    const reply = expectStatus(
      await this.client.post('officer', `${F}/applications/${applicationId}/screen`),
      200,
      'screen',
    );
    if (!reply.body.events.includes('GrantApplicationFoundEligible'))
      throw new Error(`not eligible: ${JSON.stringify(reply.body)}`);
    return applicationId;
  }

  async assigned(who: Caller, callId: string, body?: Json): Promise<string> {
    const applicationId = await this.eligible(who, callId, body);
    for (const evaluatorId of EVALUATOR_IDS) {
      expectStatus(
        await this.client.post('officer', `${F}/applications/${applicationId}/evaluators`, { evaluatorId }),
        200,
        'assign',
      );
    }
    return applicationId;
  }

  /** Declaration, dossier opened and scores, by one evaluator. */
  async evaluate(evaluator: Caller, applicationId: string, points: number | Record<string, number>) {
    const path = `${F}/applications/${applicationId}`;
    expectStatus(
      await this.client.post(evaluator, `${path}/declaration`, {
        hasConflict: false,
        statement: 'Aucun lien avec le demandeur.',
      }),
      200,
      'declare',
    );
    expectStatus(await this.client.post(evaluator, `${path}/dossier/open`), 200, 'open');
    expectStatus(
      await this.client.post(evaluator, `${path}/scores`, { scores: sheet(points) }),
      200,
      'score',
    );
  }

  async scored(who: Caller, callId: string, points: number[] = [80, 75, 70], body?: Json): Promise<string> {
    const applicationId = await this.assigned(who, callId, body);
    for (const [i, evaluator] of EVALUATORS.entries())
      await this.evaluate(evaluator, applicationId, points[i]);
    expectStatus(
      await this.client.post('committee', `${F}/applications/${applicationId}/consensus`),
      200,
      'consensus',
    );
    return applicationId;
  }

  async recommended(who: Caller, callId: string, points?: number[], body?: Json): Promise<string> {
    const applicationId = await this.scored(who, callId, points, body);
    expectStatus(
      await this.client.post('committee', `${F}/applications/${applicationId}/recommendation`, {
        recommended: true,
        rationale: 'Projet pertinent et faisable.',
      }),
      200,
      'recommend',
    );
    return applicationId;
  }

  async awarded(who: Caller, callId: string, body?: Json): Promise<string> {
    const applicationId = await this.recommended(who, callId, undefined, body);
    expectStatus(
      await this.client.post('committee', `${F}/applications/${applicationId}/award`, {
        conditions: ['Rapport financier semestriel'],
        rationale: 'Classé dans le budget.',
      }),
      200,
      'award',
    );
    return applicationId;
  }

  read(who: Caller, applicationId: string) {
    return this.client.get(who, `${F}/applications/${applicationId}`);
  }
}

/** A Funding route and the roles its @Roles names ('public' for @Public). */
export interface FundingRoute {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  roles: readonly (RoleName | 'public')[];
}

const READ_ALL = ['officer', 'committee', 'auditor', 'admin'] as const;

/** Every route of the Funding API with who may call it: what the tests hold the API to. */
export const FUNDING_ROUTES: readonly FundingRoute[] = [
  { method: 'POST', path: `${F}/envelopes`, roles: ['officer'] },
  { method: 'GET', path: `${F}/envelopes`, roles: READ_ALL },
  { method: 'GET', path: `${F}/envelopes/{envelopeId}`, roles: READ_ALL },
  { method: 'POST', path: `${F}/envelopes/{envelopeId}/close`, roles: ['officer'] },
  { method: 'GET', path: `${F}/programmes/{programmeId}`, roles: READ_ALL },
  { method: 'POST', path: `${F}/calls`, roles: ['officer'] },
  { method: 'GET', path: `${F}/calls`, roles: ['public'] },
  { method: 'GET', path: `${F}/calls/{callId}`, roles: ['public'] },
  { method: 'PATCH', path: `${F}/calls/{callId}`, roles: ['officer'] },
  { method: 'POST', path: `${F}/calls/{callId}/publish`, roles: ['officer'] },
  { method: 'POST', path: `${F}/calls/{callId}/extend-deadline`, roles: ['officer'] },
  { method: 'POST', path: `${F}/calls/{callId}/close`, roles: ['officer'] },
  { method: 'GET', path: `${F}/calls/{callId}/applications`, roles: READ_ALL },
  { method: 'GET', path: `${F}/calls/{callId}/ranking`, roles: READ_ALL },
  { method: 'POST', path: `${F}/applications`, roles: ['association'] },
  { method: 'GET', path: `${F}/applications`, roles: ['association', ...READ_ALL] },
  { method: 'GET', path: `${F}/applications/{applicationId}`, roles: ['association', ...READ_ALL] },
  { method: 'PATCH', path: `${F}/applications/{applicationId}`, roles: ['association'] },
  { method: 'POST', path: `${F}/applications/{applicationId}/submit`, roles: ['association'] },
  { method: 'POST', path: `${F}/applications/{applicationId}/withdraw`, roles: ['association'] },
  { method: 'POST', path: `${F}/applications/{applicationId}/screen`, roles: ['officer'] },
  { method: 'POST', path: `${F}/applications/{applicationId}/appeal`, roles: ['association'] },
  { method: 'GET', path: `${F}/assignments`, roles: ['evaluator'] },
  { method: 'POST', path: `${F}/applications/{applicationId}/evaluators`, roles: ['officer'] },
  {
    method: 'POST',
    path: `${F}/applications/{applicationId}/evaluators/{evaluatorId}/remove`,
    roles: ['officer'],
  },
  { method: 'POST', path: `${F}/applications/{applicationId}/conflicts`, roles: ['officer'] },
  { method: 'POST', path: `${F}/applications/{applicationId}/declaration`, roles: ['evaluator'] },
  { method: 'POST', path: `${F}/applications/{applicationId}/dossier/open`, roles: ['evaluator'] },
  { method: 'GET', path: `${F}/applications/{applicationId}/dossier`, roles: ['evaluator'] },
  { method: 'POST', path: `${F}/applications/{applicationId}/scores`, roles: ['evaluator'] },
  { method: 'POST', path: `${F}/applications/{applicationId}/consensus`, roles: ['committee'] },
  { method: 'POST', path: `${F}/applications/{applicationId}/recommendation`, roles: ['committee'] },
  { method: 'POST', path: `${F}/applications/{applicationId}/award`, roles: ['committee'] },
  { method: 'POST', path: `${F}/applications/{applicationId}/reject`, roles: ['committee'] },
  { method: 'POST', path: `${F}/applications/{applicationId}/appeal/decision`, roles: ['committee'] },
  { method: 'POST', path: `${F}/applications/{applicationId}/agreement`, roles: ['officer'] },
  {
    method: 'POST',
    path: `${F}/applications/{applicationId}/tranches/{trancheId}/release`,
    roles: ['officer'],
  },
  {
    method: 'POST',
    path: `${F}/applications/{applicationId}/tranches/{trancheId}/report`,
    roles: ['association'],
  },
  {
    method: 'POST',
    path: `${F}/applications/{applicationId}/tranches/{trancheId}/review`,
    roles: ['officer'],
  },
  { method: 'GET', path: `${F}/applicants/{associationId}`, roles: ['association', ...READ_ALL] },
  { method: 'GET', path: `${F}/figures`, roles: ['public'] },
];

export const fillFundingPath = (route: FundingRoute, params: Record<string, string>) =>
  fillPath({ ...route, method: route.method }, params);

/** Roles the route refuses. */
export const refusedFundingRoles = (route: FundingRoute): RoleName[] =>
  route.roles.includes('public') ? [] : ROLES.filter((role) => !route.roles.includes(role));

export { USER_OF_ROLE };
