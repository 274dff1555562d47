import { issuesOfBody } from './body-fields';

class ValidationFailed extends Error {
  constructor(readonly issues: readonly { field: string; reason: string }[]) {
    super('validation failed');
  }
}

describe('a domain refusal named in the body the client sent', () => {
  it('renames the fields under the body member and keeps the error class and message', () => {
    const error = new ValidationFailed([
      { field: 'changes.hostCities[0].country', reason: 'must be one of the host countries' },
      { field: 'changes', reason: 'must change something' },
      { field: 'changesLog', reason: 'not under the body' },
      { field: 'associationId', reason: 'from the path' },
    ]);
    const renamed = issuesOfBody(error, 'changes') as ValidationFailed;
    expect(renamed).toBeInstanceOf(ValidationFailed);
    expect(renamed.message).toBe('validation failed');
    expect(renamed.issues.map((issue) => issue.field)).toEqual([
      'hostCities[0].country',
      '',
      'changesLog',
      'associationId',
    ]);
    expect(error.issues[0].field).toBe('changes.hostCities[0].country');
  });

  it('leaves any other error as it is', () => {
    const other = new Error('boom');
    expect(issuesOfBody(other, 'changes')).toBe(other);
    expect(issuesOfBody('text', 'changes')).toBe('text');
  });
});
