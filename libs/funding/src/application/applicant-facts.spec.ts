import { AssociationNotVerified } from '../domain/grant-application/grant-application-errors';
import { InMemoryRegistryFacts } from '../policies/registry-facts-stores';
import { ApplicantFacts, conflictLinksBetween } from './applicant-facts';

describe('applicant facts', () => {
  const networks: Record<string, string[]> = {
    applicant: ['net-a', 'net-b'],
    partner: ['net-b', 'net-c'],
    stranger: ['net-c'],
  };
  const networksOf = (id: string) => networks[id] ?? [];

  it('links an evaluator to an applicant they act for, or share a network with', () => {
    expect(conflictLinksBetween(['partner'], 'applicant', networksOf)).toEqual(['network:net-b']);
    expect(conflictLinksBetween(['applicant'], 'applicant', networksOf)).toEqual(['organisation:applicant']);
    expect(conflictLinksBetween(['stranger', 'partner', 'applicant'], 'applicant', networksOf)).toEqual([
      'network:net-b',
      'organisation:applicant',
    ]);
    expect(conflictLinksBetween(['stranger'], 'applicant', networksOf)).toEqual([]);
    expect(conflictLinksBetween([], 'applicant', networksOf)).toEqual([]);
  });

  it('gives the domain the applicant’s registry status, and refuses one the registry never announced', async () => {
    const facts = new InMemoryRegistryFacts();
    facts.record(undefined, {
      kind: 'applicant',
      associationId: 'a1',
      status: 'suspended',
      hostCountries: ['BE'],
      position: 1,
      at: 't',
    });
    facts.record(undefined, {
      kind: 'network-member',
      networkId: 'n1',
      associationId: 'a1',
      member: true,
      position: 2,
    });
    facts.record(undefined, {
      kind: 'network-member',
      networkId: 'n1',
      associationId: 'org-e',
      member: true,
      position: 3,
    });
    const applicants = new ApplicantFacts(facts, {
      organisationsOf: (id) => (id === 'ev-1' ? ['org-e'] : []),
    });
    expect(await applicants.associationFacts('a1')).toEqual({
      associationId: 'a1',
      status: 'suspended',
      hostCountries: ['BE'],
    });
    await expect(applicants.associationFacts('a2')).rejects.toBeInstanceOf(AssociationNotVerified);
    expect(await applicants.conflictLinks('ev-1', 'a1')).toEqual(['network:n1']);
    expect(await applicants.conflictLinks('ev-2', 'a1')).toEqual([]);
    expect(await new ApplicantFacts(facts).conflictLinks('ev-1', 'a1')).toEqual([]);
  });
});
