import { DeciderSpecification } from '@tadamon/eventsourcing';
import { InvalidTransition, ValidationFailed } from '../errors';
import { sessionDecider } from './session';
import { GiveFeedback, RecordRemark } from './session-commands';
import {
  FeedbackAlreadyGiven,
  FeedbackTooEarly,
  NotATrainer,
  NotTheTrainee,
  TraineeNotConfirmed,
} from './session-errors';
import { SessionEvent } from './session-events';
import {
  afterLastSitting,
  command,
  day1,
  feedbackGiven,
  fullWithTwoWaiting,
  officer,
  openWithTwo,
  scheduled,
  sessionId,
  trainee,
  trainer,
} from './session.fixtures';

const spec = DeciderSpecification.for(sessionDecider);
const fields = (error: ValidationFailed) => error.issues.map((i) => i.field);
const feedback = (
  rating: number,
  comment?: string,
  {
    traineeId = trainee(1),
    actor = traineeId,
    at = afterLastSitting,
  }: { traineeId?: string; actor?: string; at?: string } = {},
) => command<GiveFeedback>('GiveFeedback', { traineeId, rating, comment }, { actor, at });
const remark = (text: string, { traineeId = trainee(1), actor = trainer } = {}) =>
  command<RecordRemark>('RecordRemark', { traineeId, remark: text }, { actor, at: afterLastSitting });
const remarked = (text: string, by = trainer): SessionEvent => ({
  type: 'RemarkRecorded',
  data: { sessionId, traineeId: trainee(1), remark: text, recordedAt: afterLastSitting, by },
});

describe('training session: feedback', () => {
  it('records a rating and a comment', () => {
    spec
      .given(openWithTwo)
      .when(feedback(4, '  Très concret, un peu court  '))
      .then([feedbackGiven(trainee(1), 4, 'Très concret, un peu court')]);
  });
  it('opens as soon as the first sitting starts', () => {
    spec
      .given(openWithTwo)
      .when(feedback(5, undefined, { at: day1.startsAt }))
      .then([
        {
          type: 'FeedbackGiven',
          data: { sessionId, traineeId: trainee(1), rating: 5, comment: null, givenAt: day1.startsAt },
        },
      ]);
  });
  it('changes nothing when the same feedback is given again', () => {
    spec
      .given([...openWithTwo, feedbackGiven(trainee(1), 4, 'Utile')])
      .when(feedback(4, 'Utile'))
      .thenNothingHappened();
  });
  it('refuses a second, different feedback', () => {
    spec
      .given([...openWithTwo, feedbackGiven(trainee(1), 4, 'Utile')])
      .when(feedback(2, 'Utile'))
      .thenThrows(FeedbackAlreadyGiven, (e) => e.code === 'FEEDBACK_ALREADY_GIVEN');
  });
  it('refuses before the first sitting started', () => {
    spec
      .given(openWithTwo)
      .when(feedback(5, undefined, { at: '2026-03-10T07:59:59.000Z' }))
      .thenThrows(FeedbackTooEarly, (e) => e.opensAt === day1.startsAt);
  });
  it('refuses a rating outside 1 to 5 and a comment too long', () => {
    const error = spec
      .given(openWithTwo)
      .when(feedback(6, 'x'.repeat(2001)))
      .thenThrows(ValidationFailed);
    expect(fields(error)).toEqual(['rating', 'comment']);
  });
  it('refuses a rating that is not a whole number', () => {
    const error = spec.given(openWithTwo).when(feedback(3.5)).thenThrows(ValidationFailed);
    expect(fields(error)).toEqual(['rating']);
  });
  it('refuses feedback given for someone else, even by an officer', () => {
    spec
      .given(openWithTwo)
      .when(feedback(5, undefined, { actor: officer }))
      .thenThrows(NotTheTrainee);
  });
  it('refuses a trainee without a confirmed seat', () => {
    spec
      .given(fullWithTwoWaiting)
      .when(feedback(5, undefined, { traineeId: trainee(3) }))
      .thenThrows(TraineeNotConfirmed);
  });
  it('refuses feedback on a session that never opened enrolment', () => {
    spec.given([scheduled]).when(feedback(5)).thenThrows(InvalidTransition);
  });
});

describe("training session: trainer's remarks", () => {
  it('records a remark on a trainee', () => {
    spec
      .given(openWithTwo)
      .when(remark('Participation active, à orienter vers le module finances'))
      .then([remarked('Participation active, à orienter vers le module finances')]);
  });
  it('keeps several remarks on the same trainee', () => {
    spec
      .given([...openWithTwo, remarked('Première remarque')])
      .when(remark('Seconde'))
      .then([remarked('Seconde')]);
  });
  it('changes nothing when the same trainer records the same remark again', () => {
    spec
      .given([...openWithTwo, remarked('Assidu')])
      .when(remark('Assidu'))
      .thenNothingHappened();
  });
  it('records the same words from another author', () => {
    spec
      .given([...openWithTwo, remarked('Assidu')])
      .when(remark('Assidu', { actor: officer }))
      .then([remarked('Assidu', officer)]);
  });
  it('refuses an actor who is neither a trainer of the session nor an officer', () => {
    spec
      .given(openWithTwo)
      .when(remark('Bien', { actor: trainee(2) }))
      .thenThrows(NotATrainer);
  });
  it('refuses a trainee without a confirmed seat', () => {
    spec
      .given(fullWithTwoWaiting)
      .when(remark('Bien', { traineeId: trainee(4) }))
      .thenThrows(TraineeNotConfirmed);
  });
  it('refuses an empty remark', () => {
    const error = spec.given(openWithTwo).when(remark('   ')).thenThrows(ValidationFailed);
    expect(fields(error)).toEqual(['remark']);
  });
  it('refuses a remark on a session whose enrolment never opened', () => {
    spec.given([scheduled]).when(remark('Bien')).thenThrows(InvalidTransition);
  });
});
