import { domainProblems } from '@tadamon/nest-kit';
import { PartnershipsError } from '../domain/errors';
import { PARTNERSHIPS_MESSAGES } from './partnerships-messages';

/** Partnerships' domain errors as RFC 9457 problems, in the caller's language. */
export const partnershipsProblems = domainProblems(PartnershipsError, PARTNERSHIPS_MESSAGES);
