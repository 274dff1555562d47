import { Command, Decider, DomainEvent, streamName } from '@tadamon/eventsourcing';
import { checkId, FieldIssues } from '../field-validation';

/**
 * The organisations a record (an application, an agreement) concerns, as Notifications learnt them:
 * most integration events name only the record (`applicationId`), so the first one that names its
 * organisations (ApplicationSubmitted, AgreementAwaitingSignatures) is remembered here, in the
 * notifications' own log, and every later notice about the record goes to the same organisations.
 */
export type RecordNoticeSubject = Command<
  'RecordNoticeSubject',
  { subjectId: string; organisationIds: string[] }
>;
export type NoticeSubjectRecorded = DomainEvent<
  'NoticeSubjectRecorded',
  { subjectId: string; organisationIds: string[]; at: string }
>;

export type NoticeSubjectState = { subjectId: string | null; organisationIds: string[] };

export const NOTICE_SUBJECT_CATEGORY = 'noticeSubject';
export const noticeSubjectStreamName = (subjectId: string): string =>
  streamName(NOTICE_SUBJECT_CATEGORY, subjectId);

const MAX_ORGANISATIONS = 100;

export const decideNoticeSubject = (
  command: RecordNoticeSubject,
  state: NoticeSubjectState,
): NoticeSubjectRecorded[] => {
  const issues = new FieldIssues();
  const subjectId = checkId(issues, 'subjectId', command.data.subjectId);
  const ids = Array.isArray(command.data.organisationIds) ? command.data.organisationIds : [];
  if (!Array.isArray(command.data.organisationIds) || ids.length === 0 || ids.length > MAX_ORGANISATIONS)
    issues.add('organisationIds', `must list 1 to ${MAX_ORGANISATIONS} organisations`);
  ids.forEach((id, i) => checkId(issues, `organisationIds[${i}]`, id));
  if (state.subjectId !== null && state.subjectId !== subjectId)
    issues.add('subjectId', 'is not this stream');
  issues.throwIfAny();
  // Only the organisations not known yet: a redelivered event records nothing.
  const added = [...new Set(ids)].filter((id) => !state.organisationIds.includes(id)).sort();
  if (added.length === 0) return [];
  return [
    { type: 'NoticeSubjectRecorded', data: { subjectId, organisationIds: added, at: command.metadata.now } },
  ];
};

export const evolveNoticeSubject = (
  state: NoticeSubjectState,
  event: NoticeSubjectRecorded,
): NoticeSubjectState => ({
  subjectId: event.data.subjectId,
  organisationIds: [...state.organisationIds, ...event.data.organisationIds],
});

export const noticeSubjectDecider: Decider<RecordNoticeSubject, NoticeSubjectRecorded, NoticeSubjectState> = {
  decide: decideNoticeSubject,
  evolve: evolveNoticeSubject,
  initialState: () => ({ subjectId: null, organisationIds: [] }),
};
