import { DeciderSpecification } from '@tadamon/eventsourcing';
import { InvalidTransition, NotCreated, ValidationFailed } from '../errors';
import { projectDecider } from './project';
import { ReviseProject } from './project-commands';
import { CofinancingExceedsBudget, ReachedMilestoneRemoved } from './project-errors';
import { ProjectEvent } from './project-events';
import {
  awardProjectId,
  cancelled,
  closed,
  command,
  details,
  implementing,
  milestones,
  now,
  officer,
  openData,
  opened,
  openedFromAward,
  oriental,
  projectId,
} from './project.fixtures';

const spec = DeciderSpecification.for(projectDecider);
const fieldsOf = (error: ValidationFailed): string[] => error.issues.map((i) => i.field);
const revise = (changes: ReviseProject['data']['changes'], id = projectId): ReviseProject =>
  command<ReviseProject>('ReviseProject', { projectId: id, changes });
const revised = (changes: object, previous: object, id = projectId): ProjectEvent => ({
  type: 'ProjectRevised',
  data: { projectId: id, changes, previous, revisedAt: now, by: officer },
});
const reached: ProjectEvent = {
  type: 'MilestoneReached',
  data: { projectId, milestoneId: 'm1', reachedOn: '2025-06-01', recordedAt: now, by: officer },
};

describe('co-development project: revision', () => {
  describe('ReviseProject', () => {
    it('records only the details that changed, with their values before', () => {
      spec
        .given([opened])
        .when(revise({ plannedEnd: '2026-09-30', title: openData.title, programmeId: null }))
        .then([
          revised(
            { plannedEnd: '2026-09-30', programmeId: null },
            { plannedEnd: '2026-06-30', programmeId: 'icmd-phase-2' },
          ),
        ]);
    });
    it('completes an award-born project, placing it under an agreement', () => {
      const { title, description, locations, sectors, budgetLines, plannedStart, plannedEnd } = openData;
      spec
        .given([openedFromAward])
        .when(
          revise(
            {
              title,
              description,
              locations,
              sectors,
              budgetLines,
              plannedStart,
              plannedEnd,
              agreementId: 'agr-1',
            },
            awardProjectId,
          ),
        )
        .then([
          revised(
            {
              title,
              description,
              locations: details.locations,
              sectors,
              budgetLines: details.budgetLines,
              plannedStart,
              plannedEnd,
              agreementId: 'agr-1',
            },
            {
              title: null,
              description: null,
              locations: [],
              sectors: [],
              budgetLines: [],
              plannedStart: null,
              plannedEnd: null,
              agreementId: null,
            },
            awardProjectId,
          ),
        ]);
    });
    it('changes nothing when every detail named is as it is', () => {
      spec
        .given([opened])
        .when(revise({ sectors: openData.sectors, locations: openData.locations }))
        .thenNothingHappened();
    });
    it('refuses unknown details, the carrier, removals and bad values, every one listed', () => {
      const error = spec
        .given([opened])
        .when(
          revise({
            carrierId: 'md-9',
            budget: 1,
            title: null,
            agreementId: null,
            locations: [{ area: oriental, point: { lat: 20, lon: 0 } }],
            sectors: [{ code: '14030', percentageHundredths: 10001 }],
          } as never),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual([
        'changes.carrierId',
        'changes.budget',
        'changes.title',
        'changes.agreementId',
        'changes.locations[0].point.lat',
        'changes.locations[0].point.lon',
        'changes.sectors[0].percentageHundredths',
      ]);
    });
    it('refuses a revision naming nothing', () => {
      spec.given([opened]).when(revise({})).thenThrows(ValidationFailed);
    });
    it('checks the rules across details on the revised project', () => {
      const error = spec
        .given([opened])
        .when(revise({ participants: [{ partyId: 'md-0001', role: '4' }], plannedStart: '2025-08-01' }))
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual([
        'changes.cofinancing[0].partyId',
        'changes.budgetLines[0].periodStart',
      ]);
      spec
        .given([opened])
        .when(revise({ budgetLines: [openData.budgetLines[2]] }))
        .thenThrows(CofinancingExceedsBudget, (e) => e.cofinancing.currency === 'MAD');
    });
    it('refuses to drop a reached milestone, not to reschedule the others', () => {
      spec
        .given([...implementing, reached])
        .when(revise({ milestones: [milestones[1]] }))
        .thenThrows(ReachedMilestoneRemoved, (e) => e.milestoneIds.join() === 'm1');
      spec
        .given([...implementing, reached])
        .when(revise({ milestones: [milestones[0]] }))
        .then([revised({ milestones: [milestones[0]] }, { milestones: openData.milestones })]);
    });
    it('refuses to revise a closed or cancelled project', () => {
      spec
        .given(closed)
        .when(revise({ plannedEnd: '2026-09-30' }))
        .thenThrows(InvalidTransition);
      spec
        .given(cancelled)
        .when(revise({ plannedEnd: '2026-09-30' }))
        .thenThrows(InvalidTransition);
    });
    it('refuses a command naming another project than its stream', () => {
      spec
        .given([opened])
        .when(revise({ plannedEnd: '2026-09-30' }, 'prj-other'))
        .thenThrows(ValidationFailed, (e) => fieldsOf(e).join() === 'projectId');
    });
    it('refuses to revise a project never opened', () => {
      spec.when(revise({ plannedEnd: '2026-09-30' })).thenThrows(NotCreated);
    });
  });
});
