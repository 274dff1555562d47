import { AgreementDoc } from '../projections/agreements';
import { agreementView, AgreementView } from '../projections/agreement-view';

/** A line of the agreements list: what the agreement is, between whom, its period and status. */
export const agreementListItem = (doc: AgreementDoc) => {
  const view = agreementView(doc);
  return {
    agreementId: view.agreementId,
    status: view.status,
    draftedAt: view.draftedAt,
    object: view.terms.object,
    programmeId: view.terms.programmeId,
    parties: view.terms.parties.map(({ partyId, partyKind, roles }) => ({ partyId, partyKind, roles })),
    startDate: view.terms.startDate,
    endDate: view.terms.endDate,
    currentVersion: view.currentVersion,
    pendingVersion: view.pending?.version ?? null,
    documents: view.documents.filter((d) => d.detached === null).length,
  };
};

/** Every version ever proposed, in version order: in force, pending or withdrawn. */
export const agreementHistory = (view: AgreementView) => ({
  agreementId: view.agreementId,
  currentVersion: view.currentVersion,
  versions: [...view.versions, ...(view.pending ? [view.pending] : []), ...view.withdrawn]
    .sort((a, b) => a.version - b.version || (a.proposedAt < b.proposedAt ? -1 : 1))
    .map((v) => ({
      ...v,
      state:
        v.withdrawal !== null
          ? 'withdrawn'
          : v.enteredIntoForceAt !== null
            ? 'in-force'
            : 'awaiting-signatures',
    })),
});
