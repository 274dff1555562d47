import { CommitteeMemberHasConflict } from '../domain/grant-application/grant-application-errors';
import { CallerNotInCommittee, UnknownCommitteeMember } from '../domain/refused-fields';
import { checkComposition, listedCommittee } from './committee-composition';
import { CommitteeUser } from './funding-ports';

const application = {
  associationId: 'assoc-md',
  evaluators: { 'cm-2': {} } as never,
};
const users = new Map<string, CommitteeUser>([
  ['cm-1', { userId: 'cm-1', organisationId: null }],
  ['cm-2', { userId: 'cm-2', organisationId: null }],
  ['cm-3', { userId: 'cm-3', organisationId: null }],
  ['cm-md', { userId: 'cm-md', organisationId: 'assoc-md' }],
]);
const thrown = (act: () => void): unknown => {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};
const check = (members: string[], caller = 'cm-1', field = 'committeeMembers') =>
  checkComposition(application, members, users, caller, field);

describe('the committee of a decision', () => {
  it('accepts known committee users with the caller among them', () => {
    expect(() => check(['cm-3', 'cm-1'])).not.toThrow();
    expect(() => check(['cm-1'])).not.toThrow();
  });

  it('refuses an unknown member, naming where it is in the list', () => {
    expect(() => check(['cm-1', 'made-up'])).toThrow(UnknownCommitteeMember);
    expect(thrown(() => check(['cm-1', 'made-up'], 'cm-1', 'derogation.committeeMembers'))).toMatchObject({
      memberId: 'made-up',
      field: 'derogation.committeeMembers[1]',
    });
  });

  it('points at the list as a whole when the caller named nobody (the caller alone, by default)', () => {
    const refused = thrown(() =>
      checkComposition(application, ['stranger'], users, 'stranger', 'committeeMembers', false),
    );
    expect(refused).toMatchObject({ code: 'UNKNOWN_COMMITTEE_MEMBER', field: 'committeeMembers' });
  });

  it('refuses a committee that leaves out the caller', () => {
    expect(() => check(['cm-3'])).toThrow(CallerNotInCommittee);
  });

  it('refuses an evaluator of the dossier', () => {
    expect(thrown(() => check(['cm-1', 'cm-2']))).toMatchObject({
      code: 'COMMITTEE_MEMBER_HAS_CONFLICT',
      field: 'committeeMembers[1]',
    });
  });

  it('refuses a member acting for the applicant association', () => {
    const refused = thrown(() => check(['cm-1', 'cm-md']));
    expect(refused).toBeInstanceOf(CommitteeMemberHasConflict);
    expect(refused).toMatchObject({ memberId: 'cm-md', field: 'committeeMembers[1]' });
  });

  it('knows, in the distributed profile, only the configured ids', () => {
    const directory = listedCommittee(['cm-1', 'cm-2']);
    expect(directory.committeeUser('cm-2')).toEqual({ userId: 'cm-2', organisationId: null });
    expect(directory.committeeUser('cm-3')).toBeUndefined();
  });
});
