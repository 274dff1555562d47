import { AgreementState, AgreementVersion } from './agreement-state';

/**
 * The version whose terms bound the parties on `date` (YYYY-MM-DD): the last version in force by
 * then (effective on its last signature), inside its start and end dates, before a termination
 * takes effect. A suspension pauses the work, not the terms: a suspended agreement's terms answer.
 */
export const termsInForceOn = (state: AgreementState, date: string): AgreementVersion | null => {
  if (state.status === 'none') return null;
  const version = state.versions.filter((v) => v.effectiveOn !== null && v.effectiveOn <= date).at(-1);
  if (!version || date < version.terms.startDate || date > version.terms.endDate) return null;
  if (state.ending?.kind === 'terminated' && date >= state.ending.effectiveOn) return null;
  if (state.ending?.kind === 'completed' && date > state.ending.at.slice(0, 10)) return null;
  return version;
};
