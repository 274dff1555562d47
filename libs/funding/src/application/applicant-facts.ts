import { Inject, Injectable, Optional } from '@nestjs/common';
import { AssociationFacts } from '../domain/grant-application/eligibility-screening';
import { AssociationNotVerified } from '../domain/grant-application/grant-application-errors';
import {
  ApplicantRecord,
  EvaluatorAffiliations,
  FUNDING_EVALUATOR_AFFILIATIONS,
  FUNDING_REGISTRY_FACTS,
  RegistryFacts,
} from './funding-ports';

/**
 * The links the Registry shows between an evaluator's organisations and an applicant: acting for
 * the applicant itself, or sharing a network with it. Each link is a stable code an auditor reads:
 * `organisation:<id>` or `network:<id>`.
 */
export const conflictLinksBetween = (
  evaluatorOrganisations: readonly string[],
  applicantId: string,
  networksOf: (organisationId: string) => readonly string[],
): string[] => {
  const links = new Set<string>();
  const applicantNetworks = new Set(networksOf(applicantId));
  for (const organisation of evaluatorOrganisations) {
    if (organisation === applicantId) {
      links.add(`organisation:${applicantId}`);
      continue;
    }
    for (const network of networksOf(organisation))
      if (applicantNetworks.has(network)) links.add(`network:${network}`);
  }
  return [...links].sort();
};

/** What Funding knows of applicants from the Registry: the facts its commands decide with. */
@Injectable()
export class ApplicantFacts {
  constructor(
    @Inject(FUNDING_REGISTRY_FACTS) private readonly facts: RegistryFacts,
    @Optional()
    @Inject(FUNDING_EVALUATOR_AFFILIATIONS)
    private readonly affiliations?: EvaluatorAffiliations,
  ) {}

  async applicant(associationId: string): Promise<ApplicantRecord | undefined> {
    return this.facts.applicant(associationId);
  }

  /**
   * The association as the domain takes it at submission or screening. One the Registry never
   * told Funding about is refused like an unverified one.
   */
  async associationFacts(associationId: string): Promise<AssociationFacts> {
    const known = await this.facts.applicant(associationId);
    if (!known) throw new AssociationNotVerified(associationId, 'unknown');
    return { associationId, status: known.status, hostCountries: known.hostCountries };
  }

  /** The Registry's links between an evaluator and an applicant (empty when none are known). */
  async conflictLinks(evaluatorId: string, associationId: string): Promise<string[]> {
    const organisations = (await this.affiliations?.organisationsOf(evaluatorId)) ?? [];
    if (organisations.length === 0) return [];
    const networks = new Map<string, readonly string[]>();
    for (const id of [associationId, ...organisations]) networks.set(id, await this.facts.networksOf(id));
    return conflictLinksBetween(organisations, associationId, (id) => networks.get(id) ?? []);
  }
}
