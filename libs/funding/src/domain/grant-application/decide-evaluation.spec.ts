import { DeciderSpecification } from '@tadamon/eventsourcing';
import { InvalidTransition, ValidationFailed } from '../errors';
import {
  AssignEvaluator,
  DeclareConflictOfInterest,
  OpenEvaluationDossier,
  ReachConsensusScore,
  RecordDetectedConflict,
  RecordEvaluatorScores,
  RemoveEvaluator,
} from './grant-application-commands';
import {
  DeclarationRequired,
  DossierNotOpened,
  EvaluationIncomplete,
  EvaluatorExcluded,
  EvaluatorNotAssigned,
  NotTheEvaluator,
} from './grant-application-errors';
import { GrantApplicationEvent } from './grant-application-events';
import {
  applicationId,
  assigned,
  command,
  consensusReached,
  declaredNoConflict,
  history,
  now,
  officer,
  opened,
  outcome,
  pointsOf,
  scoresRecorded,
  sheetOf,
} from './grant-application.fixtures';
import { grantApplicationDecider } from './grant-application';

const spec = DeciderSpecification.for(grantApplicationDecider);
const assign = (evaluatorId: string, linksToApplicant: string[] = []) =>
  command<AssignEvaluator>('AssignEvaluator', { evaluatorId, linksToApplicant });
const declare = (evaluatorId: string, hasConflict: boolean, actor = evaluatorId) =>
  command<DeclareConflictOfInterest>(
    'DeclareConflictOfInterest',
    {
      evaluatorId,
      hasConflict,
      statement: hasConflict ? 'Je suis membre du bureau.' : 'Je déclare ne pas avoir de conflit.',
    },
    { actor },
  );
const detect = (evaluatorId: string) =>
  command<RecordDetectedConflict>('RecordDetectedConflict', {
    evaluatorId,
    links: ['board member of md-0001'],
  });
const open = (evaluatorId: string, actor = evaluatorId) =>
  command<OpenEvaluationDossier>('OpenEvaluationDossier', { evaluatorId }, { actor });
const score = (evaluatorId: string, scores = pointsOf[evaluatorId], actor = evaluatorId) =>
  command<RecordEvaluatorScores>('RecordEvaluatorScores', { evaluatorId, scores }, { actor });
const reach = command<ReachConsensusScore>('ReachConsensusScore', {});

const removed = (
  evaluatorId: string,
  reason: 'declared-conflict' | 'detected-conflict' | 'removed-by-officer',
  detail: string,
  by = officer,
): GrantApplicationEvent => ({
  type: 'EvaluatorRemoved',
  data: { applicationId, evaluatorId, reason, detail, removedAt: now, by },
});
const detected = (evaluatorId: string): GrantApplicationEvent => ({
  type: 'ConflictOfInterestDetected',
  data: { applicationId, evaluatorId, links: ['board member of md-0001'], detectedAt: now, by: officer },
});
const annulled = (evaluatorId: string, reason: string, by = officer): GrantApplicationEvent => ({
  type: 'ConsensusScoreAnnulled',
  data: { applicationId, reason: `evaluator ${evaluatorId} removed: ${reason}`, annulledAt: now, by },
});

describe('grant application: evaluation', () => {
  describe('AssignEvaluator', () => {
    it('assigns an evaluator and puts the application under evaluation', () => {
      spec
        .given(history.eligible)
        .when(assign('ev-amina'))
        .then([assigned('ev-amina')]);
    });

    it('is idempotent', () => {
      spec
        .given([...history.eligible, assigned('ev-amina')])
        .when(assign('ev-amina'))
        .thenNothingHappened();
    });

    it('is idempotent after the evaluation has moved on, and assigns nobody new then', () => {
      spec.given(history.awarded).when(assign('ev-amina')).thenNothingHappened();
      spec.given(history.scored).when(assign('ev-omar')).thenThrows(InvalidTransition);
    });

    it('does not assign an evaluator the Registry links to the applicant: the conflict is recorded instead', () => {
      spec
        .given(history.eligible)
        .when(assign('ev-omar', ['board member of md-0001']))
        .then([detected('ev-omar')]);
      spec
        .given([...history.eligible, detected('ev-omar')])
        .when(assign('ev-omar', ['board member of md-0001']))
        .thenNothingHappened();
    });

    it('never assigns again an evaluator who was excluded or removed', () => {
      spec
        .given([...history.eligible, detected('ev-omar')])
        .when(assign('ev-omar'))
        .thenThrows(EvaluatorExcluded);
      spec
        .given([...history.underEvaluation, removed('ev-jean', 'removed-by-officer', 'unavailable')])
        .when(assign('ev-jean'))
        .thenThrows(EvaluatorExcluded);
    });

    it('assigns evaluators to eligible applications only', () => {
      spec.given(history.submitted).when(assign('ev-amina')).thenThrows(InvalidTransition);
    });
  });

  describe('RemoveEvaluator', () => {
    const remove = command<RemoveEvaluator>('RemoveEvaluator', {
      evaluatorId: 'ev-jean',
      reason: 'unavailable',
    });
    it('removes an assigned evaluator', () => {
      spec
        .given(history.underEvaluation)
        .when(remove)
        .then([removed('ev-jean', 'removed-by-officer', 'unavailable')]);
    });
    it('is idempotent', () => {
      spec
        .given([...history.underEvaluation, removed('ev-jean', 'removed-by-officer', 'x')])
        .when(remove)
        .thenNothingHappened();
    });
    it('refuses to remove someone not assigned', () => {
      spec
        .given(history.underEvaluation)
        .when(command<RemoveEvaluator>('RemoveEvaluator', { evaluatorId: 'ev-nobody', reason: 'x' }))
        .thenThrows(EvaluatorNotAssigned);
    });
  });

  describe('DeclareConflictOfInterest', () => {
    const justAssigned = [...history.eligible, assigned('ev-amina')];

    it('records the evaluator declaring no conflict', () => {
      spec
        .given(justAssigned)
        .when(declare('ev-amina', false))
        .then([declaredNoConflict('ev-amina')]);
    });

    it('is idempotent', () => {
      spec
        .given([...justAssigned, declaredNoConflict('ev-amina')])
        .when(declare('ev-amina', false))
        .thenNothingHappened();
    });

    it('removes an evaluator who declares a conflict', () => {
      const statement = 'Je suis membre du bureau.';
      spec
        .given(justAssigned)
        .when(declare('ev-amina', true))
        .then([
          {
            type: 'ConflictOfInterestDeclared',
            data: { applicationId, evaluatorId: 'ev-amina', statement, declaredAt: now, by: 'ev-amina' },
          },
          removed('ev-amina', 'declared-conflict', statement, 'ev-amina'),
        ]);
    });

    it('annuls a consensus reached with an evaluator who then declares a conflict', () => {
      const statement = 'Je suis membre du bureau.';
      spec
        .given(history.scored)
        .when(declare('ev-karim', true))
        .then([
          {
            type: 'ConflictOfInterestDeclared',
            data: { applicationId, evaluatorId: 'ev-karim', statement, declaredAt: now, by: 'ev-karim' },
          },
          removed('ev-karim', 'declared-conflict', statement, 'ev-karim'),
          annulled('ev-karim', 'declared-conflict', 'ev-karim'),
        ]);
    });

    it('is filed by the evaluator themself, and only by an assigned one', () => {
      spec
        .given(justAssigned)
        .when(declare('ev-amina', false, officer))
        .thenThrows(NotTheEvaluator);
      spec.given(justAssigned).when(declare('ev-jean', false)).thenThrows(EvaluatorNotAssigned);
    });
  });

  describe('RecordDetectedConflict', () => {
    it('removes an assigned evaluator the Registry links to the applicant', () => {
      spec
        .given(history.underEvaluation)
        .when(detect('ev-jean'))
        .then([detected('ev-jean'), removed('ev-jean', 'detected-conflict', 'board member of md-0001')]);
    });

    it('excludes in advance an evaluator not yet assigned', () => {
      spec
        .given(history.eligible)
        .when(detect('ev-omar'))
        .then([detected('ev-omar')]);
    });

    it('annuls the consensus when detected after scoring', () => {
      spec
        .given(history.scored)
        .when(detect('ev-jean'))
        .then([
          detected('ev-jean'),
          removed('ev-jean', 'detected-conflict', 'board member of md-0001'),
          annulled('ev-jean', 'detected-conflict'),
        ]);
    });

    it('is idempotent', () => {
      spec
        .given([...history.eligible, detected('ev-omar')])
        .when(detect('ev-omar'))
        .thenNothingHappened();
    });

    it('needs at least one link, and is refused once the committee has recommended', () => {
      spec
        .given(history.eligible)
        .when(
          command<RecordDetectedConflict>('RecordDetectedConflict', { evaluatorId: 'ev-omar', links: [] }),
        )
        .thenThrows(ValidationFailed);
      spec.given(history.recommended).when(detect('ev-omar')).thenThrows(InvalidTransition);
    });
  });

  describe('OpenEvaluationDossier', () => {
    const declared = [...history.eligible, assigned('ev-amina'), declaredNoConflict('ev-amina')];

    it('opens the dossier to an evaluator who declared no conflict', () => {
      spec
        .given(declared)
        .when(open('ev-amina'))
        .then([opened('ev-amina')]);
    });

    it('is idempotent', () => {
      spec
        .given([...declared, opened('ev-amina')])
        .when(open('ev-amina'))
        .thenNothingHappened();
    });

    it('stays closed until the declaration, to others, and to a removed evaluator', () => {
      spec
        .given([...history.eligible, assigned('ev-amina')])
        .when(open('ev-amina'))
        .thenThrows(DeclarationRequired);
      spec.given(declared).when(open('ev-amina', 'ev-jean')).thenThrows(NotTheEvaluator);
      spec.given(declared).when(open('ev-omar')).thenThrows(EvaluatorNotAssigned);
      spec
        .given([...declared, detected('ev-amina'), removed('ev-amina', 'detected-conflict', 'x')])
        .when(open('ev-amina'))
        .thenThrows(EvaluatorExcluded);
    });
  });

  describe('RecordEvaluatorScores', () => {
    it("records an evaluator's own scores, with comments", () => {
      spec
        .given(history.underEvaluation)
        .when(score('ev-amina'))
        .then([scoresRecorded('ev-amina')]);
    });

    it('is idempotent, and a changed sheet before consensus is recorded again', () => {
      spec
        .given([...history.underEvaluation, scoresRecorded('ev-amina')])
        .when(score('ev-amina'))
        .thenNothingHappened();
      spec
        .given([...history.underEvaluation, scoresRecorded('ev-amina')])
        .when(score('ev-amina', sheetOf(80, 80, 70)))
        .then([scoresRecorded('ev-amina', sheetOf(80, 80, 70))]);
    });

    it('accepts scores only from the evaluator, assigned, without conflict, dossier opened', () => {
      spec
        .given(history.underEvaluation)
        .when(score('ev-amina', pointsOf['ev-amina'], officer))
        .thenThrows(NotTheEvaluator);
      spec
        .given(history.underEvaluation)
        .when(score('ev-omar', pointsOf['ev-amina']))
        .thenThrows(EvaluatorNotAssigned);
      spec
        .given([
          ...history.underEvaluation,
          detected('ev-jean'),
          removed('ev-jean', 'detected-conflict', 'x'),
        ])
        .when(score('ev-jean'))
        .thenThrows(EvaluatorExcluded);
      spec
        .given([...history.eligible, assigned('ev-amina'), declaredNoConflict('ev-amina')])
        .when(score('ev-amina'))
        .thenThrows(DossierNotOpened);
    });

    it('refuses a sheet that misses a criterion, exceeds the scale or lacks a comment', () => {
      const error = spec
        .given(history.underEvaluation)
        .when(
          score('ev-amina', [
            { criterionId: 'relevance', points: 101, comment: 'x' },
            { criterionId: 'feasibility', points: 50, comment: ' ' },
          ]),
        )
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['scores[0].points', 'scores[1].comment', 'scores']);
    });

    it('takes no new scores once the consensus is reached', () => {
      spec
        .given(history.scored)
        .when(score('ev-amina', sheetOf(10, 10, 10)))
        .thenThrows(InvalidTransition);
    });
  });

  describe('ReachConsensusScore', () => {
    it("combines every active evaluator's sheet with the call's scoring rules", () => {
      spec.given(history.allScored).when(reach).then([consensusReached]);
      // relevance (85+78+90)/3 -> 8433, feasibility 7500, sustainability 6900; weighted 7723.2 -> 7723
      expect(outcome.perCriterion.map((c) => c.consensus)).toEqual([8433, 7500, 6900]);
      expect(outcome.consensus).toBe(7723);
    });

    it('is idempotent, also once the committee and the decision have followed', () => {
      spec.given(history.scored).when(reach).thenNothingHappened();
      spec.given(history.recommended).when(reach).thenNothingHappened();
      spec.given(history.awarded).when(reach).thenNothingHappened();
    });

    it('waits for every required evaluator', () => {
      const error = spec
        .given([...history.underEvaluation, scoresRecorded('ev-amina'), scoresRecorded('ev-jean')])
        .when(reach)
        .thenThrows(EvaluationIncomplete);
      expect(error.missing).toEqual(['ev-karim']);
      spec
        .given([
          ...history.underEvaluation,
          scoresRecorded('ev-amina'),
          scoresRecorded('ev-jean'),
          removed('ev-karim', 'removed-by-officer', 'unavailable'),
        ])
        .when(reach)
        .thenThrows(EvaluationIncomplete);
    });
  });
});
