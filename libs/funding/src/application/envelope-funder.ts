import { Inject, Injectable } from '@nestjs/common';
import { FunderIsAssociation, UnknownFunder } from '../domain/refused-fields';
import { FUNDING_REGISTRY_FACTS, RegistryFacts } from './funding-ports';

/** The Registry's actor kind for a local association registered as an actor. */
const ASSOCIATION_ACTOR_KIND = 'local-association';

/**
 * An envelope's funder is a Registry actor Funding has heard of (ActorRegistered): a funder, the
 * ministry, an agency, a council... never an association, which applies for grants.
 */
@Injectable()
export class EnvelopeFunder {
  constructor(@Inject(FUNDING_REGISTRY_FACTS) private readonly facts: RegistryFacts) {}

  async check(funderId: string): Promise<void> {
    const actor = await this.facts.actor(funderId);
    if (actor?.kind === ASSOCIATION_ACTOR_KIND) throw new FunderIsAssociation(funderId);
    if (actor) return;
    if (await this.facts.applicant(funderId)) throw new FunderIsAssociation(funderId);
    throw new UnknownFunder(funderId);
  }
}
