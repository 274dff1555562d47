import { AssociationMergedAway } from '../domain/association/association';
import { InvalidTransition, NotRegistered, ValidationFailed } from '../domain/errors';
import { PublisherNotAllowed } from '../domain/regional-need/regional-need';
import { registryProblems } from './registry-problems';

const context = (language: 'ar' | 'fr' | 'en') => ({ language, instance: '/x', ifMatchSent: false });

describe('registry problems', () => {
  it('turns a domain validation failure into a 400 listing every field as a JSON pointer', () => {
    const problem = registryProblems(
      new ValidationFailed([
        { field: 'profile.hostCountries[1]', reason: 'unknown country' },
        { field: 'names.fr', reason: 'is required' },
      ]),
      context('en'),
    );
    expect(problem?.kind).toBe('validation');
    expect(problem?.extensions['errors']).toEqual([
      { pointer: '/profile/hostCountries/1', detail: 'unknown country' },
      { pointer: '/names/fr', detail: 'is required' },
    ]);
  });

  it('gives the detail in the caller’s language and keeps the code stable', () => {
    const error = new InvalidTransition('association', 'submitted', 'SuspendAssociation');
    const ar = registryProblems(error, context('ar'));
    const fr = registryProblems(error, context('fr'));
    expect(ar?.kind).toBe('conflict');
    expect(ar?.detail).toContain('submitted');
    expect(ar?.detail).toMatch(/[\u0600-\u06FF]/);
    expect(fr?.detail).toMatch(/^Cette action/);
    expect(ar?.extensions['code']).toBe('INVALID_TRANSITION');
  });

  it('maps a missing record to 404, a refused publisher to 403 and a merged association to 409 with its survivor', () => {
    expect(registryProblems(new NotRegistered('network', 'AddNetworkMember'), context('en'))?.kind).toBe(
      'not-found',
    );
    expect(registryProblems(new PublisherNotAllowed('actor-x', 'not a CRI'), context('fr'))?.kind).toBe(
      'forbidden',
    );
    const merged = registryProblems(new AssociationMergedAway('a1', 'a2'), context('en'));
    expect(merged?.kind).toBe('conflict');
    expect(merged?.extensions['survivorId']).toBe('a2');
  });

  it('leaves errors of other origins to the kit', () => {
    expect(registryProblems(new Error('boom'), context('en'))).toBeUndefined();
  });
});
