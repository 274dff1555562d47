import { DeciderSpecification } from '@tadamon/eventsourcing';
import { ValidationFailed } from '../errors';
import { noticeSubjectDecider, RecordNoticeSubject } from './notice-subject';

const spec = DeciderSpecification.for(noticeSubjectDecider);
const now = '2026-03-02T10:00:00.000Z';
const record = (organisationIds: string[], subjectId = 'application-1'): RecordNoticeSubject => ({
  type: 'RecordNoticeSubject',
  data: { subjectId, organisationIds },
  metadata: { commandId: 'c', actor: { id: 'notifications', roles: [] }, now },
});
const recorded = (organisationIds: string[]) => ({
  type: 'NoticeSubjectRecorded' as const,
  data: { subjectId: 'application-1', organisationIds, at: now },
});

describe('a notice subject (the organisations a record concerns)', () => {
  it('records the organisations named first, sorted and without repeats', () => {
    spec.when(record(['assoc-b', 'assoc-a', 'assoc-b'])).then([recorded(['assoc-a', 'assoc-b'])]);
  });

  it('records only the organisations it did not know: a redelivery records nothing', () => {
    spec
      .given([recorded(['assoc-a'])])
      .when(record(['assoc-a']))
      .thenNothingHappened();
    spec
      .given([recorded(['assoc-a'])])
      .when(record(['assoc-a', 'actor-c']))
      .then([recorded(['actor-c'])]);
  });

  it('keeps the record’s title when its first event gives it (a regional need), once', () => {
    const titled = {
      ...record(['actor-cri']),
      data: { subjectId: 'application-1', organisationIds: ['actor-cri'], title: { fr: 'Eau' } },
    };
    spec.when(titled).then([
      {
        type: 'NoticeSubjectRecorded',
        data: { subjectId: 'application-1', organisationIds: ['actor-cri'], title: { fr: 'Eau' }, at: now },
      },
    ]);
    spec
      .given([
        {
          type: 'NoticeSubjectRecorded',
          data: { subjectId: 'application-1', organisationIds: ['actor-cri'], title: { fr: 'Eau' }, at: now },
        },
      ])
      .when(titled)
      .thenNothingHappened();
  });

  it('keeps a training module by its title alone, and a session as part of its module', () => {
    const module = {
      ...record([], 'module-1'),
      data: { subjectId: 'module-1', organisationIds: [], title: { fr: 'Gestion' } },
    };
    spec.when(module).then([
      {
        type: 'NoticeSubjectRecorded',
        data: { subjectId: 'module-1', organisationIds: [], title: { fr: 'Gestion' }, at: now },
      },
    ]);
    const session = {
      ...record([], 'session-1'),
      data: { subjectId: 'session-1', organisationIds: [], partOf: 'module-1' },
    };
    const sessionRecorded = {
      type: 'NoticeSubjectRecorded' as const,
      data: { subjectId: 'session-1', organisationIds: [], partOf: 'module-1', at: now },
    };
    spec.when(session).then([sessionRecorded]);
    spec.given([sessionRecorded]).when(session).thenNothingHappened();
    spec.when({ ...session, data: { ...session.data, partOf: '' } }).thenThrows(ValidationFailed);
  });

  it('refuses an empty list, a bad id and another subject in the stream', () => {
    const error = spec.when(record(['', 'ok'], '')).thenThrows(ValidationFailed);
    expect(error.issues.map((i) => i.field)).toEqual(['subjectId', 'organisationIds[0]']);
    spec.when(record([])).thenThrows(ValidationFailed);
    spec
      .given([recorded(['assoc-a'])])
      .when(record(['assoc-a'], 'application-2'))
      .thenThrows(ValidationFailed);
  });
});
