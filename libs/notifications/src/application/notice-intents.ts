import type {
  AgreementAwaitingSignaturesV1,
  AgreementSignedV1,
  AgreementVersionInForceV1,
  ApplicationFoundIneligibleV1,
  ApplicationRejectedV1,
  ApplicationStepV1,
  ApplicationSubmittedV1,
  CallPublishedV1,
  CertificateIssuedV1,
  EnrolmentConfirmedV1,
  ModuleDefinedV1,
  SessionScheduledV1,
  GrantAwardedV1,
  IntegrationEvent,
  RegionalNeedMatchedV1,
  RegionalNeedPublishedV1,
  TrancheReleasedV1,
} from '@tadamon/contracts';
import { NoticeFacts } from '../domain/notification/notice-facts';
import { SourceContext, Trigger } from '../domain/notification/notification-messages';
import type { NoticeAudience } from './notifications-ports';

/** One notice an integration event calls for: a trigger about a record, for some organisations. */
export interface NoticeIntent {
  trigger: Trigger;
  subjectId: string;
  /**
   * The organisations told; null: those recorded for the subject by an earlier event, or (with an
   * audience) the associations the audience describes.
   */
  organisationIds: string[] | null;
  audience?: NoticeAudience;
  /**
   * A notice to one person (a trainee, by their Registry contact id) rather than to every contact
   * person of the organisations: the person by email, the organisations' accounts in-app.
   */
  person?: string;
  /** A training session whose first sitting, clock and place complete the facts (Notifications' read model). */
  session?: string;
  facts: NoticeFacts;
}

/** What Notifications does with an integration event: organisations to remember, notices to send. */
export interface EventNotices {
  context: SourceContext;
  /** The record's organisations (and title), as this event names them (kept for its later events). */
  subject?: {
    subjectId: string;
    organisationIds: string[];
    title?: NoticeFacts['title'];
    /** The record whose title this one takes (a training session's or certificate's module). */
    partOf?: string;
  };
  notices: NoticeIntent[];
}

type Mapping = (data: never, event: IntegrationEvent) => Omit<EventNotices, 'context'>;

const onApplication = (trigger: Trigger, dateOf: (d: ApplicationStepV1) => string, extra = {}) =>
  ((d: ApplicationStepV1) => ({
    notices: [
      {
        trigger,
        subjectId: d.applicationId,
        organisationIds: null,
        facts: { reference: d.applicationId, date: dateOf(d), ...extra },
      },
    ],
  })) as Mapping;

const FUNDING: Record<string, Mapping> = {
  // Calls published with who may apply (not those published before that was recorded).
  CallPublished: ((d: CallPublishedV1) =>
    d.eligibility && d.title
      ? {
          notices: [
            {
              trigger: 'call-matching',
              subjectId: d.callId,
              organisationIds: null,
              audience: {
                originRegions: d.eligibility.originRegions.map((r) => r.code),
                sectors: d.eligibility.sectors,
                hostCountries: d.eligibility.hostCountries,
              },
              facts: {
                reference: d.callId,
                title: d.title,
                date: d.publishedAt,
                deadline: d.deadline,
                reasons: d.eligibility.sectors,
                amount: d.eligibility.maxAmountRequested,
              },
            },
          ],
        }
      : { notices: [] }) as Mapping,
  ApplicationSubmitted: ((d: ApplicationSubmittedV1) => ({
    subject: { subjectId: d.applicationId, organisationIds: [d.associationId] },
    notices: [
      {
        trigger: 'application-received',
        subjectId: d.applicationId,
        organisationIds: [d.associationId],
        facts: { reference: d.applicationId, date: d.submittedAt },
      },
    ],
  })) as Mapping,
  ApplicationFoundEligible: onApplication('application-eligible', (d) => d.at),
  ApplicationFoundIneligible: ((d: ApplicationFoundIneligibleV1) => ({
    notices: [
      {
        trigger: 'application-ineligible',
        subjectId: d.applicationId,
        organisationIds: null,
        facts: { reference: d.applicationId, date: d.at, reasons: d.reasons },
      },
    ],
  })) as Mapping,
  GrantAwarded: ((d: GrantAwardedV1) => ({
    subject: { subjectId: d.applicationId, organisationIds: [d.associationId] },
    notices: [
      {
        trigger: 'grant-awarded',
        subjectId: d.applicationId,
        organisationIds: [d.associationId],
        facts: {
          reference: d.applicationId,
          title: d.project?.title ?? null,
          amount: d.amount,
          date: d.decidedAt,
        },
      },
    ],
  })) as Mapping,
  ApplicationRejected: ((d: ApplicationRejectedV1) => ({
    subject: { subjectId: d.applicationId, organisationIds: [d.associationId] },
    notices: [
      {
        trigger: 'application-rejected',
        subjectId: d.applicationId,
        organisationIds: [d.associationId],
        facts: { reference: d.applicationId, date: d.decidedAt, deadline: d.appealDeadline },
      },
    ],
  })) as Mapping,
  AgreementSigned: ((d: AgreementSignedV1) => ({
    notices: [
      {
        trigger: 'agreement-signed',
        subjectId: d.applicationId,
        organisationIds: null,
        facts: { reference: d.agreementId, date: d.at },
      },
    ],
  })) as Mapping,
  TrancheReleased: ((d: TrancheReleasedV1) => ({
    notices: [
      {
        trigger: 'tranche-released',
        subjectId: d.applicationId,
        organisationIds: null,
        facts: { reference: d.trancheId, amount: d.amount, date: d.at },
      },
    ],
  })) as Mapping,
};

const PARTNERSHIPS: Record<string, Mapping> = {
  // The parties asked to sign are the agreement's organisations: told when it (or an amendment) binds them.
  AgreementAwaitingSignatures: ((d: AgreementAwaitingSignaturesV1) => ({
    subject: { subjectId: d.agreementId, organisationIds: d.signatories },
    notices: [],
  })) as Mapping,
  AgreementVersionInForce: ((d: AgreementVersionInForceV1) => ({
    notices: [
      {
        trigger: d.version === 1 ? 'agreement-signed' : 'agreement-amended',
        subjectId: d.agreementId,
        organisationIds: null,
        facts: { reference: d.amendmentId ?? d.agreementId, date: d.at },
      },
    ],
  })) as Mapping,
};

const REGISTRY: Record<string, Mapping> = {
  // Its title, for the notices of its matches (RegionalNeedMatched names only the need).
  RegionalNeedPublished: ((d: RegionalNeedPublishedV1) => ({
    subject: { subjectId: d.needId, organisationIds: [d.publisherId], title: d.title },
    notices: [],
  })) as Mapping,
  RegionalNeedMatched: ((d: RegionalNeedMatchedV1) => ({
    notices: [
      {
        trigger: 'need-matching',
        subjectId: d.needId,
        organisationIds: d.associationIds,
        facts: { reference: d.needId, date: d.at },
      },
    ],
  })) as Mapping,
};

const TRAINING: Record<string, Mapping> = {
  // A module's title; a session and a certificate take their module's (notice subjects).
  ModuleDefined: ((d: ModuleDefinedV1) => ({
    subject: { subjectId: d.moduleId, organisationIds: [], title: d.title },
    notices: [],
  })) as Mapping,
  SessionScheduled: ((d: SessionScheduledV1) => ({
    subject: { subjectId: d.sessionId, organisationIds: [], partOf: d.moduleId },
    notices: [],
  })) as Mapping,
  EnrolmentConfirmed: ((d: EnrolmentConfirmedV1) => ({
    notices: [
      {
        trigger: 'enrolment-confirmed',
        subjectId: d.sessionId,
        organisationIds: [d.associationId],
        person: d.traineeId,
        session: d.sessionId,
        facts: { reference: d.sessionId },
      },
    ],
  })) as Mapping,
  CertificateIssued: ((d: CertificateIssuedV1) => ({
    subject: { subjectId: d.certificateId, organisationIds: [d.associationId], partOf: d.moduleId },
    notices: [
      {
        trigger: 'certificate-issued',
        subjectId: d.certificateId,
        organisationIds: [d.associationId],
        person: d.traineeId,
        facts: { reference: d.certificateId, date: d.at },
      },
    ],
  })) as Mapping,
};

const BY_CONTEXT: Partial<Record<SourceContext, Record<string, Mapping>>> = {
  funding: FUNDING,
  partnerships: PARTNERSHIPS,
  registry: REGISTRY,
  training: TRAINING,
};

/**
 * The notices an integration event calls for (none for most events). Pure: the policy resolves the
 * organisations to their contact persons, users and webhook endpoints, and requests each notice.
 */
export const noticesOf = (event: IntegrationEvent): EventNotices | undefined => {
  const context = event.context as SourceContext;
  const mapping = BY_CONTEXT[context]?.[event.type];
  if (!mapping) return undefined;
  return { context, ...mapping(event.data as never, event) };
};

/** The integration event types that lead to a notice or a subject, per context (for the docs). */
export const NOTICE_SOURCES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(BY_CONTEXT).map(([context, mappings]) => [context, Object.keys(mappings ?? {})]),
);
