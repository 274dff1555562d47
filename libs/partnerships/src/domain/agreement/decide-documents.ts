import { checkText, FieldIssues, MAX_LONG_TEXT } from '../field-validation';
import { DocumentCommand } from './agreement-commands';
import { checkAgreementDocument, checkDocumentSha256 } from './agreement-documents';
import { AgreementDocumentNotAttached } from './agreement-errors';
import { AgreementEvent } from './agreement-events';
import { stamp } from './agreement-guards';
import { Agreement, AttachedAgreementDocument } from './agreement-state';

/** The latest entry for a file: a detached file attached again has two entries. */
export const findDocument = (state: Agreement, sha256: string): AttachedAgreementDocument | undefined =>
  [...state.documents].reverse().find((d) => d.sha256 === sha256);

/** Documents are attached and detached in every status: a termination letter comes after the end. */
export const decideDocuments = (command: DocumentCommand, state: Agreement): AgreementEvent[] => {
  const { now, by } = stamp(command.metadata);
  const { agreementId } = state;
  const issues = new FieldIssues();
  switch (command.type) {
    case 'AttachAgreementDocument': {
      const document = checkAgreementDocument(issues, 'document', command.data.document);
      issues.throwIfAny();
      const attached = findDocument(state, document.sha256);
      if (attached && attached.detached === null) return [];
      return [{ type: 'AgreementDocumentAttached', data: { agreementId, document, attachedAt: now, by } }];
    }
    case 'DetachAgreementDocument': {
      const sha256 = checkDocumentSha256(issues, 'sha256', command.data.sha256);
      const reason = checkText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
      issues.throwIfAny();
      const attached = findDocument(state, sha256);
      if (!attached) throw new AgreementDocumentNotAttached(sha256);
      if (attached.detached !== null) return [];
      return [
        { type: 'AgreementDocumentDetached', data: { agreementId, sha256, reason, detachedAt: now, by } },
      ];
    }
  }
};
