import { checkDetailChanges, detailsOf } from './detail-changes';
import { checkInteger, checkText } from './field-checks';
import { FieldIssue, FieldIssueList } from './field-issues';

class Issues extends FieldIssueList {
  protected failed(issues: readonly FieldIssue[]): Error {
    return new Error(JSON.stringify(issues));
  }
  readonly seen: FieldIssue[] = [];
  override add(field: string, reason: string): void {
    this.seen.push({ field, reason });
    super.add(field, reason);
  }
}

type Room = { name: string; seats: number };
const DETAILS = ['name', 'seats'] as const;
const checkRoom = (issues: FieldIssueList, prefix: string, value: unknown): Room => {
  const input = value as Record<string, unknown>;
  return {
    name: checkText(issues, `${prefix}name`, input['name']),
    seats: checkInteger(issues, `${prefix}seats`, input['seats'], 1, 500),
  };
};
const current: Room = { name: 'Salle Atlas', seats: 20 };
const changes = (value: unknown, issues = new Issues()) => ({
  changes: checkDetailChanges(issues, current, value, DETAILS, checkRoom, 'is not a detail of the room'),
  issues: issues.seen,
});

describe('checkDetailChanges', () => {
  it('keeps only the details that differ from the current ones', () => {
    expect(changes({ name: 'Salle Atlas', seats: 30 })).toEqual({ changes: { seats: 30 }, issues: [] });
    expect(changes({ name: 'Salle Atlas' })).toEqual({ changes: {}, issues: [] });
  });

  it('refuses a member that is not a detail, and checks the changed ones under changes.', () => {
    expect(changes({ capacity: 3, seats: 0 }).issues).toEqual([
      { field: 'changes.capacity', reason: 'is not a detail of the room' },
      { field: 'changes.seats', reason: expect.any(String) },
    ]);
    expect(changes('everything').issues).toEqual([{ field: 'changes', reason: 'must be an object' }]);
  });

  it('reads the named details of a state', () => {
    expect(detailsOf({ ...current, status: 'open' }, DETAILS)).toEqual(current);
  });
});
