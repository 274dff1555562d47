import {
  ANY,
  describeExpectedRevision,
  NO_STREAM,
  revisionMatches,
  STREAM_EXISTS,
} from './expected-revision';

describe('revisionMatches', () => {
  it.each([
    [NO_STREAM, -1, true],
    [NO_STREAM, 0, false],
    [STREAM_EXISTS, -1, false],
    [STREAM_EXISTS, 0, true],
    [STREAM_EXISTS, 9, true],
    [ANY, -1, true],
    [ANY, 4, true],
    [3, 3, true],
    [3, 4, false],
    [0, -1, false],
  ] as const)('expected %p against actual %p: %p', (expected, actual, matches) => {
    expect(revisionMatches(expected, actual)).toBe(matches);
  });

  it('describes revisions and states for messages', () => {
    expect(describeExpectedRevision(7)).toBe('revision 7');
    expect(describeExpectedRevision(NO_STREAM)).toBe('no_stream');
  });
});
