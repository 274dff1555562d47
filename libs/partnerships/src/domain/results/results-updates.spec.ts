import { DeciderSpecification } from '@tadamon/eventsourcing';
import { AlreadyCreated, InvalidTransition, NotCreated, ValidationFailed } from '../errors';
import { resultsDecider } from './results';
import { ApproveIndicatorUpdate, ReturnIndicatorUpdate, SubmitIndicatorUpdate } from './results-commands';
import { IndicatorNotFound, IndicatorUpdateNotFound, SameHand } from './results-errors';
import {
  approved,
  command,
  framework,
  metadataOf,
  monitor,
  officer,
  projectId,
  returned,
  submitted,
  updateData,
} from './results.fixtures';

const spec = DeciderSpecification.for(resultsDecider);
const fieldsOf = (error: ValidationFailed): string[] => error.issues.map((i) => i.field);
const submit = (data: Partial<SubmitIndicatorUpdate['data']> = {}): SubmitIndicatorUpdate =>
  command<SubmitIndicatorUpdate>('SubmitIndicatorUpdate', { ...updateData, ...data }, monitor);
const approve = (by = officer, updateId = 'u1'): ApproveIndicatorUpdate =>
  command<ApproveIndicatorUpdate>('ApproveIndicatorUpdate', { projectId, updateId }, by);
const giveBack = (by = officer, reason = 'the report is unsigned', updateId = 'u1'): ReturnIndicatorUpdate =>
  command<ReturnIndicatorUpdate>('ReturnIndicatorUpdate', { projectId, updateId, reason }, by);
const pending = [...framework, submitted()];

describe('results framework: indicator updates', () => {
  describe('SubmitIndicatorUpdate', () => {
    it('records a pending update of a target period, its submitter the actor', () => {
      spec.given(framework).when(submit()).then([submitted()]);
    });
    it('takes several updates of one period, and a new one after a return', () => {
      spec
        .given([...pending, returned()])
        .when(submit({ updateId: 'u2', value: 97 }))
        .then([submitted('u2', 97)]);
    });
    it('changes nothing when the same update comes again', () => {
      spec.given(pending).when(submit()).thenNothingHappened();
    });
    it('refuses other data under the same update id', () => {
      spec
        .given(pending)
        .when(submit({ value: 96 }))
        .thenThrows(AlreadyCreated);
    });
    it('lists every refused field', () => {
      const error = spec
        .given(framework)
        .when(
          submit({
            updateId: '',
            periodStart: '2025-07-01',
            periodEnd: '2025-12-30',
            value: -3,
            evidence: [{ sha256: 'x', name: '' }],
            comment: 7 as never,
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual([
        'updateId',
        'periodStart',
        'value',
        'evidence[0].sha256',
        'evidence[0].name',
        'comment',
      ]);
    });
    it('refuses an update without evidence, and one for a period not yet begun', () => {
      spec
        .given(framework)
        .when(submit({ evidence: [] }))
        .thenThrows(ValidationFailed, (e) => fieldsOf(e).join() === 'evidence');
      spec
        .given(framework)
        .when({
          ...submit({ periodStart: '2026-01-01', periodEnd: '2026-06-30' }),
          metadata: metadataOf(monitor, '2025-12-31T23:00:00.000Z'),
        })
        .thenThrows(ValidationFailed, (e) => fieldsOf(e).join() === 'periodStart');
    });
    it('refuses an unknown indicator, and a framework not yet opened', () => {
      spec
        .given(framework)
        .when(submit({ indicatorId: 'wells' }))
        .thenThrows(IndicatorNotFound);
      spec.when(submit()).thenThrows(NotCreated);
    });
  });

  describe('ApproveIndicatorUpdate', () => {
    it('approves a pending update by another officer than its submitter', () => {
      spec.given(pending).when(approve()).then([approved()]);
    });
    it('changes nothing when approved again: the second of two concurrent approvals', () => {
      spec
        .given([...pending, approved()])
        .when(approve())
        .thenNothingHappened();
      spec
        .given([...pending, approved()])
        .when(approve('officer-2'))
        .thenNothingHappened();
    });
    it('refuses the submitter: four eyes', () => {
      spec
        .given(pending)
        .when(approve(monitor))
        .thenThrows(SameHand, (e) => e.code === 'FOUR_EYES_REQUIRED' && e.actorId === monitor);
    });
    it('refuses a returned update', () => {
      spec
        .given([...pending, returned()])
        .when(approve())
        .thenThrows(InvalidTransition);
    });
    it('refuses an unknown update, and a framework not yet opened', () => {
      spec.given(pending).when(approve(officer, 'u9')).thenThrows(IndicatorUpdateNotFound);
      spec.when(approve()).thenThrows(NotCreated);
    });
  });

  describe('ReturnIndicatorUpdate', () => {
    it('returns a pending update with the reason', () => {
      spec.given(pending).when(giveBack()).then([returned()]);
    });
    it('changes nothing when returned again', () => {
      spec
        .given([...pending, returned()])
        .when(giveBack())
        .thenNothingHappened();
    });
    it('refuses the submitter: four eyes', () => {
      spec.given(pending).when(giveBack(monitor)).thenThrows(SameHand);
    });
    it('refuses to return an approved update', () => {
      spec
        .given([...pending, approved()])
        .when(giveBack())
        .thenThrows(InvalidTransition, (e) => e.from === 'approved');
    });
    it('refuses a return without a reason', () => {
      spec
        .given(pending)
        .when(giveBack(officer, ''))
        .thenThrows(ValidationFailed, (e) => fieldsOf(e).join() === 'reason');
    });
    it('refuses an unknown update, and a framework not yet opened', () => {
      spec
        .given(pending)
        .when(giveBack(officer, 'x', 'u9'))
        .thenThrows(IndicatorUpdateNotFound);
      spec.when(giveBack()).thenThrows(NotCreated);
    });
  });
});
