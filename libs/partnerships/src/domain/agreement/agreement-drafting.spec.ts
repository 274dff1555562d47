import { DeciderSpecification, foldEvents } from '@tadamon/eventsourcing';
import { AlreadyCreated, InvalidTransition, NotCreated, ValidationFailed } from '../errors';
import { agreementDecider, agreementStreamName } from './agreement';
import { DraftAgreement, ReviseAgreementDraft, SubmitAgreementForSignature } from './agreement-commands';
import { TermsAlreadySigned } from './agreement-errors';
import { Agreement } from './agreement-state';
import {
  agreementId,
  association,
  command,
  cri,
  drafted,
  inForceHistory,
  iom,
  ministry,
  now,
  officer,
  signedBy,
  submitted,
  terms,
} from './agreement.fixtures';

const spec = DeciderSpecification.for(agreementDecider);
// Given in another order than the decider keeps: the parties come out sorted by partyId.
const draft = command<DraftAgreement>('DraftAgreement', {
  ...terms,
  parties: [ministry, iom, association, cri],
});
const revise = (changes: ReviseAgreementDraft['data']['changes']) =>
  command<ReviseAgreementDraft>('ReviseAgreementDraft', { changes });
const submit = command<SubmitAgreementForSignature>('SubmitAgreementForSignature', {});
const fields = (error: ValidationFailed) => error.issues.map((i) => i.field);

describe('partnership agreement: drafting', () => {
  it('lives in streams of the partnershipAgreement category', () => {
    expect(agreementStreamName(agreementId)).toBe('partnershipAgreement-conv-icmd2-souss');
  });

  describe('DraftAgreement', () => {
    it('drafts an agreement with its parties sorted by id', () => {
      spec.when(draft).then([drafted]);
    });
    it('leaves out the programme, sectors and regions when not given', () => {
      const { programmeId: _p, sectors: _s, regions: _r, ...bare } = terms;
      spec.when(command<DraftAgreement>('DraftAgreement', bare)).then([
        {
          ...drafted,
          data: { ...drafted.data, terms: { ...bare, programmeId: null, sectors: [], regions: [] } },
        },
      ]);
    });
    it('changes nothing when the same draft is sent again', () => {
      spec.given([drafted]).when(draft).thenNothingHappened();
    });
    it('refuses other terms under the same id', () => {
      spec
        .given([drafted])
        .when(command<DraftAgreement>('DraftAgreement', { ...terms, endDate: '2026-12-31' }))
        .thenThrows(AlreadyCreated, (e) => e.id === agreementId);
    });
    it('lists every refused field', () => {
      const error = spec
        .when(
          command<DraftAgreement>('DraftAgreement', {
            object: { fr: '' },
            programmeId: 'bad id',
            parties: [
              { ...ministry, roles: [] },
              { ...iom, partyKind: 'bank' as 'funder', commitments: [{ kind: 'money', amount: usd0() }] },
            ],
            startDate: '2025-02-30',
            endDate: '2027-12-31',
            sectors: ['00000'],
            regions: [{ scheme: 'iso3166-2:2015', code: 'MA-TIZ' }],
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual([
        'object.fr',
        'programmeId',
        'parties[0].roles',
        'parties[1].commitments[0].amount.amountMinor',
        'parties[1].partyKind',
        'parties',
        'startDate',
        'sectors[0]',
        'regions[0].code',
      ]);
    });
    it('refuses an agreement with a single party, and one ending before it starts', () => {
      const error = spec
        .when(
          command<DraftAgreement>('DraftAgreement', { ...terms, parties: [ministry], endDate: '2025-03-31' }),
        )
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['parties', 'endDate']);
    });
    it('refuses a party named twice', () => {
      const error = spec
        .when(command<DraftAgreement>('DraftAgreement', { ...terms, parties: [ministry, iom, iom] }))
        .thenThrows(ValidationFailed);
      expect(error.issues).toEqual([{ field: 'parties', reason: 'each party is named once' }]);
    });
    it('refuses parties of which none is accountable, and none is the ministry', () => {
      const error = spec
        .when(command<DraftAgreement>('DraftAgreement', { ...terms, parties: [iom, association] }))
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.reason)).toEqual([
        'at least one party is accountable',
        'the ministry is a party to every agreement it records',
      ]);
    });
    it('refuses a funding party that commits no money, and two amounts in one currency', () => {
      const error = spec
        .when(
          command<DraftAgreement>('DraftAgreement', {
            ...terms,
            parties: [
              { ...ministry, commitments: [] },
              { ...iom, commitments: [...iom.commitments, ...iom.commitments.map((c) => ({ ...c }))] },
            ],
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['parties[0].commitments', 'parties[1].commitments']);
    });
    it('refuses another command before the draft', () => {
      spec.when(submit).thenThrows(NotCreated);
    });
    it('refuses a command naming another agreement than the stream', () => {
      const error = spec
        .given([drafted])
        .when({ ...submit, data: { agreementId: 'conv-other' } })
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['agreementId']);
    });
    it('totals the commitments per currency', () => {
      const state = foldEvents(agreementDecider, [drafted]) as Agreement;
      expect(state.commitmentTotals).toEqual([
        { amountMinor: '130000000', currency: 'MAD' },
        { amountMinor: '50000000', currency: 'USD' },
      ]);
      expect(state.inKindEstimateTotals).toEqual([{ amountMinor: '12000000', currency: 'MAD' }]);
    });
  });

  describe('ReviseAgreementDraft', () => {
    const revised = {
      type: 'AgreementDraftRevised' as const,
      data: {
        agreementId,
        changes: { endDate: '2028-06-30', sectors: ['14030', '31120'] },
        differences: ['$.endDate: "2027-12-31" -> "2028-06-30"', '$.sectors[1]: added "31120"'],
        revisedAt: now,
        by: officer,
      },
    };
    it('revises the terms of a draft, recording what changed', () => {
      spec
        .given([drafted])
        .when(revise({ endDate: '2028-06-30', sectors: ['31120', '14030'] }))
        .then([revised]);
    });
    it('revises an agreement under negotiation that nobody has signed', () => {
      spec
        .given([drafted, submitted])
        .when(revise({ endDate: '2028-06-30', sectors: ['31120', '14030'] }))
        .then([revised]);
    });
    it('reads a party added or removed as one line', () => {
      const [event] = agreementDecider.decide(
        revise({ parties: [ministry, iom, association] }),
        foldEvents(agreementDecider, [drafted]),
      );
      expect(event.type === 'AgreementDraftRevised' && event.data.differences).toEqual([
        expect.stringMatching(/^\$\.parties\.cri-souss-massa: removed \{/),
      ]);
    });
    it('changes nothing when the terms are those of the draft', () => {
      spec
        .given([drafted])
        .when(revise({ endDate: terms.endDate }))
        .thenNothingHappened();
    });
    it('refuses a revision once a party has signed', () => {
      spec
        .given([drafted, submitted, signedBy('iom')])
        .when(revise({ endDate: '2028-06-30' }))
        .thenThrows(TermsAlreadySigned, (e) => e.signedBy.join() === 'iom');
    });
    it('refuses a revision of an agreement in force', () => {
      spec
        .given(inForceHistory)
        .when(revise({ endDate: '2028-06-30' }))
        .thenThrows(InvalidTransition);
    });
    it('refuses an unknown term and a change that breaks a rule over several terms', () => {
      const error = spec
        .given([drafted])
        .when(revise({ endDate: '2025-01-01', budget: 1 } as ReviseAgreementDraft['data']['changes']))
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['changes.budget', 'changes.endDate']);
    });
  });

  describe('SubmitAgreementForSignature', () => {
    it('submits the draft to the signature of every party', () => {
      spec.given([drafted]).when(submit).then([submitted]);
    });
    it('changes nothing when submitted again', () => {
      spec.given([drafted, submitted]).when(submit).thenNothingHappened();
    });
    it('refuses to submit an agreement in force', () => {
      spec.given(inForceHistory).when(submit).thenThrows(InvalidTransition);
    });
  });
});

function usd0() {
  return { amountMinor: 0, currency: 'USD' as const };
}
