import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../api/problem';
import { claimedUnder, errorAt, errorUnder } from './field-errors';

const problem: Problem = {
  type: 'urn:tadamon:problem:validation',
  title: 'Validation failed',
  status: 400,
  errors: [
    { pointer: '/profile/hostCountries/1', detail: 'must be a country code' },
    { pointer: '/profile/hostCountriesExtra', detail: 'unknown member' },
    { pointer: '/profile/names/fr', detail: 'must not be empty' },
  ],
};

describe('field errors of a list field', () => {
  it('shows under a list field the errors of its items, not those of a field whose name starts alike', () => {
    expect(errorUnder(problem, '/profile/hostCountries')).toBe('must be a country code');
    expect(errorUnder(problem, '/profile/sectors')).toBeUndefined();
    expect(errorAt(problem, '/profile/names')).toBeUndefined();
    expect(errorAt(problem, '/profile/names/fr')).toBe('must not be empty');
  });

  it('claims for the form the pointers its fields show, leaving the others to the alert', () => {
    expect(claimedUnder(problem, ['/profile/hostCountries', '/profile/names'])).toEqual([
      '/profile/hostCountries/1',
      '/profile/names/fr',
    ]);
  });
});
