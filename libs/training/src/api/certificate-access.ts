import { isStableId } from '@tadamon/domain-kit';
import { Actor, ProblemException } from '@tadamon/nest-kit';
import { isTrainingOfficer } from './training-actors';

/** Who sees a certificate: officers, the trainee it names, the association the trainee belongs to. */
export function assertSeesCertificate(
  actor: Actor,
  certificate: { traineeId: string; associationId: string },
): void {
  if (isTrainingOfficer(actor)) return;
  if (actor.roles.includes('trainee') && actor.personId && actor.personId === certificate.traineeId) return;
  if (actor.roles.includes('association') && actor.organisationId === certificate.associationId) return;
  // Someone else's certificate is answered as unknown: its existence says who trained.
  throw new ProblemException('not-found');
}

/** A path id that cannot name a stream names nothing: 404, never an error. */
export function streamId(id: string): string {
  if (!isStableId(id)) throw new ProblemException('not-found');
  return id;
}
