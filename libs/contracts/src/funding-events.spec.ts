import { RecordedEvent } from '@tadamon/eventsourcing';
import { fundingPublication } from './funding-events';
import { toIntegrationEvent } from './publication';

const recorded = (type: string, streamId: string, data: unknown): RecordedEvent => ({
  id: '6f1c2a3b-0000-5000-8000-000000000002',
  type,
  schemaVersion: 1,
  data,
  metadata: {
    correlationId: 'c',
    causationId: 'c',
    commandId: 'c',
    actor: { id: 'user-committee', roles: ['committee'] },
  },
  streamId,
  revision: 3,
  globalPosition: 42,
  recordedAt: '2026-11-29T10:00:00.000Z',
  prevHash: 'p',
  hash: 'h',
});
const publish = (type: string, data: unknown, streamId = 'grantApplication-app1') =>
  toIntegrationEvent(fundingPublication, recorded(type, streamId, data));

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const decisionRecord = {
  applicationId: 'app1',
  callId: 'call1',
  associationId: 'a1',
  committeeMembers: ['user-c1', 'user-c2', 'user-c3'],
  criteriaVersion: 2,
  scoringRulesVersion: '2026.1',
  consensus: 7450,
  envelopeId: 'env1',
  envelopeRemaining: eur(900_000_00),
  decidedAt: '2026-11-29T10:00:00.000Z',
  by: 'user-c1',
};

describe('funding publication', () => {
  it('publishes a call with its title and who may apply, without its criteria or budget', () => {
    const event = publish(
      'CallForProposalsPublished',
      {
        callId: 'call1',
        criteriaVersion: 2,
        deadline: '2026-12-31T23:59:00.000Z',
        title: { fr: 'Eau potable', en: 'Drinking water' },
        eligibility: {
          hostCountries: ['FR'],
          originRegions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
          sectors: ['14030'],
          maxAmountRequested: eur(100_00),
          minCoFinancingPercent: 10,
        },
        publishedAt: '2026-11-29T10:00:00.000Z',
        by: 'user-officer',
      },
      'callForProposals-call1',
    );
    expect(event?.data).toEqual({
      callId: 'call1',
      criteriaVersion: 2,
      deadline: '2026-12-31T23:59:00.000Z',
      publishedAt: '2026-11-29T10:00:00.000Z',
      title: { fr: 'Eau potable', en: 'Drinking water' },
      eligibility: {
        hostCountries: ['FR'],
        originRegions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
        sectors: ['14030'],
        maxAmountRequested: eur(100_00),
      },
    });
    // A call published before the title was recorded: the same event as it always was.
    expect(
      publish(
        'CallForProposalsPublished',
        { callId: 'c0', criteriaVersion: 1, deadline: 'd', publishedAt: 'p', by: 'o' },
        'callForProposals-c0',
      )?.data,
    ).toEqual({ callId: 'c0', criteriaVersion: 1, deadline: 'd', publishedAt: 'p' });
  });

  it('publishes to tadamon.funding.events.v1 from the calls, envelopes and applications', () => {
    expect(fundingPublication.topic).toBe('tadamon.funding.events.v1');
    expect(fundingPublication.context).toBe('funding');
    expect([...fundingPublication.categories].sort()).toEqual([
      'budgetEnvelope',
      'callForProposals',
      'grantApplication',
    ]);
  });

  it('publishes an award with its amount, applicant, call and rules, without score, committee or rationale', () => {
    const event = publish('GrantAwarded', {
      ...decisionRecord,
      amount: eur(50_000_00),
      conditions: ['quarterly report'],
      rationale: 'the committee found the budget realistic',
    });
    expect(event).toMatchObject({
      type: 'GrantAwarded',
      schemaVersion: 1,
      context: 'funding',
      streamId: 'grantApplication-app1',
      globalPosition: 42,
      occurredAt: '2026-11-29T10:00:00.000Z',
    });
    expect(event?.data).toEqual({
      applicationId: 'app1',
      callId: 'call1',
      associationId: 'a1',
      envelopeId: 'env1',
      criteriaVersion: 2,
      scoringRulesVersion: '2026.1',
      amount: eur(50_000_00),
      decidedAt: '2026-11-29T10:00:00.000Z',
    });
  });

  it('publishes the awarded project field by field: nothing the domain event carries besides', () => {
    const project = {
      title: { fr: 'Eau potable à Figuig', ar: 'الماء الصالح للشرب بفكيك' },
      summary: { fr: 'Adduction pour six douars' },
      sectors: ['14030'],
      region: { scheme: 'iso3166-2:2015', code: 'MA-08' },
      coFinancing: eur(5_000_00),
      documents: [{ documentId: 'd1', kind: 'budget', name: 'budget.pdf', sha256: 'a'.repeat(64) }],
      internalNote: 'never published',
    };
    const event = publish('GrantAwarded', { ...decisionRecord, amount: eur(50_000_00), project });
    expect(event?.data).toMatchObject({
      project: {
        title: project.title,
        summary: project.summary,
        sectors: ['14030'],
        region: project.region,
        coFinancing: eur(5_000_00),
      },
    });
    expect(Object.keys((event?.data as { project: object }).project).sort()).toEqual([
      'coFinancing',
      'region',
      'sectors',
      'summary',
      'title',
    ]);
  });

  it('publishes a rejection with its appeal deadline but not the committee’s free-text reasons', () => {
    const event = publish('GrantApplicationRejected', {
      ...decisionRecord,
      reasons: ['evaluator 2 thinks the team is weak'],
      appealDeadline: '2026-12-29T10:00:00.000Z',
    });
    expect(event?.type).toBe('ApplicationRejected');
    expect(event?.data).toEqual({
      applicationId: 'app1',
      callId: 'call1',
      associationId: 'a1',
      envelopeId: 'env1',
      criteriaVersion: 2,
      scoringRulesVersion: '2026.1',
      appealDeadline: '2026-12-29T10:00:00.000Z',
      decidedAt: '2026-11-29T10:00:00.000Z',
    });
  });

  it('publishes ineligibility as rule codes, without the checks', () => {
    const event = publish('GrantApplicationFoundIneligible', {
      applicationId: 'app1',
      reasons: ['host-country', 'max-amount'],
      checks: [{ rule: 'host-country', passed: false, detail: 'XX' }],
      screenedAt: 't',
      by: 'user-officer',
    });
    expect(event).toMatchObject({ type: 'ApplicationFoundIneligible' });
    expect(event?.data).toEqual({ applicationId: 'app1', reasons: ['host-country', 'max-amount'], at: 't' });
  });

  it.each([
    [
      'CallForProposalsPublished',
      { callId: 'call1', criteriaVersion: 2, deadline: 'd', publishedAt: 't', by: 'user-officer' },
      'CallPublished',
      { callId: 'call1', criteriaVersion: 2, deadline: 'd', publishedAt: 't' },
    ],
    [
      'CallDeadlineExtended',
      { callId: 'call1', deadline: 'd2', previousDeadline: 'd1', extendedAt: 't', by: 'user-officer' },
      'CallDeadlineExtended',
      { callId: 'call1', deadline: 'd2', previousDeadline: 'd1', at: 't' },
    ],
    [
      'CallForProposalsClosed',
      { callId: 'call1', closedAt: 't', by: 'user-officer' },
      'CallClosed',
      { callId: 'call1', at: 't' },
    ],
    [
      'BudgetEnvelopeOpened',
      {
        envelopeId: 'env1',
        programmeId: 'p1',
        name: { fr: 'Enveloppe' },
        funderId: 'actor-eu',
        amount: eur(1_000_000_00),
        period: { start: '2026-01-01', end: '2026-12-31' },
        openedAt: 't',
        by: 'user-officer',
      },
      'EnvelopeOpened',
      {
        envelopeId: 'env1',
        programmeId: 'p1',
        name: { fr: 'Enveloppe' },
        funderId: 'actor-eu',
        amount: eur(1_000_000_00),
        period: { start: '2026-01-01', end: '2026-12-31' },
        openedAt: 't',
      },
    ],
    [
      'BudgetEnvelopeClosed',
      { envelopeId: 'env1', reason: 'programme over', closedAt: 't', by: 'user-officer' },
      'EnvelopeClosed',
      { envelopeId: 'env1', at: 't' },
    ],
    [
      'GrantApplicationSubmitted',
      {
        applicationId: 'app1',
        callId: 'call1',
        associationId: 'a1',
        terms: { criteriaVersion: 2, currency: 'EUR', awardCriteria: {} },
        submittedAt: 't',
        by: 'user-a1',
      },
      'ApplicationSubmitted',
      { applicationId: 'app1', callId: 'call1', associationId: 'a1', criteriaVersion: 2, submittedAt: 't' },
    ],
    [
      'GrantApplicationFoundEligible',
      { applicationId: 'app1', checks: [], screenedAt: 't', by: 'user-officer' },
      'ApplicationFoundEligible',
      { applicationId: 'app1', at: 't' },
    ],
    [
      'GrantApplicationWithdrawn',
      {
        applicationId: 'app1',
        reason: 'personal',
        previousStatus: 'awarded',
        award: { envelopeId: 'env1', amount: eur(1) },
        withdrawnAt: 't',
        by: 'user-a1',
      },
      'ApplicationWithdrawn',
      { applicationId: 'app1', previousStatus: 'awarded', at: 't' },
    ],
    [
      'GrantApplicationFlagged',
      { applicationId: 'app1', associationId: 'a1', reason: 'suspended: audit', flaggedAt: 't', by: 's' },
      'ApplicationFlagged',
      { applicationId: 'app1', associationId: 'a1', at: 't' },
    ],
    [
      'GrantApplicationFlagCleared',
      { applicationId: 'app1', associationId: 'a1', clearedAt: 't', by: 's' },
      'ApplicationUnflagged',
      { applicationId: 'app1', associationId: 'a1', at: 't' },
    ],
    [
      'AppealLodged',
      { applicationId: 'app1', grounds: 'the evaluator was biased', lodgedAt: 't', by: 'user-a1' },
      'AppealLodged',
      { applicationId: 'app1', at: 't' },
    ],
    [
      'AppealUpheld',
      { applicationId: 'app1', rationale: 'r', committeeMembers: ['user-c1'], decidedAt: 't', by: 'c' },
      'AppealUpheld',
      { applicationId: 'app1', at: 't' },
    ],
    [
      'AppealDismissed',
      { applicationId: 'app1', rationale: 'r', committeeMembers: ['user-c1'], decidedAt: 't', by: 'c' },
      'AppealDismissed',
      { applicationId: 'app1', at: 't' },
    ],
    [
      'GrantAgreementSigned',
      {
        applicationId: 'app1',
        agreementId: 'ag1',
        signedOn: '2026-12-01',
        signatories: ['Fatima Z.', 'Jean D.'],
        tranches: [{ trancheId: 't1', amount: eur(10), dueOn: '2027-01-01' }],
        recordedAt: 't',
        by: 'user-officer',
      },
      'AgreementSigned',
      {
        applicationId: 'app1',
        agreementId: 'ag1',
        signedOn: '2026-12-01',
        tranches: [{ trancheId: 't1', amount: eur(10), dueOn: '2027-01-01' }],
        at: 't',
      },
    ],
    [
      'TrancheReleased',
      {
        applicationId: 'app1',
        trancheId: 't1',
        amount: eur(10),
        envelopeId: 'env1',
        releasedAt: 't',
        by: 'o',
      },
      'TrancheReleased',
      { applicationId: 'app1', envelopeId: 'env1', trancheId: 't1', amount: eur(10), at: 't' },
    ],
  ])('maps %s to %s', (domainType, data, type, published) => {
    const event = publish(domainType, data);
    expect(event?.type).toBe(type);
    expect(event?.schemaVersion).toBe(1);
    expect(event?.data).toEqual(published);
  });

  it.each([
    ['GrantApplicationDrafted', { applicationId: 'app1', proposal: { title: { fr: 'x' } } }],
    ['GrantApplicationChanged', { applicationId: 'app1', changes: {} }],
    ['EvaluatorAssigned', { applicationId: 'app1', evaluatorId: 'user-e1' }],
    ['EvaluatorRemoved', { applicationId: 'app1', evaluatorId: 'user-e1', detail: 'cousin' }],
    ['NoConflictOfInterestDeclared', { applicationId: 'app1', evaluatorId: 'user-e1', statement: 's' }],
    ['ConflictOfInterestDeclared', { applicationId: 'app1', evaluatorId: 'user-e1', statement: 's' }],
    ['ConflictOfInterestDetected', { applicationId: 'app1', evaluatorId: 'user-e1', links: ['network:n1'] }],
    ['EvaluationDossierOpened', { applicationId: 'app1', evaluatorId: 'user-e1' }],
    ['EvaluatorScoresRecorded', { applicationId: 'app1', evaluatorId: 'user-e1', scores: [{ score: 3 }] }],
    ['ConsensusScoreReached', { applicationId: 'app1', outcome: {}, sheets: [] }],
    ['ConsensusScoreAnnulled', { applicationId: 'app1', reason: 'r' }],
    ['GrantApplicationRecommended', { applicationId: 'app1', rationale: 'r', committeeMembers: [] }],
    ['GrantApplicationNotRecommended', { applicationId: 'app1', rationale: 'r', committeeMembers: [] }],
    ['TrancheReportSubmitted', { applicationId: 'app1', trancheId: 't1', summary: 's' }],
    ['TrancheReportApproved', { applicationId: 'app1', trancheId: 't1', comment: 'c' }],
    ['TrancheReportReturned', { applicationId: 'app1', trancheId: 't1', comment: 'c' }],
    ['CallForProposalsDrafted', { callId: 'call1', terms: {} }],
    ['CallForProposalsRevised', { callId: 'call1', changes: {} }],
    ['FundsCommitted', { envelopeId: 'env1', applicationId: 'app1' }],
    ['CommitmentReleased', { envelopeId: 'env1', applicationId: 'app1' }],
    ['DisbursementRecorded', { envelopeId: 'env1', applicationId: 'app1' }],
  ])('keeps %s private', (domainType, data) => {
    expect(publish(domainType, data)).toBeUndefined();
  });
});
