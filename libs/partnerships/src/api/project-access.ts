import { Actor, ProblemException, Role } from '@tadamon/nest-kit';
import { OpenedProject } from '../domain/project/project-state';

/** Roles that read every project (the auditor and the admin read, never write). */
export const PROJECT_READERS: readonly Role[] = ['officer', 'auditor', 'admin'];
/** Roles that read the projects their organisation carries or takes part in. */
export const PROJECT_PARTIES: readonly Role[] = ['association', 'partner'];

export const readsAllProjects = (actor: Actor): boolean =>
  actor.roles.some((role) => PROJECT_READERS.includes(role));

/** The organisations of a project: its carrier and its participants. */
export const projectParties = (project: OpenedProject): string[] => [
  project.carrierId,
  ...project.details.participants.map((p) => p.partyId),
];

/** Another organisation's project answers 404, as one that does not exist. */
export const assertSeesProject = (actor: Actor, project: OpenedProject): void => {
  if (readsAllProjects(actor)) return;
  if (actor.organisationId === undefined || !projectParties(project).includes(actor.organisationId))
    throw new ProblemException('not-found');
};

/** The carrying association's account, or an officer (others: 404 if they may not see it, else 403). */
export const assertOfficerOrCarrier = (actor: Actor, project: OpenedProject): void => {
  if (actor.roles.includes('officer')) return;
  assertSeesProject(actor, project);
  if (!actor.roles.includes('association') || actor.organisationId !== project.carrierId)
    throw new ProblemException('forbidden', 'Only the carrying association or an officer may do this.');
};
