import { Inject, Injectable } from '@nestjs/common';
import { Actor, ProblemException } from '@tadamon/nest-kit';
import { UnknownTrainee } from '../application/catalogue-errors';
import { TRAINING_TRAINEES, TraineeDirectory, TraineeStanding } from '../application/training-ports';
import { isTrainingOfficer } from './training-actors';

/**
 * Who may enrol whom: an officer anyone; an association account its own contact persons; a
 * trainee themselves (their person id, the default). The Registry's standing of the trainee is
 * what the enrolment is decided on.
 */
@Injectable()
export class EnrolmentAccess {
  constructor(@Inject(TRAINING_TRAINEES) private readonly trainees: TraineeDirectory) {}

  async traineeFor(actor: Actor, requested: string | undefined): Promise<TraineeStanding> {
    const traineeId = this.traineeIdFor(actor, requested);
    const standing = await this.trainees.standing(traineeId);
    if (!standing) throw new UnknownTrainee(traineeId);
    if (!isTrainingOfficer(actor) && actor.roles.includes('association')) {
      if (!actor.organisationId || standing.associationId !== actor.organisationId)
        throw new ProblemException('forbidden', 'An association enrols only its own contact persons.');
    }
    return standing;
  }

  /** The association an association account cancels for (its token's), for the domain to match. */
  cancellingAssociation(actor: Actor): { forAssociation?: string } {
    if (isTrainingOfficer(actor) || !actor.roles.includes('association') || !actor.organisationId) return {};
    return { forAssociation: actor.organisationId };
  }

  /** An association's enrolments and trained managers: the association itself, or an officer. */
  requireAssociationOrOfficer(actor: Actor, associationId: string): void {
    if (isTrainingOfficer(actor)) return;
    if (actor.roles.includes('association') && actor.organisationId === associationId) return;
    throw new ProblemException('forbidden', 'Only the association itself or an officer may see this.');
  }

  private traineeIdFor(actor: Actor, requested: string | undefined): string {
    if (isTrainingOfficer(actor) || actor.roles.includes('association')) {
      if (requested === undefined)
        throw new ProblemException(
          'validation',
          { message: 'validation.failed', params: { count: 1 } },
          { errors: [{ pointer: '/traineeId', detail: 'traineeId is required' }] },
        );
      return requested;
    }
    if (!actor.personId) throw new ProblemException('forbidden', 'This account is linked to no person.');
    if (requested !== undefined && requested !== actor.personId)
      throw new ProblemException('forbidden', 'A trainee enrols only themselves.');
    return actor.personId;
  }
}
