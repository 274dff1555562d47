import { RecordedEvent } from '@tadamon/eventsourcing';
import { partnershipsPublication } from './partnerships-events';
import { toIntegrationEvent } from './publication';

const recorded = (type: string, data: unknown): RecordedEvent => ({
  id: '6f1c2a3b-0000-5000-8000-000000000003',
  type,
  schemaVersion: 1,
  data,
  metadata: {
    correlationId: 'c',
    causationId: 'c',
    commandId: 'c',
    actor: { id: 'user-officer', roles: ['officer'] },
  },
  streamId: 'partnershipAgreement-agr1',
  revision: 3,
  globalPosition: 42,
  recordedAt: '2026-11-29T10:00:00.000Z',
  prevHash: 'p',
  hash: 'h',
});
const publish = (type: string, data: unknown) =>
  toIntegrationEvent(partnershipsPublication, recorded(type, data));

const at = '2026-11-29T10:00:00.000Z';
/** Every field any Partnerships event carries, private ones included, so each mapping picks its own. */
const everything = {
  agreementId: 'agr1',
  amendmentId: 'amd2',
  version: 2,
  kind: 'amendment',
  signatories: ['ministry', 'md-0042'],
  partyId: 'md-0042',
  signatoryId: 'user-president-md',
  signedOn: '2026-11-28',
  recordedAt: at,
  effectiveOn: '2026-12-01',
  enteredIntoForceAt: at,
  endDate: '2027-12-31',
  terms: {
    parties: [
      { partyId: 'md-0042', commitments: [{ kind: 'money', amount: { amountMinor: 1, currency: 'EUR' } }] },
    ],
  },
  changes: { endDate: '2028-12-31' },
  differences: ['$.endDate: 2027-12-31 -> 2028-12-31'],
  previous: { endDate: '2027-12-31' },
  reason: 'a confidential reason',
  note: 'an internal note',
  comment: 'a comment',
  subject: 'help with the water project',
  description: 'a long description naming a person',
  answer: { kind: 'introduction', actorId: 'cri-souss-massa', note: 'call Mr X on +212…' },
  evidence: [{ sha256: 'a'.repeat(64), name: 'photo.jpg' }],
  value: { kind: 'number', amount: 12 },
  requestId: 'req1',
  requesterId: 'md-0042',
  projectId: 'prj1',
  officerId: 'user-officer-2',
  updateId: 'upd1',
  indicatorId: 'ind1',
  replicaProjectId: 'prj2',
  region: { scheme: 'iso3166-2:2015', code: 'MA-09' },
  carrierId: 'md-0042',
  origin: { kind: 'award', applicationId: 'app1', callId: 'call1', envelopeId: 'env1' },
  programmeId: 'icmd2',
  locations: [
    { area: { scheme: 'iso3166-2:2015', code: 'MA-TIZ' }, region: 'MA-09', commune: null, point: null },
  ],
  budgetLines: [{ lineId: 'l1', amount: { amountMinor: 1, currency: 'MAD' } }],
  status: '2',
  from: '1',
  to: '2',
  name: { fr: 'ICMD phase 2' },
  partnerId: 'iom',
  funderIds: ['iom'],
  budget: [{ amountMinor: 50_000_000, currency: 'USD' }],
  period: { start: '2014-01-01', end: '2017-12-31' },
  by: 'user-officer',
  ...Object.fromEntries(
    [
      'submittedAt',
      'proposedAt',
      'suspendedAt',
      'resumedAt',
      'terminatedAt',
      'expiredAt',
      'completedAt',
      'definedAt',
      'closedAt',
      'openedAt',
      'changedAt',
      'publishedAt',
      'unpublishedAt',
      'approvedAt',
      'returnedAt',
      'receivedAt',
      'assignedAt',
      'answeredAt',
      'withdrawnAt',
    ].map((k) => [k, at]),
  ),
};
const PRIVATE = [
  'reason',
  'note',
  'comment',
  'subject',
  'description',
  'signatoryId',
  'by',
  'officerId',
  'terms',
  'changes',
  'differences',
  'previous',
  'evidence',
  'value',
  'answer',
  'budgetLines',
  'locations',
];

const keysDeep = (value: unknown): string[] =>
  value !== null && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => [k, ...keysDeep(v)])
    : [];

describe('partnerships publication', () => {
  it('publishes to tadamon.partnerships.events.v1 from agreements, programmes, projects, results and support requests', () => {
    expect(partnershipsPublication.topic).toBe('tadamon.partnerships.events.v1');
    expect([...partnershipsPublication.categories].sort()).toEqual([
      'partnershipAgreement',
      'programme',
      'project',
      'projectResults',
      'supportRequest',
    ]);
  });

  it.each(Object.keys(partnershipsPublication.events))(
    '%s publishes no free text, no person and no terms',
    (type) => {
      const event = publish(type, everything);
      expect(event).toBeDefined();
      const keys = keysDeep(event?.data);
      expect(keys.filter((k) => PRIVATE.includes(k))).toEqual([]);
      expect(JSON.stringify(event?.data)).not.toMatch(/user-|confidential|internal note|Mr X|photo/);
    },
  );

  it('keeps drafts, revisions, documents, expenditures and indicator definitions private', () => {
    for (const type of [
      'AgreementDrafted',
      'AgreementDraftRevised',
      'AgreementDocumentAttached',
      'AmendmentWithdrawn',
      'ProgrammeRevised',
      'ProjectRevised',
      'ExpenditureRecorded',
      'ProjectDocumentAttached',
      'ProjectDisbursementRecorded',
      'MilestoneReached',
      'ResultDefined',
      'IndicatorDefined',
      'IndicatorTargetsRevised',
    ]) {
      expect(publish(type, everything)).toBeUndefined();
    }
  });

  it('tells the parties an amendment awaits their signature, and when a version is in force', () => {
    expect(publish('AmendmentProposed', everything)?.data).toEqual({
      agreementId: 'agr1',
      version: 2,
      amendmentId: 'amd2',
      kind: 'amendment',
      signatories: ['ministry', 'md-0042'],
      at,
    });
    expect(publish('AgreementSubmittedForSignature', everything)?.data).toMatchObject({
      version: 1,
      amendmentId: null,
      kind: 'agreement',
    });
    expect(
      publish('AgreementEnteredIntoForce', { ...everything, version: 1, amendmentId: undefined })?.data,
    ).toEqual({
      agreementId: 'agr1',
      version: 1,
      amendmentId: null,
      effectiveOn: '2026-12-01',
      at,
    });
  });

  it('publishes an award-born project with its application and the regions of its locations', () => {
    expect(publish('ProjectOpened', everything)).toMatchObject({
      type: 'ProjectOpened',
      data: {
        projectId: 'prj1',
        carrierId: 'md-0042',
        origin: 'award',
        applicationId: 'app1',
        originalProjectId: null,
        programmeId: 'icmd2',
        regions: ['MA-09'],
        status: '2',
      },
    });
    expect(publish('SupportRequestAnswered', everything)?.data).toEqual({
      requestId: 'req1',
      answerKind: 'introduction',
      at,
    });
  });
});
