import { InvalidStreamName } from './errors';
import {
  assertStreamName,
  categoryOf,
  MAX_STREAM_NAME_LENGTH,
  parseStreamName,
  streamName,
} from './stream-name';

describe('stream names', () => {
  it('joins a camelCase category and an id with a dash', () => {
    expect(streamName('grantApplication', '0b6e1a4c-1f2d-4c3b-9a8e-7d6c5b4a3f21')).toBe(
      'grantApplication-0b6e1a4c-1f2d-4c3b-9a8e-7d6c5b4a3f21',
    );
  });

  it('splits at the first dash: the id may contain dashes', () => {
    expect(parseStreamName('budgetEnvelope-2025-call-7')).toEqual({
      category: 'budgetEnvelope',
      id: '2025-call-7',
    });
    expect(categoryOf('budgetEnvelope-2025-call-7')).toBe('budgetEnvelope');
  });

  it.each([
    'a-1',
    'call2025-x',
    'grantApplication-A.b_c:d@e-f',
    `c-${'x'.repeat(MAX_STREAM_NAME_LENGTH - 2)}`,
  ])('accepts %s', (name) => {
    expect(() => assertStreamName(name)).not.toThrow();
  });

  it.each([
    ['the empty name', ''],
    ['a name with no dash', 'grantApplication'],
    ['an empty category', '-123'],
    ['an empty id', 'grantApplication-'],
    ['an upper-case category', 'GrantApplication-1'],
    ['a category with a digit first', '1grant-1'],
    ['a category with an underscore', 'grant_application-1'],
    ['a space in the category', 'grant application-1'],
    ['a space in the id', 'grantApplication-1 2'],
    ['an id starting with a symbol', 'grantApplication-.x'],
    ['an Arabic category', 'منحة-1'],
    ['a name over the length limit', `c-${'x'.repeat(MAX_STREAM_NAME_LENGTH - 1)}`],
    ['a number', 42],
    ['undefined', undefined],
  ])('rejects %s', (_case, name) => {
    expect(() => assertStreamName(name)).toThrow(InvalidStreamName);
  });

  it('rejects a bad part when building a name', () => {
    expect(() => streamName('grant-application', '1')).toThrow(InvalidStreamName);
    expect(() => streamName('grantApplication', '')).toThrow(InvalidStreamName);
  });

  it('carries the typed error code', () => {
    expect(() => parseStreamName('nodash')).toThrow(expect.objectContaining({ code: 'INVALID_STREAM_NAME' }));
  });
});
