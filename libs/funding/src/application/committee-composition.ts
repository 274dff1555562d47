import { Inject, Injectable } from '@nestjs/common';
import { GrantApplication } from '../domain/grant-application/grant-application-state';
import { CommitteeMemberHasConflict } from '../domain/grant-application/grant-application-errors';
import { CallerNotInCommittee, UnknownCommitteeMember } from '../domain/refused-fields';
import { CommandActor } from './funding-commands';
import { CommitteeDirectory, CommitteeUser, FUNDING_COMMITTEE_DIRECTORY } from './funding-ports';

/**
 * Who may sit on the committee that takes a decision on `application`, checked before anything is
 * recorded: every member a known committee user, the caller among them, nobody acting for the
 * applicant association nor named on the dossier as an evaluator (the decider refuses those too).
 * `field` names the list in the request, for the problem's pointer.
 */
export const checkComposition = (
  application: Pick<GrantApplication, 'associationId' | 'evaluators'>,
  members: readonly string[],
  users: ReadonlyMap<string, CommitteeUser>,
  caller: string,
  field: string,
  named = true,
): void => {
  // A committee the caller did not name (the caller alone, by default) is pointed at as a whole.
  const at = (i: number) => (named ? `${field}[${i}]` : field);
  members.forEach((member, i) => {
    if (!users.has(member)) throw new UnknownCommitteeMember(member, at(i));
  });
  members.forEach((member, i) => {
    const actsForApplicant = users.get(member)?.organisationId === application.associationId;
    if (actsForApplicant || application.evaluators[member] !== undefined)
      throw new CommitteeMemberHasConflict(member, at(i));
  });
  if (!members.includes(caller)) throw new CallerNotInCommittee(caller, field);
};

@Injectable()
export class CommitteeComposition {
  constructor(@Inject(FUNDING_COMMITTEE_DIRECTORY) private readonly directory: CommitteeDirectory) {}

  /**
   * Refuses (4xx naming `field`) a committee Funding may not record for this decision. `named`:
   * the members are the list the request sent (else the default, the caller alone).
   */
  async check(
    application: Pick<GrantApplication, 'associationId' | 'evaluators'>,
    members: readonly string[],
    actor: CommandActor,
    field = 'committeeMembers',
    named = true,
  ): Promise<void> {
    const users = new Map<string, CommitteeUser>();
    for (const member of new Set(members)) {
      const user = await this.directory.committeeUser(member);
      if (user) users.set(member, user);
    }
    checkComposition(application, members, users, actor.id, field, named);
  }
}

/** The distributed profile's directory: a configured list of committee user ids (no organisations). */
export const listedCommittee = (userIds: readonly string[]): CommitteeDirectory => {
  const known = new Set(userIds);
  return {
    committeeUser: (userId) => (known.has(userId) ? { userId, organisationId: null } : undefined),
  };
};
