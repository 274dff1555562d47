import { definePublication } from './publication';

/**
 * What Partnerships tells the other contexts (topic `tadamon.partnerships.events.v1`): the life of
 * agreements, programmes, co-development projects, result updates and support requests, for
 * notifications and the public.
 *
 * Never published: drafts and their revisions, the terms and amounts of an agreement (parties'
 * commitments are negotiated: the API shows them to the parties), who signed for a party (a
 * person), every free text (reasons, notes, comments, support requests' subject and description,
 * answers' text), indicator values and evidence, budget lines, expenditures and documents. Whoever
 * needs more asks Partnerships' API, which checks who is asking. Ids of organisations (parties,
 * carriers, requesters) are published: they are the Registry's public records.
 */
type Money = { amountMinor: number; currency: string };
type LocalizedText = { ar?: string; fr?: string; en?: string };
type Data = Record<string, unknown>;

export const PARTNERSHIPS_CONTEXT = 'partnerships';

export interface AgreementAwaitingSignaturesV1 {
  agreementId: string;
  /** 1 for the agreement itself, n+1 for an amendment. */
  version: number;
  /** Set for an amendment or a renewal. */
  amendmentId: string | null;
  kind: 'agreement' | 'amendment' | 'renewal';
  /** The parties whose signature puts the version in force. */
  signatories: string[];
  at: string;
}
export interface AgreementVersionInForceV1 {
  agreementId: string;
  version: number;
  amendmentId: string | null;
  effectiveOn: string;
  at: string;
}
export interface PartnershipAgreementSignedV1 {
  agreementId: string;
  version: number;
  partyId: string;
  signedOn: string;
  at: string;
}
export interface AgreementStepV1 {
  agreementId: string;
  at: string;
}
export interface AgreementEndedV1 extends AgreementStepV1 {
  /** The first day the agreement no longer binds the parties (termination), or its end date (expiry). */
  effectiveOn: string | null;
}
export interface ProgrammeDefinedV1 {
  programmeId: string;
  name: LocalizedText;
  partnerId: string;
  funderIds: string[];
  budget: Money[];
  period: { start: string; end: string };
  at: string;
}
export interface ProjectOpenedV1 {
  projectId: string;
  carrierId: string;
  origin: 'agreement' | 'award' | 'replication';
  /** The Funding application an award-born project comes from. */
  applicationId: string | null;
  originalProjectId: string | null;
  agreementId: string | null;
  programmeId: string | null;
  /** The 2015 regions of its locations. */
  regions: string[];
  status: string;
  at: string;
}
export interface ProjectStatusChangedV1 {
  projectId: string;
  from: string;
  to: string;
  at: string;
}
export interface ProjectStepV1 {
  projectId: string;
  at: string;
}
export interface ReplicationProposedV1 {
  projectId: string;
  replicaProjectId: string;
  region: string;
  at: string;
}
export interface IndicatorUpdateV1 {
  projectId: string;
  updateId: string;
  indicatorId: string;
  at: string;
}
export interface SupportRequestedV1 {
  requestId: string;
  requesterId: string;
  projectId: string | null;
  kind: string;
  at: string;
}
export interface SupportRequestStepV1 {
  requestId: string;
  at: string;
}
export interface SupportRequestAnsweredV1 extends SupportRequestStepV1 {
  /** advice, introduction or referral; the text stays in Partnerships. */
  answerKind: string;
}

const text = (d: Data, key: string): string => d[key] as string;
const agreementStep =
  (at: string) =>
  (d: Data): AgreementStepV1 => ({ agreementId: text(d, 'agreementId'), at: text(d, at) });
const projectStep =
  (at: string) =>
  (d: Data): ProjectStepV1 => ({ projectId: text(d, 'projectId'), at: text(d, at) });
const indicatorUpdate =
  (at: string) =>
  (d: Data): IndicatorUpdateV1 => ({
    projectId: text(d, 'projectId'),
    updateId: text(d, 'updateId'),
    indicatorId: text(d, 'indicatorId'),
    at: text(d, at),
  });
const requestStep =
  (at: string) =>
  (d: Data): SupportRequestStepV1 => ({ requestId: text(d, 'requestId'), at: text(d, at) });
const signed = (d: Data): PartnershipAgreementSignedV1 => ({
  agreementId: text(d, 'agreementId'),
  version: d['version'] as number,
  partyId: text(d, 'partyId'),
  signedOn: text(d, 'signedOn'),
  at: text(d, 'recordedAt'),
});
const inForce = (d: Data): AgreementVersionInForceV1 => ({
  agreementId: text(d, 'agreementId'),
  version: d['version'] as number,
  amendmentId: (d['amendmentId'] as string | undefined) ?? null,
  effectiveOn: text(d, 'effectiveOn'),
  at: text(d, 'enteredIntoForceAt'),
});
const originOf = (d: Data): Data => d['origin'] as Data;
const regionsOf = (d: Data): string[] => [
  ...new Set(((d['locations'] as Data[] | undefined) ?? []).map((l) => l['region'] as string)),
];

export const partnershipsPublication = definePublication({
  context: PARTNERSHIPS_CONTEXT,
  categories: ['partnershipAgreement', 'programme', 'project', 'projectResults', 'supportRequest'],
  events: {
    AgreementSubmittedForSignature: {
      type: 'AgreementAwaitingSignatures',
      schemaVersion: 1,
      toData: (d: Data): AgreementAwaitingSignaturesV1 => ({
        agreementId: text(d, 'agreementId'),
        version: 1,
        amendmentId: null,
        kind: 'agreement',
        signatories: d['signatories'] as string[],
        at: text(d, 'submittedAt'),
      }),
    },
    AmendmentProposed: {
      type: 'AgreementAwaitingSignatures',
      schemaVersion: 1,
      toData: (d: Data): AgreementAwaitingSignaturesV1 => ({
        agreementId: text(d, 'agreementId'),
        version: d['version'] as number,
        amendmentId: text(d, 'amendmentId'),
        kind: d['kind'] as 'amendment' | 'renewal',
        signatories: d['signatories'] as string[],
        at: text(d, 'proposedAt'),
      }),
    },
    AgreementSigned: { type: 'AgreementSigned', schemaVersion: 1, toData: signed },
    AmendmentSigned: { type: 'AgreementSigned', schemaVersion: 1, toData: signed },
    AgreementEnteredIntoForce: { type: 'AgreementVersionInForce', schemaVersion: 1, toData: inForce },
    AmendmentEnteredIntoForce: { type: 'AgreementVersionInForce', schemaVersion: 1, toData: inForce },
    AgreementSuspended: {
      type: 'AgreementSuspended',
      schemaVersion: 1,
      toData: agreementStep('suspendedAt'),
    },
    AgreementResumed: { type: 'AgreementResumed', schemaVersion: 1, toData: agreementStep('resumedAt') },
    AgreementTerminated: {
      type: 'AgreementTerminated',
      schemaVersion: 1,
      toData: (d: Data): AgreementEndedV1 => ({
        ...agreementStep('terminatedAt')(d),
        effectiveOn: text(d, 'effectiveOn'),
      }),
    },
    AgreementExpired: {
      type: 'AgreementExpired',
      schemaVersion: 1,
      toData: (d: Data): AgreementEndedV1 => ({
        ...agreementStep('expiredAt')(d),
        effectiveOn: text(d, 'endDate'),
      }),
    },
    AgreementCompleted: {
      type: 'AgreementCompleted',
      schemaVersion: 1,
      toData: (d: Data): AgreementEndedV1 => ({ ...agreementStep('completedAt')(d), effectiveOn: null }),
    },
    ProgrammeDefined: {
      type: 'ProgrammeDefined',
      schemaVersion: 1,
      toData: (d: Data): ProgrammeDefinedV1 => ({
        programmeId: text(d, 'programmeId'),
        name: d['name'] as LocalizedText,
        partnerId: text(d, 'partnerId'),
        funderIds: d['funderIds'] as string[],
        budget: d['budget'] as Money[],
        period: d['period'] as ProgrammeDefinedV1['period'],
        at: text(d, 'definedAt'),
      }),
    },
    ProgrammeClosed: {
      type: 'ProgrammeClosed',
      schemaVersion: 1,
      toData: (d: Data) => ({ programmeId: text(d, 'programmeId'), at: text(d, 'closedAt') }),
    },
    ProjectOpened: {
      type: 'ProjectOpened',
      schemaVersion: 1,
      toData: (d: Data): ProjectOpenedV1 => ({
        projectId: text(d, 'projectId'),
        carrierId: text(d, 'carrierId'),
        origin: originOf(d)['kind'] as ProjectOpenedV1['origin'],
        applicationId: (originOf(d)['applicationId'] as string | undefined) ?? null,
        originalProjectId: (originOf(d)['originalProjectId'] as string | undefined) ?? null,
        agreementId: (d['agreementId'] as string | null | undefined) ?? null,
        programmeId: (d['programmeId'] as string | null | undefined) ?? null,
        regions: regionsOf(d),
        status: text(d, 'status'),
        at: text(d, 'openedAt'),
      }),
    },
    ProjectStatusChanged: {
      type: 'ProjectStatusChanged',
      schemaVersion: 1,
      toData: (d: Data): ProjectStatusChangedV1 => ({
        projectId: text(d, 'projectId'),
        from: text(d, 'from'),
        to: text(d, 'to'),
        at: text(d, 'changedAt'),
      }),
    },
    ProjectPublished: { type: 'ProjectPublished', schemaVersion: 1, toData: projectStep('publishedAt') },
    ProjectUnpublished: {
      type: 'ProjectUnpublished',
      schemaVersion: 1,
      toData: projectStep('unpublishedAt'),
    },
    ReplicationProposed: {
      type: 'ReplicationProposed',
      schemaVersion: 1,
      toData: (d: Data): ReplicationProposedV1 => ({
        projectId: text(d, 'projectId'),
        replicaProjectId: text(d, 'replicaProjectId'),
        region: (d['region'] as { code: string }).code,
        at: text(d, 'proposedAt'),
      }),
    },
    IndicatorUpdateSubmitted: {
      type: 'IndicatorUpdateSubmitted',
      schemaVersion: 1,
      toData: indicatorUpdate('submittedAt'),
    },
    IndicatorUpdateApproved: {
      type: 'IndicatorUpdateApproved',
      schemaVersion: 1,
      toData: indicatorUpdate('approvedAt'),
    },
    IndicatorUpdateReturned: {
      type: 'IndicatorUpdateReturned',
      schemaVersion: 1,
      toData: indicatorUpdate('returnedAt'),
    },
    SupportRequested: {
      type: 'SupportRequested',
      schemaVersion: 1,
      toData: (d: Data): SupportRequestedV1 => ({
        requestId: text(d, 'requestId'),
        requesterId: text(d, 'requesterId'),
        projectId: (d['projectId'] as string | null | undefined) ?? null,
        kind: text(d, 'kind'),
        at: text(d, 'receivedAt'),
      }),
    },
    SupportRequestAssigned: {
      type: 'SupportRequestAssigned',
      schemaVersion: 1,
      toData: requestStep('assignedAt'),
    },
    SupportRequestAnswered: {
      type: 'SupportRequestAnswered',
      schemaVersion: 1,
      toData: (d: Data): SupportRequestAnsweredV1 => ({
        ...requestStep('answeredAt')(d),
        answerKind: (d['answer'] as Data)['kind'] as string,
      }),
    },
    SupportRequestClosed: { type: 'SupportRequestClosed', schemaVersion: 1, toData: requestStep('closedAt') },
    SupportRequestWithdrawn: {
      type: 'SupportRequestWithdrawn',
      schemaVersion: 1,
      toData: requestStep('withdrawnAt'),
    },
  },
});
