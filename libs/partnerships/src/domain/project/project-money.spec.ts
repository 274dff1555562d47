import { DeciderSpecification } from '@tadamon/eventsourcing';
import { InvalidTransition, NotCreated, ValidationFailed } from '../errors';
import { projectDecider } from './project';
import { AttachProjectDocument, RecordExpenditure, RecordProjectDisbursement } from './project-commands';
import {
  ProjectDocumentAlreadyAttached,
  ExpenditureAlreadyRecorded,
  TrancheAlreadyRecorded,
} from './project-errors';
import { ProjectEvent } from './project-events';
import {
  cancelled,
  closed,
  command,
  implementing,
  mad,
  now,
  officer,
  opened,
  projectId,
} from './project.fixtures';

const spec = DeciderSpecification.for(projectDecider);
const fieldsOf = (error: ValidationFailed): string[] => error.issues.map((i) => i.field);

const tranche: RecordProjectDisbursement['data'] = {
  projectId,
  trancheId: 'tr-1',
  amount: mad(100_000_00),
  on: '2025-06-01',
  source: 'funding-tranche',
};
const disburse = (data: Partial<RecordProjectDisbursement['data']> = {}): RecordProjectDisbursement =>
  command<RecordProjectDisbursement>(
    'RecordProjectDisbursement',
    { ...tranche, ...data },
    'policy:tranche-released',
  );
const disbursed: ProjectEvent = {
  type: 'ProjectDisbursementRecorded',
  data: { ...tranche, recordedAt: now, by: 'policy:tranche-released' },
};
const expense: RecordExpenditure['data'] = {
  projectId,
  expenditureId: 'exp-1',
  amount: mad(12_500_00),
  on: '2025-05-15',
  description: 'Étude hydrogéologique',
};
const spend = (data: Partial<RecordExpenditure['data']> = {}): RecordExpenditure =>
  command<RecordExpenditure>('RecordExpenditure', { ...expense, ...data });
const spent: ProjectEvent = {
  type: 'ExpenditureRecorded',
  data: { ...expense, recordedAt: now, by: officer },
};
const sha256 = 'a'.repeat(64);
const file: AttachProjectDocument['data'] = {
  projectId,
  sha256,
  name: 'convention-signee.pdf',
  mediaType: 'application/pdf',
  size: 482_113,
  kind: 'agreement',
};
const attach = (data: Partial<AttachProjectDocument['data']> = {}): AttachProjectDocument =>
  command<AttachProjectDocument>('AttachProjectDocument', { ...file, ...data });
const attached: ProjectEvent = {
  type: 'ProjectDocumentAttached',
  data: { ...file, attachedAt: now, by: officer },
};

describe('co-development project: money and documents', () => {
  describe('RecordProjectDisbursement', () => {
    it('records a tranche Funding released', () => {
      spec.given(implementing).when(disburse()).then([disbursed]);
    });
    it('records a released tranche even on a closed or cancelled project: the money was paid', () => {
      spec.given(closed).when(disburse()).then([disbursed]);
      spec.given(cancelled).when(disburse()).then([disbursed]);
    });
    it('changes nothing when the tranche comes again', () => {
      spec
        .given([...implementing, disbursed])
        .when(disburse())
        .thenNothingHappened();
    });
    it('refuses the same tranche with another amount or source', () => {
      spec
        .given([...implementing, disbursed])
        .when(disburse({ amount: mad(1) }))
        .thenThrows(TrancheAlreadyRecorded, (e) => e.recorded.amountMinor === 100_000_00);
      spec
        .given([...implementing, disbursed])
        .when(disburse({ source: 'manual' }))
        .thenThrows(TrancheAlreadyRecorded);
    });
    it('refuses a manual disbursement on a closed or cancelled project', () => {
      spec
        .given(closed)
        .when(disburse({ source: 'manual' }))
        .thenThrows(InvalidTransition);
      spec
        .given(cancelled)
        .when(disburse({ source: 'manual' }))
        .thenThrows(InvalidTransition);
    });
    it('lists every refused field', () => {
      const error = spec
        .given([opened])
        .when(disburse({ trancheId: '', amount: mad(-5), on: '2025-06-03', source: 'cash' as 'manual' }))
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual(['trancheId', 'amount.amountMinor', 'on', 'source']);
    });
    it('refuses a project never opened', () => {
      spec.when(disburse()).thenThrows(NotCreated);
    });
  });

  describe('RecordExpenditure', () => {
    it('records an expenditure, even a preparatory one in identification', () => {
      spec.given(implementing).when(spend()).then([spent]);
      spec.given([opened]).when(spend()).then([spent]);
    });
    it('changes nothing when recorded again with the same data', () => {
      spec.given([opened, spent]).when(spend()).thenNothingHappened();
    });
    it('refuses the same id with other data', () => {
      spec
        .given([opened, spent])
        .when(spend({ amount: mad(1) }))
        .thenThrows(ExpenditureAlreadyRecorded);
    });
    it('refuses an expenditure on a closed or cancelled project', () => {
      spec.given(closed).when(spend()).thenThrows(InvalidTransition);
      spec.given(cancelled).when(spend()).thenThrows(InvalidTransition);
    });
    it('lists every refused field', () => {
      const error = spec
        .given([opened])
        .when(spend({ expenditureId: '', amount: mad(0), on: '2025-02-30', description: '' }))
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual(['expenditureId', 'amount.amountMinor', 'on', 'description']);
    });
    it('refuses a project never opened', () => {
      spec.when(spend()).thenThrows(NotCreated);
    });
  });

  describe('AttachProjectDocument', () => {
    it('attaches a document by its SHA-256, in any status', () => {
      spec.given([opened]).when(attach()).then([attached]);
      spec.given(closed).when(attach()).then([attached]);
    });
    it('changes nothing when the same file is attached again', () => {
      spec.given([opened, attached]).when(attach()).thenNothingHappened();
    });
    it('refuses the same file under another name or kind', () => {
      spec
        .given([opened, attached])
        .when(attach({ kind: 'budget' }))
        .thenThrows(ProjectDocumentAlreadyAttached, (e) => e.attachedAs === 'convention-signee.pdf');
    });
    it('lists every refused field', () => {
      const error = spec
        .given([opened])
        .when(
          attach({ sha256: 'A'.repeat(64), name: '', mediaType: 'pdf', size: 0, kind: 'letter' as 'other' }),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual(['sha256', 'name', 'size', 'kind', 'mediaType']);
    });
    it('refuses a project never opened', () => {
      spec.when(attach()).thenThrows(NotCreated);
    });
  });
});
