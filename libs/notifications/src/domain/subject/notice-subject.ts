import { Command, Decider, DomainEvent, streamName } from '@tadamon/eventsourcing';
import { checkId, checkText, FieldIssues, MAX_LONG_TEXT, sameJson } from '../field-validation';

const checkTitle = (issues: FieldIssues, value: LocalizedText): LocalizedText => {
  const title: LocalizedText = {};
  for (const [language, text] of Object.entries(value)) {
    if (!['ar', 'fr', 'en'].includes(language)) issues.add(`title.${language}`, 'is not a language');
    else title[language as 'fr'] = checkText(issues, `title.${language}`, text, MAX_LONG_TEXT);
  }
  return title;
};

/**
 * The organisations a record (an application, an agreement) concerns, as Notifications learnt them:
 * most integration events name only the record (`applicationId`), so the first one that names its
 * organisations (ApplicationSubmitted, AgreementAwaitingSignatures) is remembered here, in the
 * notifications' own log, and every later notice about the record goes to the same organisations.
 */
type LocalizedText = { ar?: string; fr?: string; en?: string };

/**
 * `title`: the record's public title when its first event gives it (a regional need's, a training
 * module's). `partOf`: the record whose title this one takes (a training session's module). A record
 * with a title or a `partOf` may name no organisation (a module concerns none).
 */
export type RecordNoticeSubject = Command<
  'RecordNoticeSubject',
  { subjectId: string; organisationIds: string[]; title?: LocalizedText | null; partOf?: string | null }
>;
export type NoticeSubjectRecorded = DomainEvent<
  'NoticeSubjectRecorded',
  { subjectId: string; organisationIds: string[]; title?: LocalizedText; partOf?: string; at: string }
>;

export type NoticeSubjectState = {
  subjectId: string | null;
  organisationIds: string[];
  title: LocalizedText | null;
  partOf?: string | null;
};

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
  const named = Boolean(command.data.title) || Boolean(command.data.partOf);
  if (
    !Array.isArray(command.data.organisationIds) ||
    (ids.length === 0 && !named) ||
    ids.length > MAX_ORGANISATIONS
  )
    issues.add('organisationIds', `must list 1 to ${MAX_ORGANISATIONS} organisations`);
  const partOf = command.data.partOf ? checkId(issues, 'partOf', command.data.partOf) : null;
  ids.forEach((id, i) => checkId(issues, `organisationIds[${i}]`, id));
  if (state.subjectId !== null && state.subjectId !== subjectId)
    issues.add('subjectId', 'is not this stream');
  issues.throwIfAny();
  const title = command.data.title ? checkTitle(issues, command.data.title) : null;
  issues.throwIfAny();
  // Only what is not known yet: a redelivered event records nothing.
  const added = [...new Set(ids)].filter((id) => !state.organisationIds.includes(id)).sort();
  const newTitle = title !== null && !sameJson(title, state.title) ? title : null;
  const newPartOf = partOf !== null && partOf !== (state.partOf ?? null) ? partOf : null;
  if (added.length === 0 && newTitle === null && newPartOf === null) return [];
  return [
    {
      type: 'NoticeSubjectRecorded',
      data: {
        subjectId,
        organisationIds: added,
        ...(newTitle ? { title: newTitle } : {}),
        ...(newPartOf ? { partOf: newPartOf } : {}),
        at: command.metadata.now,
      },
    },
  ];
};

export const evolveNoticeSubject = (
  state: NoticeSubjectState,
  event: NoticeSubjectRecorded,
): NoticeSubjectState => ({
  subjectId: event.data.subjectId,
  organisationIds: [...state.organisationIds, ...event.data.organisationIds],
  title: event.data.title ?? state.title,
  partOf: event.data.partOf ?? state.partOf ?? null,
});

export const noticeSubjectDecider: Decider<RecordNoticeSubject, NoticeSubjectRecorded, NoticeSubjectState> = {
  decide: decideNoticeSubject,
  evolve: evolveNoticeSubject,
  initialState: () => ({ subjectId: null, organisationIds: [], title: null, partOf: null }),
};
