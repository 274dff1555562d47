import { describe, expect, it } from 'vitest';
import { certificatesIssued, promotionsOf, rosterGroups, rosterLine, sessionsFor } from './session-views';

const sessions = [
  { sessionId: 'a', trainers: ['user-trainer'] },
  { sessionId: 'b', trainers: ['user-other'] },
  { sessionId: 'c', trainers: ['user-other', 'user-trainer'] },
];

describe('the training desk’s views', () => {
  it('a trainer sees the sessions they train, an officer every one', () => {
    const trainer = { id: 'user-trainer', roles: ['trainer'] };
    expect(sessionsFor(sessions, trainer).map((s) => s.sessionId)).toEqual(['a', 'c']);
    expect(sessionsFor(sessions, { id: 'user-officer', roles: ['officer'] })).toHaveLength(3);
  });

  it('reads a roster line, its correction and outcome, and splits the roster: confirmed, waiting in order, the others', () => {
    const line = rosterLine({
      traineeId: 'p1',
      fullName: 'Amina',
      erased: false,
      enrolment: 'confirmed',
      attendance: [
        { sittingId: 'day-1', status: 'late', corrected: true, previousStatus: 'present', source: 'trainer' },
        { sittingId: 'day-2', status: null, corrected: false, previousStatus: null, source: null },
      ],
      feedbackGiven: true,
      outcome: { completed: true },
    });
    expect(line.marks.get('day-1')).toEqual({
      status: 'late',
      corrected: true,
      previousStatus: 'present',
      source: 'trainer',
    });
    expect(line.marks.get('day-2')?.status).toBeNull();
    expect(line.completed).toBe(true);
    const lines = [
      line,
      rosterLine({ traineeId: 'w1', enrolment: 'waiting' }),
      rosterLine({ traineeId: 'x', enrolment: 'cancelled' }),
      rosterLine({ traineeId: 'w2', enrolment: 'waiting' }),
    ];
    const groups = rosterGroups(lines);
    expect(groups.confirmed.map((l) => l.traineeId)).toEqual(['p1']);
    expect(groups.waiting.map((l) => l.traineeId)).toEqual(['w1', 'w2']);
    expect(groups.others.map((l) => l.traineeId)).toEqual(['x']);
    expect(groups.waiting[0].name).toBeNull();
    expect(groups.waiting[0].completed).toBeNull();
  });

  it('counts the waiting trainees a capacity change gave a seat', () => {
    expect(promotionsOf(['SessionCapacityChanged', 'EnrolmentConfirmed', 'EnrolmentConfirmed'])).toBe(2);
    expect(promotionsOf(['SessionCapacityChanged'])).toBe(0);
  });

  it('counts the certificates a close issued, or says the next pass will', () => {
    expect(certificatesIssued({ certificates: { issued: 2, alreadyIssued: 1, failed: 0 } })).toBe(3);
    expect(certificatesIssued({ certificates: null })).toBeNull();
    expect(certificatesIssued(undefined)).toBeNull();
  });
});
