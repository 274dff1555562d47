import { DeciderSpecification } from '@tadamon/eventsourcing';
import { InvalidTransition, NotCreated, ValidationFailed } from '../errors';
import { projectDecider } from './project';
import {
  ChangeProjectStatus,
  ProposeReplication,
  PublishProject,
  ReachMilestone,
  UnpublishProject,
} from './project-commands';
import {
  MilestoneAlreadyReached,
  MilestoneNotFound,
  ProjectIncomplete,
  ProjectStatusChangeNotAllowed,
  ReplicationAlreadyProposed,
} from './project-errors';
import { ProjectEvent } from './project-events';
import { ActivityStatus, PROJECT_STATUS_TRANSITIONS } from './project-status';
import {
  awardProjectId,
  cancelled,
  closed,
  command,
  finalising,
  implementing,
  now,
  officer,
  opened,
  openedFromAward,
  oriental,
  projectId,
  souss,
  statusChanged,
} from './project.fixtures';

const spec = DeciderSpecification.for(projectDecider);
const changeStatus = (status: string, reason?: string, id = projectId): ChangeProjectStatus =>
  command<ChangeProjectStatus>('ChangeProjectStatus', {
    projectId: id,
    status: status as ActivityStatus,
    reason,
  });
const reach = (milestoneId: string, reachedOn = '2025-06-01'): ReachMilestone =>
  command<ReachMilestone>('ReachMilestone', { projectId, milestoneId, reachedOn });
const reached: ProjectEvent = {
  type: 'MilestoneReached',
  data: { projectId, milestoneId: 'm1', reachedOn: '2025-06-01', recordedAt: now, by: officer },
};
const propose = (replicaProjectId: string, region = oriental): ProposeReplication =>
  command<ProposeReplication>('ProposeReplication', { projectId, replicaProjectId, region });
const proposed: ProjectEvent = {
  type: 'ReplicationProposed',
  data: {
    projectId,
    replicaProjectId: 'prj-oriental-water',
    region: oriental,
    originalRegions: ['MA-09'],
    proposedAt: now,
    by: officer,
  },
};
const publish = (id = projectId): PublishProject =>
  command<PublishProject>('PublishProject', { projectId: id });
const published: ProjectEvent = {
  type: 'ProjectPublished',
  data: { projectId, publishedAt: now, by: officer },
};
const unpublish = command<UnpublishProject>('UnpublishProject', { projectId, reason: 'names a beneficiary' });
const historyAt: Record<ActivityStatus, ProjectEvent[]> = {
  '1': [opened],
  '2': implementing,
  '3': finalising,
  '4': closed,
  '5': cancelled,
  '6': [...implementing, statusChanged('2', '6', 'floods')],
};

describe('co-development project: status, milestones, publication, replication', () => {
  describe('ChangeProjectStatus', () => {
    const allowed = Object.entries(PROJECT_STATUS_TRANSITIONS).flatMap(([from, tos]) =>
      tos.map((to) => [from as ActivityStatus, to] as const),
    );
    it.each(allowed)('moves a project from status %s to %s', (from, to) => {
      spec
        .given(historyAt[from])
        .when(changeStatus(to, 'because'))
        .then([statusChanged(from, to, 'because')]);
    });
    it('refuses every change the table does not hold, naming the allowed ones', () => {
      const statuses = Object.keys(PROJECT_STATUS_TRANSITIONS) as ActivityStatus[];
      for (const from of statuses)
        for (const to of statuses.filter((s) => s !== from && !PROJECT_STATUS_TRANSITIONS[from].includes(s)))
          spec
            .given(historyAt[from])
            .when(changeStatus(to, 'because'))
            .thenThrows(
              ProjectStatusChangeNotAllowed,
              (e) => e.from === from && e.to === to && e.allowed === PROJECT_STATUS_TRANSITIONS[from],
            );
    });
    it('records the reason given, or none', () => {
      spec
        .given([opened])
        .when(changeStatus('2'))
        .then([statusChanged('1', '2')]);
    });
    it('changes nothing when the project already has the status', () => {
      spec.given(implementing).when(changeStatus('2')).thenNothingHappened();
    });
    it('refuses a cancellation or suspension without a reason, and an unknown status', () => {
      spec
        .given(implementing)
        .when(changeStatus('6'))
        .thenThrows(ValidationFailed, (e) => e.issues[0].field === 'reason');
      spec
        .given(implementing)
        .when(changeStatus('7'))
        .thenThrows(ValidationFailed, (e) => e.issues[0].field === 'status');
    });
    it('refuses implementation of an award-born project until the officer completes it', () => {
      spec
        .given([openedFromAward])
        .when(changeStatus('2', undefined, awardProjectId))
        .thenThrows(
          ProjectIncomplete,
          (e) =>
            e.missing.join() === 'title,description,locations,sectors,budgetLines,plannedStart,plannedEnd',
        );
    });
    it('refuses a project never opened', () => {
      spec.when(changeStatus('2')).thenThrows(NotCreated);
    });
  });

  describe('ReachMilestone', () => {
    it('records a milestone reached during implementation', () => {
      spec.given(implementing).when(reach('m1')).then([reached]);
    });
    it('changes nothing when reached again on the same day, even after closing', () => {
      spec
        .given([...implementing, reached])
        .when(reach('m1'))
        .thenNothingHappened();
      spec
        .given([...implementing, reached, ...closed.slice(2)])
        .when(reach('m1'))
        .thenNothingHappened();
    });
    it('refuses another day for a reached milestone', () => {
      spec
        .given([...implementing, reached])
        .when(reach('m1', '2025-05-30'))
        .thenThrows(MilestoneAlreadyReached, (e) => e.reachedOn === '2025-06-01');
    });
    it('refuses an unknown milestone', () => {
      spec.given(implementing).when(reach('m9')).thenThrows(MilestoneNotFound);
    });
    it('refuses a day in the future and a bad id, both listed', () => {
      const error = spec.given(implementing).when(reach('m 1', '2025-06-03')).thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['milestoneId', 'reachedOn']);
    });
    it('refuses a milestone before implementation or once closed', () => {
      spec.given([opened]).when(reach('m1')).thenThrows(InvalidTransition);
      spec.given(closed).when(reach('m1')).thenThrows(InvalidTransition);
    });
    it('refuses a project never opened', () => {
      spec.when(reach('m1')).thenThrows(NotCreated);
    });
  });

  describe('PublishProject and UnpublishProject', () => {
    it('publishes a complete project, then withdraws it from publication with a reason', () => {
      spec.given([opened]).when(publish()).then([published]);
      spec
        .given([opened, published])
        .when(unpublish)
        .then([
          {
            type: 'ProjectUnpublished',
            data: { projectId, reason: 'names a beneficiary', unpublishedAt: now, by: officer },
          },
        ]);
    });
    it('changes nothing when already so', () => {
      spec.given([opened, published]).when(publish()).thenNothingHappened();
      spec.given([opened]).when(unpublish).thenNothingHappened();
    });
    it('refuses to publish a project that lacks what IATI needs', () => {
      spec.given([openedFromAward]).when(publish(awardProjectId)).thenThrows(ProjectIncomplete);
    });
    it('refuses to unpublish without a reason', () => {
      spec
        .given([opened, published])
        .when(command<UnpublishProject>('UnpublishProject', { projectId, reason: ' ' }))
        .thenThrows(ValidationFailed);
    });
    it('refuses a project never opened', () => {
      spec.when(publish()).thenThrows(NotCreated);
      spec.when(unpublish).thenThrows(NotCreated);
    });
  });

  describe('ProposeReplication', () => {
    it('proposes a finalised project for another region', () => {
      spec.given(finalising).when(propose('prj-oriental-water')).then([proposed]);
    });
    it('proposes a closed project for another region', () => {
      spec.given(closed).when(propose('prj-oriental-water')).then([proposed]);
    });
    it('changes nothing when the same replica is proposed again', () => {
      spec
        .given([...closed, proposed])
        .when(propose('prj-oriental-water'))
        .thenNothingHappened();
    });
    it('refuses the same replica for another region', () => {
      spec
        .given([...closed, proposed])
        .when(propose('prj-oriental-water', { scheme: 'iso3166-2:2015', code: 'MA-03' }))
        .thenThrows(ReplicationAlreadyProposed, (e) => e.region === 'MA-02');
    });
    it("refuses the project's own region, a province, and the project itself as replica", () => {
      spec
        .given(closed)
        .when(propose('prj-souss-2', souss))
        .thenThrows(ValidationFailed, (e) => e.issues[0].reason.includes('MA-09'));
      const error = spec
        .given(closed)
        .when(propose(projectId, { scheme: 'iso3166-2:2015', code: 'MA-TIZ' }))
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['region.code', 'replicaProjectId']);
    });
    it('refuses a project whose work is not done', () => {
      spec.given(implementing).when(propose('prj-oriental-water')).thenThrows(InvalidTransition);
      spec.given(cancelled).when(propose('prj-oriental-water')).thenThrows(InvalidTransition);
    });
    it('refuses a project never opened', () => {
      spec.when(propose('prj-oriental-water')).thenThrows(NotCreated);
    });
  });
});
