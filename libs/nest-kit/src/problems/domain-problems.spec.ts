import { commonErrors, DomainError } from '@tadamon/domain-kit';
import { DomainMessages, domainProblems } from './domain-problems';
import { ProblemContext, toProblem } from './problem-mapping';

abstract class NotesError extends DomainError {}
abstract class OtherContextError extends DomainError {}
const { InvalidTransition, NotCreated, ValidationFailed } = commonErrors(NotesError);

class NoteLocked extends NotesError {
  readonly code = 'NOTE_LOCKED';
  override readonly field = 'lockedBy';
  constructor(readonly until: string) {
    super(`the note is locked until ${until}`);
  }
  override params() {
    return { until: this.until };
  }
  override extensions() {
    return { lockedUntil: this.until };
  }
}

class Elsewhere extends OtherContextError {
  readonly code = 'ELSEWHERE';
}

const MESSAGES: DomainMessages = {
  INVALID_TRANSITION: {
    en: 'Not allowed when {status}.',
    fr: 'Interdit quand {status}.',
    ar: 'غير مسموح ({status}).',
  },
  NOTE_LOCKED: { en: 'Locked until {until}.', fr: "Verrouillée jusqu'au {until}.", ar: 'مقفلة حتى {until}.' },
};
const notesProblems = domainProblems(NotesError, MESSAGES);
const context: ProblemContext = { language: 'fr', instance: '/api/notes/1', ifMatchSent: false };
const answer = (error: unknown) => toProblem(error, context, [notesProblems]).problem;

describe("the kit's mapper of a context's domain errors", () => {
  it('answers with the kind the error names, its code, the localized detail and the English debug', () => {
    expect(answer(new InvalidTransition('note', 'archived', 'Edit'))).toEqual({
      type: 'urn:tadamon:problem:conflict',
      title: 'Conflict',
      status: 409,
      detail: 'Interdit quand archived.',
      instance: '/api/notes/1',
      code: 'INVALID_TRANSITION',
      debug: 'note: Edit is not allowed when the status is archived',
    });
    expect(answer(new NotCreated('note', 'Edit'))).toMatchObject({ status: 404, code: 'NOT_CREATED' });
  });

  it("adds the error's own members and points at the member of the body it is about", () => {
    expect(answer(new NoteLocked('2025-06-01'))).toMatchObject({
      status: 409,
      detail: "Verrouillée jusqu'au 2025-06-01.",
      lockedUntil: '2025-06-01',
      errors: [{ pointer: '/lockedBy', detail: "Verrouillée jusqu'au 2025-06-01." }],
    });
  });

  it('answers every refused field at once as the validation problem', () => {
    const problem = answer(new ValidationFailed([{ field: 'tags[1]', reason: 'must not be empty' }]));
    expect(problem).toMatchObject({ status: 400, errors: [{ pointer: '/tags/1' }] });
    expect(problem).not.toHaveProperty('code');
  });

  it("leaves another context's errors to that context's mapper", () => {
    expect(notesProblems(new Elsewhere('elsewhere'), context)).toBeUndefined();
  });
});
