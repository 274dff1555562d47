import { CurrencyCode, Money, MoneyTotal, moneyTotal } from '@tadamon/reference-data';
import { ProjectDetails, SectorShare, WHOLE_PERCENT } from './project-details';
import { sumByCurrency } from './project-rules';
import { OpenedProject } from './project-state';

/** A project's money in one currency; each figure an exact sum of minor units. */
export type ProjectTotals = {
  readonly currency: CurrencyCode;
  /** The budget lines. */
  readonly budget: MoneyTotal;
  /** The award's grant, when the project was born from one. */
  readonly granted: MoneyTotal;
  /** The partners' co-financing shares. */
  readonly cofinancing: MoneyTotal;
  readonly disbursed: MoneyTotal;
  readonly spent: MoneyTotal;
};

/** Every currency the project counts money in, in currency order, with a zero where a figure has none. */
export const projectTotals = (project: OpenedProject): ProjectTotals[] => {
  const { details, origin } = project;
  const budget = sumByCurrency(details.budgetLines.map((l) => l.amount));
  const granted = sumByCurrency(origin.kind === 'award' ? [origin.grant] : []);
  const cofinancing = sumByCurrency(details.cofinancing.map((s) => s.amount));
  const disbursed = sumByCurrency(Object.values(project.disbursements).map((d) => d.amount));
  const spent = sumByCurrency(Object.values(project.expenditures).map((e) => e.amount));
  const figures = [budget, granted, cofinancing, disbursed, spent];
  const currencies = [...new Set(figures.flatMap((f) => [...f.keys()]))].sort();
  return currencies.map((currency) => {
    const of = (sums: Map<CurrencyCode, bigint>): MoneyTotal =>
      moneyTotal(sums.get(currency) ?? 0n, currency);
    return {
      currency,
      budget: of(budget),
      granted: of(granted),
      cofinancing: of(cofinancing),
      disbursed: of(disbursed),
      spent: of(spent),
    };
  });
};

/** A sector's share as the decimal IATI's `percentage` attribute takes: 3350 hundredths -> "33.5". */
export const sectorShares = (sectors: readonly SectorShare[]): { code: string; percentage: string }[] =>
  sectors.map(({ code, percentageHundredths: h }) => {
    const fraction = String(h % 100)
      .padStart(2, '0')
      .replace(/0+$/, '');
    return { code, percentage: `${Math.floor(h / 100)}${fraction ? `.${fraction}` : ''}` };
  });

/**
 * The budget of each currency split across the sectors by their percentages, in exact minor units:
 * the units rounding leaves over go to the largest remainders (then to the earlier sector), so each
 * currency's parts add up to its budget.
 */
export const budgetBySector = (details: ProjectDetails): { code: string; amount: MoneyTotal }[] => {
  const whole = BigInt(WHOLE_PERCENT);
  const parts: { code: string; amount: MoneyTotal }[] = [];
  for (const [currency, total] of sumByCurrency(details.budgetLines.map((l) => l.amount))) {
    const shares = details.sectors.map((s, index) => {
      const exact = total * BigInt(s.percentageHundredths);
      return { code: s.code, index, floor: exact / whole, remainder: exact % whole };
    });
    let left = total - shares.reduce((sum, s) => sum + s.floor, 0n);
    const byRemainder = [...shares].sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
    for (const share of byRemainder) {
      if (left === 0n) break;
      share.floor += 1n;
      left -= 1n;
    }
    for (const s of shares) parts.push({ code: s.code, amount: moneyTotal(s.floor, currency) });
  }
  return parts;
};

/** The 2015 regions the project's locations lie in, distinct and in code order. */
export const projectRegions = (details: Pick<ProjectDetails, 'locations'>): string[] =>
  [...new Set(details.locations.map((l) => l.region))].sort();

/** What a list of amounts adds up to per currency, for read models that sum several projects. */
export const totalsByCurrency = (amounts: Iterable<Money>): MoneyTotal[] =>
  [...sumByCurrency(amounts)].map(([currency, minor]) => moneyTotal(minor, currency));
