import { RecordedEvent } from '@tadamon/eventsourcing';
import { toIntegrationEvent } from './publication';
import { trainingPublication } from './training-events';

const at = '2027-03-06T12:00:00.000Z';
const recorded = (type: string, data: unknown): RecordedEvent => ({
  id: '6f1c2a3b-0000-5000-8000-000000000017',
  type,
  schemaVersion: 1,
  data,
  metadata: {
    correlationId: 'c',
    causationId: 'c',
    commandId: 'c',
    actor: { id: 'user-trainer', roles: ['trainer'] },
  },
  streamId: 'trainingSession-s1',
  revision: 3,
  globalPosition: 42,
  recordedAt: at,
  prevHash: 'p',
  hash: 'h',
});
const publish = (type: string, data: unknown) =>
  toIntegrationEvent(trainingPublication, recorded(type, data));

/** Private members a session event carries: none of them may travel. */
const PRIVATE = [
  'trainers',
  'url',
  'reason',
  'comment',
  'remark',
  'note',
  'by',
  'statusListIndex',
  'credentialSha256',
];
const privateMembers = (value: unknown): string[] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([key, v]) => [
        ...(PRIVATE.includes(key) ? [key] : []),
        ...privateMembers(v),
      ])
    : [];

describe('Training publication', () => {
  it('publishes the public catalogue: an in-person session with its city, an online one without its link, never its trainers', () => {
    const plan = {
      sessionId: 's1',
      moduleId: 'm1',
      language: 'fr',
      timezone: 'Europe/Paris',
      sittings: [
        { sittingId: 'd1', startsAt: '2027-03-06T08:00:00.000Z', endsAt: '2027-03-06T12:00:00.000Z' },
      ],
      trainers: ['user-trainer'],
      capacity: 20,
      completionRule: { minAttendancePercent: 80, feedbackRequired: true },
      scheduledAt: at,
      by: 'user-officer',
    };
    const paris = publish('SessionScheduled', {
      ...plan,
      place: { mode: 'in-person', city: 'Paris', country: 'FR' },
    });
    expect(paris).toMatchObject({ type: 'SessionScheduled', context: 'training', schemaVersion: 1 });
    expect(paris?.data).toEqual({
      sessionId: 's1',
      moduleId: 'm1',
      language: 'fr',
      timezone: 'Europe/Paris',
      place: { mode: 'in-person', city: 'Paris', country: 'FR' },
      sittings: plan.sittings,
      capacity: 20,
      at,
    });
    const online = publish('SessionScheduled', {
      ...plan,
      place: { mode: 'online', url: 'https://meet.example.org/x' },
    });
    expect((online?.data as { place: unknown }).place).toEqual({ mode: 'online' });
    expect(privateMembers(online?.data)).toEqual([]);
  });

  it('tells whose seat is confirmed (a pseudonymous contact id and the association), and the certificates', () => {
    expect(
      publish('EnrolmentConfirmed', {
        sessionId: 's1',
        traineeId: 'contact-md-1',
        associationId: 'assoc-md',
        promotedFromWaitingList: true,
        confirmedAt: at,
      })?.data,
    ).toEqual({
      sessionId: 's1',
      traineeId: 'contact-md-1',
      associationId: 'assoc-md',
      promotedFromWaitingList: true,
      at,
    });
    const issued = publish('CertificateIssued', {
      issuance: {
        certificateId: 'c1',
        traineeId: 'contact-md-1',
        associationId: 'assoc-md',
        sessionId: 's1',
        moduleId: 'm1',
        achievement: { fr: 'Gestion de projet' },
        completedOn: '2027-03-06',
        statusListId: 'sl1',
        statusListIndex: 4097,
        credentialSha256: 'ab'.repeat(32),
        formats: ['ldp'],
        validFrom: at,
        validUntil: null,
      },
      issuedAt: at,
      by: 'system-training',
    });
    expect(issued?.data).toMatchObject({
      certificateId: 'c1',
      traineeId: 'contact-md-1',
      moduleId: 'm1',
      at,
    });
    expect(privateMembers(issued?.data)).toEqual([]);
    const revoked = publish('CertificateRevoked', {
      certificateId: 'c1',
      statusListId: 'sl1',
      statusListIndex: 4097,
      reason: { code: 'issued-in-error', text: 'wrong person' },
      revokedAt: at,
      by: 'user-officer',
    });
    expect(revoked?.data).toEqual({ certificateId: 'c1', status: 'revoked', at });
  });

  it('tells a reschedule by its new sittings only (not its reason, trainers or link), null when they did not change', () => {
    const sittings = [
      {
        sittingId: 'd1',
        startsAt: '2027-03-07T08:00:00.000Z',
        endsAt: '2027-03-07T12:00:00.000Z',
        room: 'B',
      },
    ];
    const moved = publish('SessionRescheduled', {
      sessionId: 's1',
      changes: { sittings, trainers: ['user-trainer'], place: { mode: 'online', url: 'https://x.example' } },
      reason: 'the room is taken',
      rescheduledAt: at,
      by: 'user-officer',
    });
    expect(moved).toMatchObject({ type: 'SessionRescheduled', schemaVersion: 1 });
    expect(moved?.data).toEqual({
      sessionId: 's1',
      sittings: [
        { sittingId: 'd1', startsAt: '2027-03-07T08:00:00.000Z', endsAt: '2027-03-07T12:00:00.000Z' },
      ],
      at,
    });
    expect(privateMembers(moved?.data)).toEqual([]);
    const trainersOnly = publish('SessionRescheduled', {
      sessionId: 's1',
      changes: { trainers: ['user-trainer-2'] },
      reason: null,
      rescheduledAt: at,
      by: 'user-officer',
    });
    expect(trainersOnly?.data).toEqual({ sessionId: 's1', sittings: null, at });
  });

  it('tells a cancelled enrolment without its reason, whoever cancelled it', () => {
    const cancelled = publish('EnrolmentCancelled', {
      sessionId: 's1',
      traineeId: 'contact-md-1',
      previousStatus: 'confirmed',
      reason: 'moved abroad',
      cancelledAt: at,
      by: 'user-association',
    });
    expect(cancelled?.type).toBe('EnrolmentCancelled');
    expect(cancelled?.data).toEqual({ sessionId: 's1', traineeId: 'contact-md-1', at });
    expect(privateMembers(cancelled?.data)).toEqual([]);
  });

  it('keeps attendance, feedback and remarks to itself', () => {
    for (const type of [
      'AttendanceMarked',
      'AttendanceCorrected',
      'FeedbackGiven',
      'RemarkRecorded',
      'IndexAllocated',
    ])
      expect(publish(type, { sessionId: 's1' })).toBeUndefined();
  });
});
