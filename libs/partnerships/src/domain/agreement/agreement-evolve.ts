import { AgreementEvent } from './agreement-events';
import { Agreement, AgreementState, AgreementVersion, commitmentTotalsOf } from './agreement-state';
import { AgreementTerms } from './agreement-terms';

const withTerms = (state: Agreement, terms: AgreementTerms): Agreement => ({
  ...state,
  terms,
  ...commitmentTotalsOf(terms),
});

const signed = (
  version: AgreementVersion,
  data: { partyId: string; signatoryId: string; signedOn: string; recordedAt: string },
): AgreementVersion => ({
  ...version,
  signatures: [
    ...version.signatures,
    {
      partyId: data.partyId,
      signatoryId: data.signatoryId,
      signedOn: data.signedOn,
      recordedAt: data.recordedAt,
    },
  ],
});

const enteredIntoForce = (
  state: Agreement,
  data: { effectiveOn: string; enteredIntoForceAt: string },
): Agreement => {
  if (!state.pending) return state;
  const version = {
    ...state.pending,
    effectiveOn: data.effectiveOn,
    enteredIntoForceAt: data.enteredIntoForceAt,
  };
  return {
    ...withTerms(state, version.terms),
    status: state.status === 'negotiation' ? 'in-force' : state.status,
    versions: [...state.versions, version],
    pending: null,
  };
};

const closeSuspension = (state: Agreement, at: string): Agreement['suspensions'] =>
  state.suspensions.map((s) => (s.to === null ? { ...s, to: at } : s));

export const evolveAgreement = (state: AgreementState, event: AgreementEvent): AgreementState => {
  if (event.type === 'AgreementDrafted') {
    const { agreementId, terms, draftedAt, by } = event.data;
    return {
      status: 'draft',
      agreementId,
      draftedAt,
      draftedBy: by,
      terms,
      ...commitmentTotalsOf(terms),
      versions: [],
      pending: null,
      withdrawnAmendments: [],
      documents: [],
      suspensions: [],
      ending: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'AgreementDraftRevised': {
      const terms = { ...state.terms, ...event.data.changes };
      const pending = state.pending && {
        ...state.pending,
        terms,
        signatories: terms.parties.map((p) => p.partyId),
      };
      return { ...withTerms(state, terms), pending };
    }
    case 'AgreementSubmittedForSignature':
      return {
        ...state,
        status: 'negotiation',
        pending: {
          version: 1,
          amendmentId: null,
          kind: 'original',
          reason: null,
          terms: state.terms,
          changes: {},
          differences: [],
          signatories: event.data.signatories,
          signatures: [],
          proposedAt: event.data.submittedAt,
          proposedBy: event.data.by,
          effectiveOn: null,
          enteredIntoForceAt: null,
          withdrawal: null,
        },
      };
    case 'AgreementSigned':
    case 'AmendmentSigned':
      return state.pending ? { ...state, pending: signed(state.pending, event.data) } : state;
    case 'AgreementEnteredIntoForce':
    case 'AmendmentEnteredIntoForce':
      return enteredIntoForce(state, event.data);
    case 'AmendmentProposed': {
      const { amendmentId, version, kind, changes, differences, signatories, reason, proposedAt, by } =
        event.data;
      return {
        ...state,
        pending: {
          version,
          amendmentId,
          kind,
          reason,
          terms: { ...state.terms, ...changes },
          changes,
          differences,
          signatories,
          signatures: [],
          proposedAt,
          proposedBy: by,
          effectiveOn: null,
          enteredIntoForceAt: null,
          withdrawal: null,
        },
      };
    }
    case 'AmendmentWithdrawn': {
      if (!state.pending) return state;
      const { reason, withdrawnAt, by } = event.data;
      const withdrawn = { ...state.pending, withdrawal: { reason, at: withdrawnAt, by } };
      return { ...state, pending: null, withdrawnAmendments: [...state.withdrawnAmendments, withdrawn] };
    }
    case 'AgreementSuspended':
      return {
        ...state,
        status: 'suspended',
        suspensions: [
          ...state.suspensions,
          { reason: event.data.reason, from: event.data.suspendedAt, to: null },
        ],
      };
    case 'AgreementResumed':
      return { ...state, status: 'in-force', suspensions: closeSuspension(state, event.data.resumedAt) };
    case 'AgreementTerminated': {
      const { reason, effectiveOn, terminatedAt } = event.data;
      return {
        ...state,
        status: 'terminated',
        suspensions: closeSuspension(state, terminatedAt),
        ending: { kind: 'terminated', reason, effectiveOn, at: terminatedAt },
      };
    }
    case 'AgreementExpired': {
      const { endDate, expiredAt } = event.data;
      return {
        ...state,
        status: 'expired',
        suspensions: closeSuspension(state, expiredAt),
        ending: { kind: 'expired', endDate, at: expiredAt },
      };
    }
    case 'AgreementCompleted':
      return {
        ...state,
        status: 'completed',
        ending: { kind: 'completed', note: event.data.note, at: event.data.completedAt },
      };
    case 'AgreementDocumentAttached': {
      const { document, attachedAt, by } = event.data;
      const entry = { ...document, attachedAt, attachedBy: by, detached: null };
      return { ...state, documents: [...state.documents, entry] };
    }
    case 'AgreementDocumentDetached': {
      const { sha256, reason, detachedAt, by } = event.data;
      const last = state.documents.map((d) => d.sha256).lastIndexOf(sha256);
      const documents = state.documents.map((d, i) =>
        i === last ? { ...d, detached: { reason, at: detachedAt, by } } : d,
      );
      return { ...state, documents };
    }
  }
};
