import { DeciderSpecification, foldEvents } from '@tadamon/eventsourcing';
import { NotCreated, ValidationFailed } from '../errors';
import { agreementDecider } from './agreement';
import { AttachAgreementDocument, DetachAgreementDocument } from './agreement-commands';
import { AgreementDocumentInput, MAX_AGREEMENT_DOCUMENT_BYTES } from './agreement-documents';
import { AgreementDocumentNotAttached } from './agreement-errors';
import { AgreementEvent } from './agreement-events';
import { Agreement } from './agreement-state';
import { agreementId, command, drafted, inForceHistory, now, officer } from './agreement.fixtures';

const spec = DeciderSpecification.for(agreementDecider);
const sha256 = 'ab'.repeat(32);
const document: AgreementDocumentInput = {
  sha256,
  name: 'convention-signee.pdf',
  mediaType: 'application/pdf',
  size: 2_400_000,
  kind: 'signed-convention',
};
const attach = (doc: AgreementDocumentInput = document) =>
  command<AttachAgreementDocument>('AttachAgreementDocument', { document: doc });
const attached: AgreementEvent = {
  type: 'AgreementDocumentAttached',
  data: { agreementId, document, attachedAt: now, by: officer },
};
const detach = command<DetachAgreementDocument>('DetachAgreementDocument', {
  sha256,
  reason: 'mauvaise version',
});
const detached: AgreementEvent = {
  type: 'AgreementDocumentDetached',
  data: { agreementId, sha256, reason: 'mauvaise version', detachedAt: now, by: officer },
};

describe('partnership agreement: documents', () => {
  describe('AttachAgreementDocument', () => {
    it('attaches a document by its SHA-256', () => {
      spec.given(inForceHistory).when(attach()).then([attached]);
    });
    it('attaches a document to a draft', () => {
      spec.given([drafted]).when(attach()).then([attached]);
    });
    it('changes nothing when the same file is attached again, under any name', () => {
      spec
        .given([drafted, attached])
        .when(attach({ ...document, name: 'copie.pdf' }))
        .thenNothingHappened();
    });
    it('attaches again a file that was detached, keeping both entries', () => {
      spec.given([drafted, attached, detached]).when(attach()).then([attached]);
      const state = foldEvents(agreementDecider, [drafted, attached, detached, attached]) as Agreement;
      expect(state.documents.map((d) => d.detached?.reason ?? null)).toEqual(['mauvaise version', null]);
    });
    it('refuses every malformed field of the document', () => {
      const error = spec
        .given([drafted])
        .when(
          attach({
            sha256: 'AB'.repeat(32),
            name: '',
            mediaType: 'pdf',
            size: MAX_AGREEMENT_DOCUMENT_BYTES + 1,
            kind: 'invoice' as 'annex',
          }),
        )
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual([
        'document.sha256',
        'document.name',
        'document.mediaType',
        'document.size',
        'document.kind',
      ]);
    });
    it('refuses an empty file', () => {
      const error = spec
        .given([drafted])
        .when(attach({ ...document, size: 0 }))
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['document.size']);
    });
    it('refuses a document for an agreement never drafted', () => {
      spec.when(attach()).thenThrows(NotCreated);
    });
  });

  describe('DetachAgreementDocument', () => {
    it('detaches a document, keeping it in the history', () => {
      spec.given([drafted, attached]).when(detach).then([detached]);
      const state = foldEvents(agreementDecider, [drafted, attached, detached]) as Agreement;
      expect(state.documents).toEqual([
        {
          ...document,
          attachedAt: now,
          attachedBy: officer,
          detached: { reason: 'mauvaise version', at: now, by: officer },
        },
      ]);
    });
    it('changes nothing when detached twice', () => {
      spec.given([drafted, attached, detached]).when(detach).thenNothingHappened();
    });
    it('refuses to detach a file never attached', () => {
      spec
        .given([drafted])
        .when(detach)
        .thenThrows(AgreementDocumentNotAttached, (e) => e.sha256 === sha256);
    });
    it('refuses a malformed hash and a missing reason', () => {
      const error = spec
        .given([drafted, attached])
        .when(command<DetachAgreementDocument>('DetachAgreementDocument', { sha256: 'abc', reason: '' }))
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['sha256', 'reason']);
    });
  });
});
