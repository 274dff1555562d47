import { checkDate, checkMoney, isCalendarDate } from './field-checks';
import { FieldIssue, FieldIssueList } from './field-issues';

class Refused extends Error {
  constructor(readonly issues: readonly FieldIssue[]) {
    super('refused');
  }
}

class Issues extends FieldIssueList {
  protected failed(issues: readonly FieldIssue[]): Refused {
    return new Refused(issues);
  }
}

describe('the shared field checks', () => {
  it("throws every refused field together as the context's own error", () => {
    const issues = new Issues();
    checkDate(issues, 'foundedOn', '2025-02-30');
    checkMoney(issues, 'budget', { amountMinor: 0, currency: 'EUR' });
    expect(issues.count).toBe(2);
    expect(() => issues.throwIfAny()).toThrow(
      expect.objectContaining({
        issues: [
          { field: 'foundedOn', reason: 'must be a calendar date YYYY-MM-DD' },
          { field: 'budget.amountMinor', reason: 'must be positive' },
        ],
      }),
    );
  });

  it('refuses a date after the command time only when asked to', () => {
    const issues = new Issues();
    expect(checkDate(issues, 'a', '2030-01-01')).toBe('2030-01-01');
    checkDate(issues, 'b', '2030-01-01', '2025-06-01T10:00:00Z');
    expect(() => issues.throwIfAny()).toThrow(
      expect.objectContaining({ issues: [{ field: 'b', reason: 'must not be in the future' }] }),
    );
  });

  it('knows leap days', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2100-02-29')).toBe(false);
  });
});
