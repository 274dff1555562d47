import { Actor, ProblemException } from '@tadamon/nest-kit';
import { TRAINING_OFFICER } from '../domain/session/session-guards';

/** Who sees a certificate: officers, the trainee it names, the association the trainee belongs to. */
export function assertSeesCertificate(
  actor: Actor,
  certificate: { traineeId: string; associationId: string },
): void {
  if (actor.roles.includes(TRAINING_OFFICER)) return;
  if (actor.roles.includes('trainee') && actor.personId && actor.personId === certificate.traineeId) return;
  if (actor.roles.includes('association') && actor.organisationId === certificate.associationId) return;
  // Someone else's certificate is answered as unknown: its existence says who trained.
  throw new ProblemException('not-found');
}

/** A trainee acts under their person id; an account without one has no certificates of its own. */
export function personOf(actor: Actor): string {
  if (!actor.personId)
    throw new ProblemException('forbidden', 'this trainee account is not linked to a person');
  return actor.personId;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;

/** A path id that cannot name a stream names nothing: 404, never an error. */
export function streamId(id: string): string {
  if (!ID.test(id)) throw new ProblemException('not-found');
  return id;
}
