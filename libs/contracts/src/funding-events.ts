import { definePublication } from './publication';

/**
 * What Funding tells the other contexts (topic `tadamon.funding.events.v1`): the public life of
 * calls, envelopes, applications and grants, for notifications, partnerships and the public.
 *
 * Never published: drafts, evaluators' assignments, conflict-of-interest declarations and
 * detections, evaluator scores and dossiers, consensus and recommendations, committee members,
 * signatories, and free text (rationales, appeal grounds, withdrawal, flag and rejection notes,
 * report summaries and reviews). Evaluation is confidential to protect evaluators and applicants
 * alike, names are personal data, and a published event can never be taken back: whoever needs
 * more asks Funding's API, which checks who is asking. Rejections carry no reasons for this
 * reason (the committee writes them as free text); ineligibility carries its rule codes.
 */
type Money = { amountMinor: number; currency: string };
type LocalizedText = { ar?: string; fr?: string; en?: string };
type Data = Record<string, unknown>;

export interface CallPublishedV1 {
  callId: string;
  criteriaVersion: number;
  deadline: string;
  publishedAt: string;
  /** The call's title and who may apply; absent from calls published before they were recorded. */
  title?: LocalizedText;
  eligibility?: CallEligibilityV1;
}
export interface CallEligibilityV1 {
  hostCountries: string[];
  originRegions: { scheme: string; code: string }[];
  sectors: string[];
  maxAmountRequested: Money | null;
}
export interface CallDeadlineExtendedV1 {
  callId: string;
  deadline: string;
  previousDeadline: string;
  at: string;
}
export interface CallClosedV1 {
  callId: string;
  at: string;
}
export interface EnvelopeOpenedV1 {
  envelopeId: string;
  programmeId: string;
  name: LocalizedText;
  funderId: string;
  amount: Money;
  period: { start: string; end: string };
  openedAt: string;
}
export interface EnvelopeClosedV1 {
  envelopeId: string;
  at: string;
}
export interface ApplicationSubmittedV1 {
  applicationId: string;
  callId: string;
  associationId: string;
  criteriaVersion: number;
  submittedAt: string;
}
/** An application's step that names only the application and the instant. */
export interface ApplicationStepV1 {
  applicationId: string;
  at: string;
}
export interface ApplicationFoundIneligibleV1 extends ApplicationStepV1 {
  /** Eligibility rule codes, e.g. `host-country`, `max-amount`. */
  reasons: string[];
}
export interface ApplicationWithdrawnV1 extends ApplicationStepV1 {
  previousStatus: string;
}
/** Flagged (or cleared) because the Registry suspended (or reinstated) the association. */
export interface ApplicationFlagChangedV1 extends ApplicationStepV1 {
  associationId: string;
}
interface DecisionV1 {
  applicationId: string;
  callId: string;
  associationId: string;
  envelopeId: string;
  criteriaVersion: number;
  scoringRulesVersion: string;
  decidedAt: string;
}
export interface GrantAwardedV1 extends DecisionV1 {
  amount: Money;
  /**
   * The awarded project as proposed: title, summary, DAC sectors, region of origin (2015 scheme) and
   * co-financing. Public once awarded; absent from awards recorded before it was added.
   */
  project?: AwardedProjectV1;
}
export interface AwardedProjectV1 {
  title: LocalizedText;
  summary: LocalizedText;
  sectors: string[];
  region: { scheme: string; code: string };
  coFinancing: Money;
}
export interface ApplicationRejectedV1 extends DecisionV1 {
  appealDeadline: string;
}
export interface AgreementSignedV1 {
  applicationId: string;
  agreementId: string;
  signedOn: string;
  tranches: { trancheId: string; amount: Money; dueOn: string }[];
  at: string;
}
export interface TrancheReleasedV1 {
  applicationId: string;
  envelopeId: string;
  trancheId: string;
  amount: Money;
  at: string;
}

const step =
  (at: string) =>
  (d: Data): ApplicationStepV1 => ({ applicationId: d['applicationId'] as string, at: d[at] as string });
const flagChanged =
  (at: string) =>
  (d: Data): ApplicationFlagChangedV1 => ({
    applicationId: d['applicationId'] as string,
    associationId: d['associationId'] as string,
    at: d[at] as string,
  });
/** Field by field, so that nothing the domain event may gain later is published by accident. */
const awardedProject = (p: Data): AwardedProjectV1 => ({
  title: p['title'] as LocalizedText,
  summary: p['summary'] as LocalizedText,
  sectors: p['sectors'] as string[],
  region: p['region'] as AwardedProjectV1['region'],
  coFinancing: p['coFinancing'] as Money,
});
const decision = (d: Data): DecisionV1 => ({
  applicationId: d['applicationId'] as string,
  callId: d['callId'] as string,
  associationId: d['associationId'] as string,
  envelopeId: d['envelopeId'] as string,
  criteriaVersion: d['criteriaVersion'] as number,
  scoringRulesVersion: d['scoringRulesVersion'] as string,
  decidedAt: d['decidedAt'] as string,
});

export const FUNDING_CONTEXT = 'funding';

export const fundingPublication = definePublication({
  context: FUNDING_CONTEXT,
  categories: ['callForProposals', 'budgetEnvelope', 'grantApplication'],
  events: {
    CallForProposalsPublished: {
      type: 'CallPublished',
      schemaVersion: 1,
      toData: (d: CallPublishedV1 & Data): CallPublishedV1 => ({
        callId: d.callId,
        criteriaVersion: d.criteriaVersion,
        deadline: d.deadline,
        publishedAt: d.publishedAt,
        ...(d.title === undefined ? {} : { title: d.title }),
        ...(d.eligibility === undefined
          ? {}
          : {
              eligibility: {
                hostCountries: d.eligibility.hostCountries,
                originRegions: d.eligibility.originRegions,
                sectors: d.eligibility.sectors,
                maxAmountRequested: d.eligibility.maxAmountRequested,
              },
            }),
      }),
    },
    CallDeadlineExtended: {
      type: 'CallDeadlineExtended',
      schemaVersion: 1,
      toData: (d: Data): CallDeadlineExtendedV1 => ({
        callId: d['callId'] as string,
        deadline: d['deadline'] as string,
        previousDeadline: d['previousDeadline'] as string,
        at: d['extendedAt'] as string,
      }),
    },
    CallForProposalsClosed: {
      type: 'CallClosed',
      schemaVersion: 1,
      toData: (d: Data): CallClosedV1 => ({ callId: d['callId'] as string, at: d['closedAt'] as string }),
    },
    BudgetEnvelopeOpened: {
      type: 'EnvelopeOpened',
      schemaVersion: 1,
      toData: (d: EnvelopeOpenedV1 & Data): EnvelopeOpenedV1 => ({
        envelopeId: d.envelopeId,
        programmeId: d.programmeId,
        name: d.name,
        funderId: d.funderId,
        amount: d.amount,
        period: d.period,
        openedAt: d.openedAt,
      }),
    },
    BudgetEnvelopeClosed: {
      type: 'EnvelopeClosed',
      schemaVersion: 1,
      toData: (d: Data): EnvelopeClosedV1 => ({
        envelopeId: d['envelopeId'] as string,
        at: d['closedAt'] as string,
      }),
    },
    GrantApplicationSubmitted: {
      type: 'ApplicationSubmitted',
      schemaVersion: 1,
      toData: (d: Data): ApplicationSubmittedV1 => ({
        applicationId: d['applicationId'] as string,
        callId: d['callId'] as string,
        associationId: d['associationId'] as string,
        criteriaVersion: (d['terms'] as Data)['criteriaVersion'] as number,
        submittedAt: d['submittedAt'] as string,
      }),
    },
    GrantApplicationFoundEligible: {
      type: 'ApplicationFoundEligible',
      schemaVersion: 1,
      toData: step('screenedAt'),
    },
    GrantApplicationFoundIneligible: {
      type: 'ApplicationFoundIneligible',
      schemaVersion: 1,
      toData: (d: Data): ApplicationFoundIneligibleV1 => ({
        ...step('screenedAt')(d),
        reasons: d['reasons'] as string[],
      }),
    },
    GrantApplicationWithdrawn: {
      type: 'ApplicationWithdrawn',
      schemaVersion: 1,
      toData: (d: Data): ApplicationWithdrawnV1 => ({
        ...step('withdrawnAt')(d),
        previousStatus: d['previousStatus'] as string,
      }),
    },
    GrantApplicationFlagged: {
      type: 'ApplicationFlagged',
      schemaVersion: 1,
      toData: flagChanged('flaggedAt'),
    },
    GrantApplicationFlagCleared: {
      type: 'ApplicationUnflagged',
      schemaVersion: 1,
      toData: flagChanged('clearedAt'),
    },
    GrantAwarded: {
      type: 'GrantAwarded',
      schemaVersion: 1,
      toData: (d: Data): GrantAwardedV1 => ({
        ...decision(d),
        amount: d['amount'] as Money,
        ...(d['project'] === undefined ? {} : { project: awardedProject(d['project'] as Data) }),
      }),
    },
    GrantApplicationRejected: {
      type: 'ApplicationRejected',
      schemaVersion: 1,
      toData: (d: Data): ApplicationRejectedV1 => ({
        ...decision(d),
        appealDeadline: d['appealDeadline'] as string,
      }),
    },
    AppealLodged: { type: 'AppealLodged', schemaVersion: 1, toData: step('lodgedAt') },
    AppealUpheld: { type: 'AppealUpheld', schemaVersion: 1, toData: step('decidedAt') },
    AppealDismissed: { type: 'AppealDismissed', schemaVersion: 1, toData: step('decidedAt') },
    GrantAgreementSigned: {
      type: 'AgreementSigned',
      schemaVersion: 1,
      toData: (d: Data): AgreementSignedV1 => ({
        applicationId: d['applicationId'] as string,
        agreementId: d['agreementId'] as string,
        signedOn: d['signedOn'] as string,
        tranches: (d['tranches'] as AgreementSignedV1['tranches']).map((t) => ({
          trancheId: t.trancheId,
          amount: t.amount,
          dueOn: t.dueOn,
        })),
        at: d['recordedAt'] as string,
      }),
    },
    TrancheReleased: {
      type: 'TrancheReleased',
      schemaVersion: 1,
      toData: (d: Data): TrancheReleasedV1 => ({
        applicationId: d['applicationId'] as string,
        envelopeId: d['envelopeId'] as string,
        trancheId: d['trancheId'] as string,
        amount: d['amount'] as Money,
        at: d['releasedAt'] as string,
      }),
    },
  },
});
