import { AlreadyCreated } from '../errors';
import { FieldIssues, sameJson } from '../field-validation';
import { DraftingCommand } from './agreement-commands';
import { TermsAlreadySigned } from './agreement-errors';
import { AgreementEvent } from './agreement-events';
import { AGREEMENT, requireStatus, stamp } from './agreement-guards';
import { Agreement } from './agreement-state';
import { checkTermChanges, checkAgreementTerms, termDifferences } from './agreement-terms';

export const decideDrafting = (command: DraftingCommand, state: Agreement): AgreementEvent[] => {
  const { now, by } = stamp(command.metadata);
  const { agreementId } = state;
  const issues = new FieldIssues();
  switch (command.type) {
    case 'DraftAgreement': {
      const terms = checkAgreementTerms(issues, '', command.data);
      issues.throwIfAny();
      if (sameJson(terms, state.terms)) return [];
      throw new AlreadyCreated(AGREEMENT, agreementId);
    }
    case 'ReviseAgreementDraft': {
      requireStatus(state, command.type, ['draft', 'negotiation']);
      const signedBy = state.pending?.signatures.map((s) => s.partyId) ?? [];
      if (signedBy.length > 0) throw new TermsAlreadySigned(signedBy);
      const { terms, changes } = checkTermChanges(issues, state.terms, command.data.changes);
      issues.throwIfAny();
      const differences = termDifferences(state.terms, terms);
      if (differences.length === 0) return [];
      return [
        { type: 'AgreementDraftRevised', data: { agreementId, changes, differences, revisedAt: now, by } },
      ];
    }
    case 'SubmitAgreementForSignature': {
      if (state.status === 'negotiation') return [];
      requireStatus(state, command.type, ['draft']);
      const signatories = state.terms.parties.map((p) => p.partyId);
      return [
        { type: 'AgreementSubmittedForSignature', data: { agreementId, signatories, submittedAt: now, by } },
      ];
    }
  }
};
