import { exactMinor, Money } from '@tadamon/reference-data';
import { DocumentStore } from '@tadamon/read-store';
import { ApplicationDoc, FUNDING_APPLICATIONS } from './applications';
import { CallDoc, callsFilter, FUNDING_CALLS } from './calls';
import { EnvelopeDoc, FUNDING_ENVELOPES } from './envelopes';

/** The programme's funding figures for the public portal. */
export interface FundingFigures {
  /** Applications awarded a grant and not withdrawn since. */
  awards: number;
  /** Their awarded amounts per currency: minor units as a decimal string, exact at any size. */
  awarded: Record<string, string>;
  /** Published calls whose deadline is after `now`, as the public list shows them. */
  openCalls: number;
  /** Programmes with at least one budget envelope (a programme exists from its first envelope). */
  programmes: number;
}

/**
 * Counted at query time from the applications board: an application keeps status `awarded` from its
 * award on (agreement, tranches and reports included) and leaves it when withdrawn, while its
 * `decision` stays, so the status and not the decision says whether the award still counts.
 */
export const fundingFigures = async (docs: DocumentStore, now: string): Promise<FundingFigures> => {
  const [awarded, openCalls, envelopes] = await Promise.all([
    docs
      .collection<ApplicationDoc>(FUNDING_APPLICATIONS)
      .find({ status: 'awarded' }, { projection: { decision: 1 } }),
    docs.collection<CallDoc>(FUNDING_CALLS).count(callsFilter({ openAt: now })),
    docs.collection<EnvelopeDoc>(FUNDING_ENVELOPES).find({}, { projection: { programmeId: 1 } }),
  ]);
  const sums = new Map<Money['currency'], bigint>();
  for (const { decision } of awarded) {
    if (decision?.kind !== 'award') continue;
    const { currency, amountMinor } = decision.amount;
    sums.set(currency, (sums.get(currency) ?? 0n) + exactMinor(amountMinor));
  }
  return {
    awards: awarded.length,
    awarded: Object.fromEntries(
      [...sums].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, m]) => [c, m.toString()]),
    ),
    openCalls,
    programmes: new Set(envelopes.map((e) => e.programmeId)).size,
  };
};
