import { domainValidationProblem, fieldPointer } from './domain-validation';

describe('domain validation problems', () => {
  it('turns field paths into JSON Pointers, escaping tokens as RFC 6901 says', () => {
    expect(fieldPointer('profile.hostCountries[1]')).toBe('/profile/hostCountries/1');
    expect(fieldPointer('a/b.c~d[0]')).toBe('/a~1b/c~0d/0');
    expect(fieldPointer('')).toBe('');
    expect(fieldPointer('[2].name')).toBe('/2/name');
  });

  it('gives one 400 validation problem listing every field', () => {
    const problem = domainValidationProblem([
      { field: 'names.fr', reason: 'must not be blank' },
      { field: 'sectors[2]', reason: 'unknown sector' },
    ]);
    expect(problem.kind).toBe('validation');
    expect(problem.extensions).toEqual({
      errors: [
        { pointer: '/names/fr', detail: 'must not be blank' },
        { pointer: '/sectors/2', detail: 'unknown sector' },
      ],
    });
  });
});
