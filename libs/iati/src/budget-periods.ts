import { Budget, Money } from './activity';
import { BudgetStatus } from './codelists/embedded';

const DAY_MS = 86_400_000;
const days = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;

/**
 * A project's budget as IATI wants it: one budget per calendar year of the project (a period is
 * at most a year, rule 7.5.3), the total shared pro rata of the days in each year, cents kept whole.
 */
export function yearlyBudgets(
  start: string,
  end: string,
  total: Omit<Money, 'valueDate'>,
  status: BudgetStatus,
): Budget[] {
  const firstYear = Number(start.slice(0, 4));
  const lastYear = Number(end.slice(0, 4));
  const periods: { start: string; end: string }[] = [];
  for (let year = firstYear; year <= lastYear; year++)
    periods.push({
      start: year === firstYear ? start : `${year}-01-01`,
      end: year === lastYear ? end : `${year}-12-31`,
    });
  const allDays = days(start, end);
  let givenCents = 0;
  const totalCents = Math.round(total.amount * 100);
  return periods.map((period, i) => {
    const cents =
      i === periods.length - 1
        ? totalCents - givenCents
        : Math.round((totalCents * days(period.start, period.end)) / allDays);
    givenCents += cents;
    return {
      type: '1',
      status,
      periodStart: period.start,
      periodEnd: period.end,
      value: { amount: cents / 100, currency: total.currency, valueDate: start },
    };
  });
}
