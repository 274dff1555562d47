import fc from 'fast-check';
import { Command, Decider, DomainEvent, foldEvents } from '@tadamon/eventsourcing';
import { projectDecider } from './project/project';
import { ProjectCommand } from './project/project-commands';
import {
  command as projectCommand,
  mad,
  milestones,
  open,
  openFromAward,
  oriental,
  projectId,
} from './project/project.fixtures';
import { resultsDecider } from './results/results';
import { ResultsCommand } from './results/results-commands';
import {
  command as resultsCommand,
  defineHouseholds,
  defineOutcome,
  monitor,
  updateData,
} from './results/results.fixtures';

/**
 * Runs random sequences of commands (failures skipped, as the store would never append them) and
 * checks that every command that succeeded decides [] when repeated: retries and redeliveries are safe.
 */
const repeatsChangeNothing = <C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  pool: readonly C[],
): void => {
  fc.assert(
    fc.property(fc.array(fc.nat(pool.length - 1), { maxLength: 20 }), (picks) => {
      let state = decider.initialState();
      for (const pick of picks) {
        let events: E[];
        try {
          events = decider.decide(pool[pick], state);
        } catch {
          continue;
        }
        state = foldEvents(decider, events, state);
        expect(decider.decide(pool[pick], state)).toEqual([]);
      }
    }),
    { numRuns: 500 },
  );
};

describe('repeating a successful command changes nothing', () => {
  it('for co-development projects', () => {
    const c = <T extends ProjectCommand>(
      type: T['type'],
      data: Omit<T['data'], 'projectId'>,
    ): ProjectCommand => projectCommand<T>(type, { projectId, ...data } as T['data']);
    repeatsChangeNothing(projectDecider, [
      open,
      c('ReviseProject', { changes: { plannedEnd: '2026-09-30' } }),
      c('ReviseProject', { changes: { milestones: [milestones[1]] } }),
      c('ChangeProjectStatus', { status: '2' }),
      c('ChangeProjectStatus', { status: '3' }),
      c('ChangeProjectStatus', { status: '6', reason: 'floods' }),
      c('ReachMilestone', { milestoneId: 'm1', reachedOn: '2025-06-01' }),
      c('RecordProjectDisbursement', {
        trancheId: 't1',
        amount: mad(1_00),
        on: '2025-06-01',
        source: 'manual',
      }),
      c('RecordExpenditure', {
        expenditureId: 'e1',
        amount: mad(1_00),
        on: '2025-06-01',
        description: 'étude',
      }),
      c('AttachProjectDocument', {
        sha256: 'c'.repeat(64),
        name: 'a.pdf',
        mediaType: 'application/pdf',
        size: 1,
        kind: 'other',
      }),
      c('PublishProject', {}),
      c('UnpublishProject', { reason: 'corrections' }),
      c('ProposeReplication', { replicaProjectId: 'prj-2', region: oriental }),
    ]);
    repeatsChangeNothing(projectDecider, [openFromAward]);
  });

  it('for results frameworks', () => {
    const other = 'officer-2';
    repeatsChangeNothing(resultsDecider, [
      defineOutcome,
      defineHouseholds,
      resultsCommand<ResultsCommand>('SubmitIndicatorUpdate', updateData, monitor),
      resultsCommand<ResultsCommand>(
        'SubmitIndicatorUpdate',
        { ...updateData, updateId: 'u2', value: 99 },
        monitor,
      ),
      resultsCommand<ResultsCommand>(
        'ApproveIndicatorUpdate',
        { projectId: updateData.projectId, updateId: 'u1' },
        other,
      ),
      resultsCommand<ResultsCommand>(
        'ReturnIndicatorUpdate',
        { projectId: updateData.projectId, updateId: 'u2', reason: 'unsigned' },
        other,
      ),
      resultsCommand<ResultsCommand>('ReviseIndicatorTargets', {
        projectId: updateData.projectId,
        indicatorId: 'households',
        targets: [{ periodStart: '2025-07-01', periodEnd: '2025-12-31', value: 150 }],
      }),
    ]);
  });
});
