import { namedOrganisations, organisationIssue } from './known-organisations';

describe('the Registry organisations a command body names', () => {
  it('finds every member naming one, nested in changes and answers, with its field', () => {
    expect(
      namedOrganisations({
        carrierId: 'assoc-a',
        requesterId: 'assoc-b',
        partnerId: 'actor-iom',
        funderIds: ['actor-eu', 7],
        parties: [{ partyId: 'actor-ministry', partyKind: 'ministry' }, { partyKind: 'funder' }],
        participants: [{ partyId: 'actor-cri', role: '3' }],
        cofinancing: [{ partyId: 'assoc-a', amount: {} }],
        changes: { parties: [{ partyId: 'actor-x', partyKind: 'funder' }], funderIds: ['actor-y'] },
        answer: { kind: 'introduction', actorId: 'actor-agency' },
        title: { fr: 'carrierId' },
      }),
    ).toEqual([
      { field: 'carrierId', id: 'assoc-a' },
      { field: 'requesterId', id: 'assoc-b' },
      { field: 'partnerId', id: 'actor-iom' },
      { field: 'funderIds[0]', id: 'actor-eu' },
      { field: 'parties[0].partyId', id: 'actor-ministry', kind: 'ministry' },
      { field: 'participants[0].partyId', id: 'actor-cri' },
      { field: 'cofinancing[0].partyId', id: 'assoc-a' },
      { field: 'changes.funderIds[0]', id: 'actor-y' },
      { field: 'changes.parties[0].partyId', id: 'actor-x', kind: 'funder' },
      { field: 'answer.actorId', id: 'actor-agency' },
    ]);
    expect(namedOrganisations(null)).toEqual([]);
    expect(namedOrganisations({ reason: 'none' })).toEqual([]);
  });

  const association = (status: 'verified' | 'submitted' | 'dissolved' | 'rejected' | 'merged') => ({
    kind: 'association' as const,
    id: 'assoc-a',
    names: {},
    status,
    mergedInto: status === 'merged' ? 'assoc-b' : null,
    position: 1,
  });
  const cri = {
    kind: 'actor' as const,
    id: 'actor-cri',
    names: {},
    actorKind: 'regional-investment-centre',
    position: 2,
  };

  it('accepts a known organisation, verified or still submitted, of the kind it is said to be', () => {
    expect(organisationIssue({ field: 'carrierId', id: 'assoc-a' }, association('verified'))).toBeUndefined();
    expect(
      organisationIssue({ field: 'carrierId', id: 'assoc-a' }, association('submitted')),
    ).toBeUndefined();
    const party = { field: 'parties[0].partyId', id: 'actor-cri', kind: 'regional-investment-centre' };
    expect(organisationIssue(party, cri)).toBeUndefined();
    expect(
      organisationIssue({ field: 'p', id: 'assoc-a', kind: 'association' }, association('verified')),
    ).toBeUndefined();
  });

  it('refuses an unknown, dissolved, rejected or merged one, or one of another kind, naming the field', () => {
    expect(organisationIssue({ field: 'funderIds[1]', id: 'actor-nope' }, undefined)).toEqual({
      field: 'funderIds[1]',
      reason: 'actor-nope is not an organisation of the Registry (or not yet known to Partnerships)',
    });
    expect(organisationIssue({ field: 'c', id: 'assoc-a' }, association('merged'))?.reason).toBe(
      'assoc-a was merged into assoc-b: name it',
    );
    expect(organisationIssue({ field: 'c', id: 'assoc-a' }, association('dissolved'))?.reason).toMatch(
      /dissolved/,
    );
    expect(organisationIssue({ field: 'c', id: 'assoc-a' }, association('rejected'))?.reason).toMatch(
      /rejected/,
    );
    expect(
      organisationIssue({ field: 'parties[2].partyId', id: 'actor-cri', kind: 'ministry' }, cri),
    ).toEqual({
      field: 'parties[2].partyId',
      reason: 'actor-cri is a regional-investment-centre in the Registry, not a ministry',
    });
  });
});
