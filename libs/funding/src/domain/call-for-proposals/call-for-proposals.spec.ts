import { CommandMetadata, DeciderSpecification, foldEvents } from '@tadamon/eventsourcing';
import { AlreadyCreated, InvalidTransition, NotCreated, ValidationFailed } from '../errors';
import {
  CallForProposalsCommand,
  callForProposalsDecider,
  CallForProposalsEvent,
  callForProposalsStreamName,
  callInForce,
  CallStillOpen,
  DraftedCall,
} from './call-for-proposals';
import { CallTerms, CallTermsInput } from './call-terms';

const now = '2025-03-01T10:00:00.000Z';
const afterDeadline = '2025-06-01T00:00:00.000Z';
const at = (time: string): CommandMetadata => ({
  commandId: 'cmd-1',
  actor: { id: 'officer-1', roles: ['officer'] },
  now: time,
});
const callId = 'icmd2-call-1';
const spec = DeciderSpecification.for(callForProposalsDecider);

const input: CallTermsInput = {
  programmeId: 'icmd-phase-2',
  envelopeId: 'icmd2-ma',
  title: { fr: 'Appel à projets ICMD phase 2', en: 'ICMD phase 2 call for proposals' },
  summary: { fr: 'Projets de co-développement portés par des associations de Marocains du monde.' },
  budget: { amountMinor: 50_000_000, currency: 'USD' },
  eligibility: {
    hostCountries: ['FR', 'BE', 'ES'],
    originRegions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
    sectors: ['14030', '31120'],
    maxAmountRequested: { amountMinor: 25_000_000, currency: 'USD' },
    minCoFinancingPercent: 10,
  },
  awardCriteria: {
    criteria: [
      { criterionId: 'relevance', name: { fr: 'Pertinence' }, weight: 40, threshold: 50 },
      { criterionId: 'feasibility', name: { fr: 'Faisabilité' }, weight: 35, threshold: 40 },
      { criterionId: 'sustainability', name: { fr: 'Durabilité' }, weight: 25, threshold: 0 },
    ],
    overallThreshold: 60,
  },
  internationalSelection: true,
  evaluatorsPerProposal: 3,
  deadline: '2025-05-31T23:59:59Z',
};
const terms: CallTerms = {
  ...input,
  deadline: '2025-05-31T23:59:59.000Z',
  appealWindowDays: 30,
  scoringRulesVersion: '2026-1',
  tieBreakRules: ['heaviest-criterion', 'earlier-submission', 'application-id'],
};

const command = <C extends CallForProposalsCommand>(type: C['type'], data: C['data'], time = now): C =>
  ({ type, data, metadata: at(time) }) as C;
const draft = command('DraftCallForProposals', { callId, terms: input });
const drafted: CallForProposalsEvent = {
  type: 'CallForProposalsDrafted',
  data: { callId, terms, criteriaVersion: 1, draftedAt: now, by: 'officer-1' },
};
const published: CallForProposalsEvent = {
  type: 'CallForProposalsPublished',
  data: {
    callId,
    criteriaVersion: 1,
    deadline: terms.deadline,
    // What the public and the associations it fits are told: the title and who may apply.
    title: terms.title,
    eligibility: {
      hostCountries: terms.eligibility.hostCountries,
      originRegions: terms.eligibility.originRegions,
      sectors: terms.eligibility.sectors,
      maxAmountRequested: terms.eligibility.maxAmountRequested,
    },
    publishedAt: now,
    by: 'officer-1',
  },
};
const closed: CallForProposalsEvent = {
  type: 'CallForProposalsClosed',
  data: { callId, closedAt: afterDeadline, by: 'officer-1' },
};
const fieldsOf = (error: ValidationFailed) => error.issues.map((i) => i.field);

describe('call for proposals', () => {
  it('lives in streams of the callForProposals category', () => {
    expect(callForProposalsStreamName(callId)).toBe('callForProposals-icmd2-call-1');
  });

  describe('DraftCallForProposals', () => {
    it('drafts a call at criteria version 1, with the current scoring rules and default tie-breaks', () => {
      spec.when(draft).then([drafted]);
    });

    it('is idempotent', () => {
      spec.given([drafted]).when(draft).thenNothingHappened();
    });

    it('refuses another draft on the same call', () => {
      spec
        .given([drafted])
        .when(command('DraftCallForProposals', { callId, terms: { ...input, evaluatorsPerProposal: 4 } }))
        .thenThrows(AlreadyCreated);
    });

    it('lists every bad field', () => {
      const error = spec
        .when(
          command('DraftCallForProposals', {
            callId,
            terms: {
              ...input,
              title: undefined,
              budget: { amountMinor: -1, currency: 'USD' },
              eligibility: {
                ...input.eligibility,
                originRegions: [{ scheme: 'iso3166-2:1997', code: 'MA-13' }],
              },
              awardCriteria: { ...input.awardCriteria, overallThreshold: 101 },
              evaluatorsPerProposal: 0,
              deadline: '31/05/2025',
              scoringRulesVersion: '2019-1',
            } as unknown as CallTermsInput,
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual([
        'terms.budget.amountMinor',
        'terms.eligibility.originRegions[0].scheme',
        'terms.awardCriteria.overallThreshold',
        'terms.evaluatorsPerProposal',
        'terms.deadline',
        'terms.scoringRulesVersion',
        'terms.title',
      ]);
    });

    it('requires at least three evaluators per proposal for an international selection', () => {
      const error = spec
        .when(command('DraftCallForProposals', { callId, terms: { ...input, evaluatorsPerProposal: 2 } }))
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual(['terms.evaluatorsPerProposal']);
      spec
        .when(
          command('DraftCallForProposals', {
            callId,
            terms: { ...input, internationalSelection: false, evaluatorsPerProposal: 2 },
          }),
        )
        .then([
          {
            type: 'CallForProposalsDrafted',
            data: {
              ...drafted.data,
              terms: { ...terms, internationalSelection: false, evaluatorsPerProposal: 2 },
            },
          } as CallForProposalsEvent,
        ]);
    });

    it('refuses a maximum request above the budget or in another currency', () => {
      const over = spec
        .when(
          command('DraftCallForProposals', {
            callId,
            terms: {
              ...input,
              eligibility: {
                ...input.eligibility,
                maxAmountRequested: { amountMinor: 50_000_001, currency: 'USD' },
              },
            },
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(over)).toEqual(['terms.eligibility.maxAmountRequested.amountMinor']);
      const eur = spec
        .when(
          command('DraftCallForProposals', {
            callId,
            terms: {
              ...input,
              eligibility: { ...input.eligibility, maxAmountRequested: { amountMinor: 1, currency: 'EUR' } },
            },
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(eur)).toEqual(['terms.eligibility.maxAmountRequested.currency']);
    });

    it('refuses any other command before the call is drafted', () => {
      spec.when(command('PublishCallForProposals', { callId })).thenThrows(NotCreated);
    });
  });

  describe('ReviseCallForProposals', () => {
    const newCriteria = {
      ...input.awardCriteria,
      criteria: input.awardCriteria.criteria.map((c) =>
        c.criterionId === 'relevance' ? { ...c, threshold: 60 } : c,
      ),
    };

    it('records the changed terms and bumps the criteria version when the criteria change', () => {
      spec
        .given([drafted])
        .when(
          command('ReviseCallForProposals', {
            callId,
            changes: { awardCriteria: newCriteria, evaluatorsPerProposal: 3 },
          }),
        )
        .then([
          {
            type: 'CallForProposalsRevised',
            data: {
              callId,
              changes: { awardCriteria: newCriteria },
              criteriaVersion: 2,
              revisedAt: now,
              by: 'officer-1',
            },
          },
        ]);
    });

    it('keeps the criteria version for other changes', () => {
      spec
        .given([drafted])
        .when(command('ReviseCallForProposals', { callId, changes: { appealWindowDays: 15 } }))
        .then([
          {
            type: 'CallForProposalsRevised',
            data: {
              callId,
              changes: { appealWindowDays: 15 },
              criteriaVersion: 1,
              revisedAt: now,
              by: 'officer-1',
            },
          },
        ]);
    });

    it('is idempotent: a revision that changes nothing records nothing', () => {
      spec
        .given([drafted])
        .when(command('ReviseCallForProposals', { callId, changes: { evaluatorsPerProposal: 3 } }))
        .thenNothingHappened();
    });

    it('refuses any change of the terms once the call is published', () => {
      spec
        .given([drafted, published])
        .when(command('ReviseCallForProposals', { callId, changes: { awardCriteria: newCriteria } }))
        .thenThrows(InvalidTransition);
    });

    it('checks the revised terms together and refuses unknown terms', () => {
      const error = spec
        .given([drafted])
        .when(
          command('ReviseCallForProposals', {
            callId,
            changes: { evaluatorsPerProposal: 2, colour: 'green' } as Partial<CallTerms>,
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual(['changes.colour']);
      const consistency = spec
        .given([drafted])
        .when(command('ReviseCallForProposals', { callId, changes: { evaluatorsPerProposal: 2 } }))
        .thenThrows(ValidationFailed);
      expect(fieldsOf(consistency)).toEqual(['changes.evaluatorsPerProposal']);
    });
  });

  describe('PublishCallForProposals', () => {
    it('publishes the call with its criteria version and deadline', () => {
      spec.given([drafted]).when(command('PublishCallForProposals', { callId })).then([published]);
    });

    it('is idempotent', () => {
      spec
        .given([drafted, published])
        .when(command('PublishCallForProposals', { callId }))
        .thenNothingHappened();
    });

    it('refuses to publish a call whose deadline has passed, or a closed call', () => {
      const error = spec
        .given([drafted])
        .when(command('PublishCallForProposals', { callId }, afterDeadline))
        .thenThrows(ValidationFailed);
      expect(fieldsOf(error)).toEqual(['terms.deadline']);
      spec
        .given([drafted, published, closed])
        .when(command('PublishCallForProposals', { callId }))
        .thenThrows(InvalidTransition);
    });

    it('refuses a command naming another call', () => {
      spec
        .given([drafted])
        .when(command('PublishCallForProposals', { callId: 'other' }))
        .thenThrows(ValidationFailed);
    });
  });

  describe('ExtendCallDeadline', () => {
    const later = '2025-06-30T23:59:59.000Z';
    it('moves the deadline later and keeps the previous one', () => {
      spec
        .given([drafted, published])
        .when(command('ExtendCallDeadline', { callId, deadline: later }))
        .then([
          {
            type: 'CallDeadlineExtended',
            data: {
              callId,
              deadline: later,
              previousDeadline: terms.deadline,
              extendedAt: now,
              by: 'officer-1',
            },
          },
        ]);
    });

    it('is idempotent', () => {
      spec
        .given([drafted, published])
        .when(command('ExtendCallDeadline', { callId, deadline: '2025-05-31T23:59:59Z' }))
        .thenNothingHappened();
    });

    it('never shortens the deadline, and applies to published calls only', () => {
      spec
        .given([drafted, published])
        .when(command('ExtendCallDeadline', { callId, deadline: '2025-05-01T00:00:00Z' }))
        .thenThrows(ValidationFailed);
      spec
        .given([drafted])
        .when(command('ExtendCallDeadline', { callId, deadline: later }))
        .thenThrows(InvalidTransition);
    });
  });

  describe('CloseCallForProposals', () => {
    const close = command('CloseCallForProposals', { callId }, afterDeadline);
    it('closes the call once the deadline has passed', () => {
      spec.given([drafted, published]).when(close).then([closed]);
    });

    it('is idempotent', () => {
      spec.given([drafted, published, closed]).when(close).thenNothingHappened();
    });

    it('refuses to close before the deadline, or a call never published', () => {
      spec
        .given([drafted, published])
        .when(command('CloseCallForProposals', { callId }))
        .thenThrows(CallStillOpen);
      spec.given([drafted]).when(close).thenThrows(InvalidTransition);
    });
  });

  it('gives the call in force for the applications', () => {
    const state = foldEvents(callForProposalsDecider, [drafted, published]) as DraftedCall;
    expect(callInForce(state)).toEqual({ callId, status: 'published', criteriaVersion: 1, terms });
  });
});
