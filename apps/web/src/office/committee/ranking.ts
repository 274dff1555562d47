import { ApiRecord, moneyField, numberField, recordListField, textField } from '../../api/record-fields';

type Money = NonNullable<ReturnType<typeof moneyField>>;

export interface RankingLine {
  applicationId: string;
  associationId: string | undefined;
  /** null: below a threshold, not ranked. */
  rank: number | null;
  /** Hundredths of a point (8050 is 80.50 out of 100). */
  consensus: number;
  amount: Money | undefined;
  funded: boolean;
  reason: string;
  remainingAfter: Money | undefined;
}

export interface CallRankingView {
  budget: Money | undefined;
  funded: Money | undefined;
  remaining: Money | undefined;
  scoringRulesVersion: string | undefined;
  lines: RankingLine[];
  /** The budget line falls after this many lines (the last funded one); null when none is funded. */
  budgetLineAfter: number | null;
}

/** GET /calls/:id/ranking, read field by field (the OpenAPI document types it as a free record). */
export function readRanking(record: ApiRecord): CallRankingView {
  const lines = recordListField(record, 'ranked').map((entry): RankingLine => ({
    applicationId: textField(entry, 'applicationId') ?? '',
    associationId: textField(entry, 'associationId'),
    rank: numberField(entry, 'rank') ?? null,
    consensus: numberField(entry, 'consensus') ?? 0,
    amount: moneyField(entry, 'amount'),
    funded: entry['funded'] === true,
    reason: textField(entry, 'reason') ?? '',
    remainingAfter: moneyField(entry, 'remainingAfter'),
  }));
  const lastFunded = lines.map((line) => line.funded).lastIndexOf(true);
  return {
    budget: moneyField(record, 'budget'),
    funded: moneyField(record, 'funded'),
    remaining: moneyField(record, 'remaining'),
    scoringRulesVersion: textField(record, 'scoringRulesVersion'),
    lines,
    budgetLineAfter: lastFunded === -1 ? null : lastFunded + 1,
  };
}

/** Part of `total` that `part` is, in whole percent (for a progress bar), exact on decimal strings. */
export function sharePercent(part: Money | undefined, total: Money | undefined): number {
  if (!part || !total) return 0;
  const whole = BigInt(total.amountMinor);
  if (whole === 0n) return 0;
  return Number((BigInt(part.amountMinor) * 100n) / whole);
}

/** A consensus in hundredths of a point as a score out of 100 in the reader's locale ("80,50"). */
export const formatConsensus = (hundredths: number, locale: string): string =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    hundredths / 100,
  );
