import { domainProblems } from '@tadamon/nest-kit';
import { TrainingError } from '../domain/errors';
import { TRAINING_MESSAGES } from './training-messages';

/** Training's domain errors as RFC 9457 problems, in the caller's language. */
export const trainingProblems = domainProblems(TrainingError, TRAINING_MESSAGES);
