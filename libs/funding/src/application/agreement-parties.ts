import { Inject, Injectable } from '@nestjs/common';
import { GrantApplication } from '../domain/grant-application/grant-application-state';
import { ApplicantMustSign, InvalidSignatory } from '../domain/refused-fields';
import { FundingCommands } from './funding-commands';
import { FUNDING_REGISTRY_FACTS, RegistryFacts } from './funding-ports';

/** The Registry actor kind of the ministry, the third party to every grant agreement. */
export const MINISTRY_ACTOR_KIND = 'ministry';

/**
 * A grant agreement binds its parties, so it is signed by them only: the applicant association
 * (always), the funder of the envelope the award draws on, and the ministry (a Registry actor of
 * kind `ministry`). Signatories are organisations, named by their Registry ids; a person or a
 * made-up id is refused, naming the list entry.
 */
@Injectable()
export class AgreementParties {
  constructor(
    private readonly commands: FundingCommands,
    @Inject(FUNDING_REGISTRY_FACTS) private readonly facts: RegistryFacts,
  ) {}

  async check(application: GrantApplication, signatories: readonly string[]): Promise<void> {
    // Before an award there is no agreement to sign: the decider says so (409), not this check.
    if (application.decision?.kind !== 'award') return;
    const envelope = await this.commands.load('budgetEnvelope', application.decision.envelopeId);
    const funderId = envelope && envelope.state.status !== 'none' ? envelope.state.terms.funderId : null;
    for (const [i, signatory] of signatories.entries()) {
      if (signatory === application.associationId || signatory === funderId) continue;
      const actor = await this.facts.actor(signatory);
      if (actor?.kind !== MINISTRY_ACTOR_KIND) throw new InvalidSignatory(signatory, `signatories[${i}]`);
    }
    if (!signatories.includes(application.associationId))
      throw new ApplicantMustSign(application.associationId);
  }
}
