import { DeciderSpecification } from '@tadamon/eventsourcing';
import { AlreadyCreated, NotCreated, ValidationFailed } from '../errors';
import { projectResultsStreamName, resultsDecider } from './results';
import { DefineIndicator, DefineResult, ReviseIndicatorTargets } from './results-commands';
import { IndicatorNotFound, ResultNotFound, TargetPeriodInUse } from './results-errors';
import { ResultsEvent } from './results-events';
import {
  approved,
  command,
  defineHouseholds,
  defineOutcome,
  framework,
  households,
  householdsDefined,
  now,
  officer,
  outcomeDefined,
  projectId,
  returned,
  submitted,
} from './results.fixtures';

const spec = DeciderSpecification.for(resultsDecider);
const fieldsOf = (error: ValidationFailed): string[] => error.issues.map((i) => i.field);
const defineWith = (data: Partial<DefineIndicator['data']>): DefineIndicator =>
  command<DefineIndicator>('DefineIndicator', { ...defineHouseholds.data, ...data });
const reviseTargets = (targets: ReviseIndicatorTargets['data']['targets'], indicatorId = 'households') =>
  command<ReviseIndicatorTargets>('ReviseIndicatorTargets', {
    projectId,
    indicatorId,
    targets,
    projectPeriod: { start: '2025-07-01', end: '2026-12-31' },
  });
const second = { periodStart: '2026-01-01', periodEnd: '2026-06-30', value: 300 };
const later = { periodStart: '2026-07-01', periodEnd: '2026-12-31', value: 400 };

describe('results framework', () => {
  it('lives in the projectResults stream named after the project', () => {
    expect(projectResultsStreamName(projectId)).toBe('projectResults-prj-tafraout-water');
  });

  describe('DefineResult', () => {
    it('opens the framework with its first result, then adds outputs', () => {
      spec.when(defineOutcome).then([outcomeDefined]);
      spec
        .given([outcomeDefined])
        .when(
          command<DefineResult>('DefineResult', {
            projectId,
            resultId: 'op1',
            level: 'output',
            title: { fr: 'Forage réalisé' },
            description: { fr: 'Un forage de 120 m' },
          }),
        )
        .then([
          {
            type: 'ResultDefined',
            data: {
              projectId,
              resultId: 'op1',
              level: 'output',
              title: { fr: 'Forage réalisé' },
              description: { fr: 'Un forage de 120 m' },
              definedAt: now,
              by: officer,
            },
          },
        ]);
    });
    it('changes nothing when defined again alike', () => {
      spec.given([outcomeDefined]).when(defineOutcome).thenNothingHappened();
    });
    it('refuses other data under the same result id', () => {
      spec
        .given([outcomeDefined])
        .when(command<DefineResult>('DefineResult', { ...defineOutcome.data, level: 'output' }))
        .thenThrows(AlreadyCreated);
    });
    it('lists every refused field', () => {
      const error = spec
        .when(
          command<DefineResult>('DefineResult', {
            projectId,
            resultId: '',
            level: 'impact' as 'outcome',
            title: { fr: '' },
            description: { fr: '' },
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual(['resultId', 'level', 'title.fr', 'description.fr']);
    });
    it('refuses a command naming another project than the stream', () => {
      spec
        .given([outcomeDefined])
        .when(command<DefineResult>('DefineResult', { ...defineOutcome.data, projectId: 'prj-other' }))
        .thenThrows(ValidationFailed, (e) => fieldsOf(e).join() === 'projectId');
    });
  });

  describe('DefineIndicator', () => {
    it('defines an indicator with its targets in period order', () => {
      spec.given([outcomeDefined]).when(defineHouseholds).then([householdsDefined]);
    });
    it('defines a qualitative indicator with a dated baseline', () => {
      const event = spec.given([outcomeDefined]).when(
        defineWith({
          indicatorId: 'coop',
          measure: 'qualitative',
          unit: null,
          aggregation: 'periodic',
          baseline: { date: '2025-03-15', value: 'Pas de coopérative' },
          targets: [{ periodStart: '2025-07-01', periodEnd: '2026-06-30', value: 'Coopérative agréée' }],
        }),
      );
      event.then([
        {
          type: 'IndicatorDefined',
          data: {
            projectId,
            ...households,
            indicatorId: 'coop',
            measure: 'qualitative',
            unit: null,
            aggregation: 'periodic',
            baseline: { year: 2025, date: '2025-03-15', value: 'Pas de coopérative', comment: null },
            targets: [{ periodStart: '2025-07-01', periodEnd: '2026-06-30', value: 'Coopérative agréée' }],
            definedAt: now,
            by: officer,
          },
        },
      ]);
    });
    it('changes nothing when defined again alike', () => {
      spec.given(framework).when(defineHouseholds).thenNothingHappened();
    });
    it('refuses other data under the same indicator id', () => {
      spec
        .given(framework)
        .when(defineWith({ unit: 'foyers' }))
        .thenThrows(AlreadyCreated);
    });
    it('refuses an indicator of an unknown result', () => {
      spec
        .given([outcomeDefined])
        .when(defineWith({ resultId: 'op9' }))
        .thenThrows(ResultNotFound);
    });
    it('refuses an indicator before any result', () => {
      spec.when(defineHouseholds).thenThrows(NotCreated);
    });
    it('lists every refused field', () => {
      const error = spec
        .given([outcomeDefined])
        .when(
          defineWith({
            indicatorId: '',
            title: {} as never,
            measure: 'percentage',
            unit: '%',
            ascending: 'yes' as never,
            aggregation: 'yearly' as 'periodic',
            baseline: { year: 2024, date: '2023-01-01', value: 101, comment: '' },
            targets: [{ periodStart: '2025-07-01', periodEnd: '2025-06-30', value: 50.12345 }],
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual([
        'indicatorId',
        'title.fr',
        'unit',
        'ascending',
        'aggregation',
        'baseline.year',
        'baseline.value',
        'targets[0].value',
        'targets[0].periodEnd',
      ]);
    });
    it('refuses a unit measure without its unit, a cumulative qualitative one and a baseline with no year', () => {
      const error = spec
        .given([outcomeDefined])
        .when(
          defineWith({
            measure: 'qualitative',
            aggregation: 'cumulative',
            unit: null,
            baseline: { value: 'x' } as never,
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual([
        'aggregation',
        'baseline.year',
        'targets[0].value',
        'targets[1].value',
      ]);
      spec
        .given([outcomeDefined])
        .when(defineWith({ unit: null }))
        .thenThrows(ValidationFailed, (e) => fieldsOf(e).join() === 'unit');
    });
    it('refuses overlapping periods, periods outside the project, targets on the wrong side of the baseline', () => {
      const error = spec
        .given([outcomeDefined])
        .when(
          defineWith({
            ascending: false,
            baseline: { year: 2024, value: 200 },
            targets: [
              { periodStart: '2025-06-01', periodEnd: '2025-12-31', value: 150 },
              { periodStart: '2025-12-01', periodEnd: '2026-07-31', value: 250 },
            ],
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual([
        'targets[0].periodStart',
        'targets[1].periodEnd',
        'targets[1]',
        'targets[1].value',
      ]);
    });
    it('refuses an indicator without targets', () => {
      spec
        .given([outcomeDefined])
        .when(defineWith({ targets: [] }))
        .thenThrows(ValidationFailed, (e) => fieldsOf(e).join() === 'targets');
    });
  });

  describe('ReviseIndicatorTargets', () => {
    const revisedTo = (targets: object[]): ResultsEvent =>
      ({
        type: 'IndicatorTargetsRevised',
        data: {
          projectId,
          indicatorId: 'households',
          targets,
          previous: households.targets,
          revisedAt: now,
          by: officer,
        },
      }) as ResultsEvent;
    it('revises values and adds periods, with the targets before', () => {
      const first = { ...households.targets[0], value: 150 };
      spec
        .given(framework)
        .when(reviseTargets([later, second, first]))
        .then([revisedTo([first, second, later])]);
    });
    it('changes nothing when the targets are as they are', () => {
      spec.given(framework).when(reviseTargets(households.targets)).thenNothingHappened();
    });
    it('refuses to drop a period that pending or approved updates report on, not one only returned ones do', () => {
      spec
        .given([...framework, submitted()])
        .when(reviseTargets([second]))
        .thenThrows(TargetPeriodInUse, (e) => e.periods[0].periodStart === '2025-07-01');
      spec
        .given([...framework, submitted(), approved()])
        .when(reviseTargets([second]))
        .thenThrows(TargetPeriodInUse);
      spec
        .given([...framework, submitted(), returned()])
        .when(reviseTargets([second]))
        .then([revisedTo([second])]);
    });
    it('refuses bad targets, every one listed', () => {
      const error = spec
        .given(framework)
        .when(reviseTargets([{ periodStart: '2025-07-01', periodEnd: '2027-01-31', value: -1 }]))
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual(['targets[0].value']);
      const outside = spec
        .given(framework)
        .when(reviseTargets([{ periodStart: '2025-07-01', periodEnd: '2027-01-31', value: 1 }]))
        .thenThrows(ValidationFailed);
      expect(fieldsOf(outside)).toEqual(['targets[0].periodEnd']);
    });
    it('refuses an unknown indicator, and a framework not yet opened', () => {
      spec
        .given(framework)
        .when(reviseTargets([second], 'wells'))
        .thenThrows(IndicatorNotFound);
      spec.when(reviseTargets([second])).thenThrows(NotCreated);
    });
  });
});
