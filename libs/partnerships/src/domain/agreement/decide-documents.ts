import { checkText, FieldIssues, MAX_LONG_TEXT } from '../field-validation';
import { DocumentCommand } from './agreement-commands';
import { checkDocument, checkSha256 } from './agreement-documents';
import { DocumentNotAttached } from './agreement-errors';
import { AgreementEvent } from './agreement-events';
import { stamp } from './agreement-guards';
import { Agreement, AttachedDocument } from './agreement-state';

/** The latest entry for a file: a detached file attached again has two entries. */
export const findDocument = (state: Agreement, sha256: string): AttachedDocument | undefined =>
  [...state.documents].reverse().find((d) => d.sha256 === sha256);

/** Documents are attached and detached in every status: a termination letter comes after the end. */
export const decideDocuments = (command: DocumentCommand, state: Agreement): AgreementEvent[] => {
  const { now, by } = stamp(command.metadata);
  const { agreementId } = state;
  const issues = new FieldIssues();
  switch (command.type) {
    case 'AttachAgreementDocument': {
      const document = checkDocument(issues, 'document', command.data.document);
      issues.throwIfAny();
      const attached = findDocument(state, document.sha256);
      if (attached && attached.detached === null) return [];
      return [{ type: 'AgreementDocumentAttached', data: { agreementId, document, attachedAt: now, by } }];
    }
    case 'DetachAgreementDocument': {
      const sha256 = checkSha256(issues, 'sha256', command.data.sha256);
      const reason = checkText(issues, 'reason', command.data.reason, MAX_LONG_TEXT);
      issues.throwIfAny();
      const attached = findDocument(state, sha256);
      if (!attached) throw new DocumentNotAttached(sha256);
      if (attached.detached !== null) return [];
      return [
        { type: 'AgreementDocumentDetached', data: { agreementId, sha256, reason, detachedAt: now, by } },
      ];
    }
  }
};
