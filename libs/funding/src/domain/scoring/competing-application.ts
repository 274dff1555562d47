import { Money } from '@tadamon/reference-data';
import { ScoredApplication, Standing } from './ranking';

/** The statuses of applications that compete in a call's ranking: they have a consensus score. */
export const RANKED_STATUSES: readonly string[] = [
  'scored',
  'recommended',
  'not-recommended',
  'awarded',
  'rejected',
];

/** Where the committee's decisions left an application of this status. */
export const standingOf = (status: string): Standing =>
  status === 'awarded'
    ? 'awarded'
    : status === 'rejected' || status === 'not-recommended'
      ? 'declined'
      : 'open';

export interface Competitor {
  applicationId: string;
  outcome: ScoredApplication['outcome'];
  submittedAt: string;
  status: string;
  /** What it would receive: the amount awarded, else requested (for the one being awarded: the award's). */
  amount: Money;
  /** Its active commitment on the call's envelope, if any (not for the application being awarded). */
  committed?: Money;
}

/**
 * How an application competes in its call's ranking. An active commitment on the call's envelope
 * holds its money from the moment it is made (an award being recorded), unless the application was
 * declined. One rule for the platform's ranking and for the auditor's replay, so both rank alike.
 */
export function competingApplication(competitor: Competitor): ScoredApplication {
  const standing = standingOf(competitor.status);
  const holds = competitor.committed !== undefined && standing !== 'declined';
  return {
    applicationId: competitor.applicationId,
    outcome: competitor.outcome,
    submittedAt: competitor.submittedAt,
    amount: holds ? (competitor.committed as Money) : competitor.amount,
    standing: holds ? 'awarded' : standing,
  };
}
