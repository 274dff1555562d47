import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationFailed } from '../domain/errors';
import { CHECK_IN_REFUSALS, CheckInRefused } from '../domain/session/check-in-refusals';
import { EnrolmentNotOpen, NotATrainer } from '../domain/session/session-errors';
import { CheckInCodeInvalid } from './check-in-code-errors';
import { TRAINING_MESSAGES } from './training-messages';
import { trainingProblems } from './training-problems';

const context = (language: 'ar' | 'fr' | 'en') => ({ language, instance: '/x', ifMatchSent: false });

/** Every literal `code` a Training error declares, read from the sources. */
function declaredCodes(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return declaredCodes(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/readonly code = '([A-Z_]+)'/g)].map((m) => m[1]);
  });
}

describe('training problems', () => {
  it('has a detail in Arabic, French and English for every code Training declares, and the common ones', () => {
    const codes = [
      ...declaredCodes(join(__dirname, '..')),
      ...CHECK_IN_REFUSALS,
      'NOT_CREATED',
      'ALREADY_CREATED',
      'INVALID_TRANSITION',
    ];
    expect(codes.length).toBeGreaterThan(25);
    for (const code of codes) {
      const messages = TRAINING_MESSAGES[code];
      expect({ code, messages }).toEqual({ code, messages: expect.objectContaining({}) });
      expect(messages.ar).toMatch(/[\u0600-\u06FF]/);
      expect(messages.fr.length).toBeGreaterThan(10);
      expect(messages.en.length).toBeGreaterThan(10);
    }
  });

  it('answers each check-in refusal with its own code, the window, and 403 for a trainee without a seat', () => {
    const window = { opensAt: '2027-03-06T08:30:00.000Z', closesAt: '2027-03-06T12:00:00.000Z' };
    const early = trainingProblems(new CheckInRefused('CHECK_IN_TOO_EARLY', 's-1', window), context('ar'));
    expect(early?.kind).toBe('conflict');
    expect(early?.detail).toBe(TRAINING_MESSAGES['CHECK_IN_TOO_EARLY'].ar);
    expect(early?.extensions).toMatchObject({ code: 'CHECK_IN_TOO_EARLY', sittingId: 's-1', ...window });
    const stranger = trainingProblems(
      new CheckInRefused('CHECK_IN_NOT_ENROLLED', 's-1', window),
      context('fr'),
    );
    expect(stranger?.kind).toBe('forbidden');
    const forged = trainingProblems(new CheckInCodeInvalid('BAD_SIGNATURE'), context('en'));
    expect(forged?.extensions).toMatchObject({ code: 'CHECK_IN_CODE_INVALID', reason: 'BAD_SIGNATURE' });
  });

  it('puts the session’s status in the detail, and answers a non-trainer with 403', () => {
    expect(trainingProblems(new EnrolmentNotOpen('cancelled'), context('en'))?.detail).toBe(
      'Enrolment in this session is not open (the session is cancelled).',
    );
    expect(trainingProblems(new NotATrainer('user-x'), context('fr'))?.kind).toBe('forbidden');
  });

  it('turns a validation failure into the 400 listing every field as a JSON pointer', () => {
    const problem = trainingProblems(
      new ValidationFailed([{ field: 'sittings[1].endsAt', reason: 'must be after startsAt' }]),
      context('en'),
    );
    expect(problem?.kind).toBe('validation');
    expect(problem?.extensions['errors']).toEqual([
      { pointer: '/sittings/1/endsAt', detail: 'must be after startsAt' },
    ]);
  });
});
