import { Inject, Injectable } from '@nestjs/common';
import { Actor, ProblemException } from '@tadamon/nest-kit';
import { PartnershipsCommands } from '../application/partnerships-commands';
import { PARTNERSHIPS_READ_MODELS, PartnershipsReadModels } from '../application/partnerships-ports';
import { Agreement } from '../domain/agreement/agreement-state';
import { AgreementDoc, PARTNERSHIPS_AGREEMENTS } from '../projections/agreements';
import { assertSees } from './organisation-access';

/** Every party an agreement ever named: the draft's, each version's, the pending amendment's. */
export const partiesOf = (agreement: Agreement): string[] => [
  ...new Set([
    ...agreement.terms.parties.map((p) => p.partyId),
    ...agreement.versions.flatMap((v) => v.signatories),
    ...(agreement.pending?.signatories ?? []),
  ]),
];

/** Loads an agreement for an actor: one they may not see answers 404, as one that does not exist. */
@Injectable()
export class AgreementReads {
  constructor(
    private readonly commands: PartnershipsCommands,
    @Inject(PARTNERSHIPS_READ_MODELS) private readonly readModels: PartnershipsReadModels,
  ) {}

  async stream(actor: Actor, agreementId: string): Promise<{ state: Agreement; revision: number }> {
    const loaded = await this.commands.load('agreement', agreementId);
    if (!loaded || loaded.state.status === 'none') throw new ProblemException('not-found');
    const state = loaded.state as Agreement;
    assertSees(actor, partiesOf(state));
    return { state, revision: loaded.revision };
  }

  async document(actor: Actor, agreementId: string): Promise<AgreementDoc> {
    const doc = await this.readModels.collection<AgreementDoc>(PARTNERSHIPS_AGREEMENTS).get(agreementId);
    if (!doc) throw new ProblemException('not-found');
    assertSees(actor, doc.partyIds);
    return doc;
  }
}
