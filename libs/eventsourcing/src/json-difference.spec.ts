import { jsonDifferences, showValue } from './json-difference';

describe('jsonDifferences', () => {
  it('finds nothing between equal values, with -0 equal to 0', () => {
    expect(jsonDifferences({ a: [1, { b: 'x' }], c: -0 }, { c: 0, a: [1, { b: 'x' }] })).toEqual([]);
  });

  it('lists each differing path with both values', () => {
    expect(
      jsonDifferences({ a: 1, b: [1, 2], c: { d: 'x' } }, { a: 2, b: [1], c: { d: 'x', e: null } }),
    ).toEqual([
      '$.a: expected 1, received 2',
      '$.b[1]: expected 2, received nothing',
      '$.c.e: unexpected null',
    ]);
  });

  it('tells a missing member from one that is undefined', () => {
    expect(jsonDifferences({ a: undefined }, {})).toEqual(['$.a: expected undefined, missing']);
  });

  it('tells an array from an object', () => {
    expect(jsonDifferences([], {})).toEqual(['$: expected [], received {}']);
  });

  it('stops at the limit', () => {
    expect(jsonDifferences([1, 2, 3, 4], [5, 6, 7, 8], 2)).toHaveLength(2);
  });

  it('shows values that JSON cannot', () => {
    expect(showValue(undefined)).toBe('undefined');
    expect(showValue(2n)).toBe('2n');
    expect(showValue('x'.repeat(300))).toHaveLength(201);
  });
});
