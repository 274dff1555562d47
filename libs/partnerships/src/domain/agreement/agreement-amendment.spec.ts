import { DeciderSpecification, foldEvents } from '@tadamon/eventsourcing';
import { AlreadyCreated, InvalidTransition, ValidationFailed } from '../errors';
import { agreementDecider } from './agreement';
import { ProposeAmendment, RenewAgreement, SignAmendment, WithdrawAmendment } from './agreement-commands';
import { AmendmentPending, NoAmendmentPending, NotAParty } from './agreement-errors';
import { AgreementEvent } from './agreement-events';
import { Agreement } from './agreement-state';
import { AgreementParty } from './agreement-terms';
import {
  agreementId,
  command,
  drafted,
  extension,
  extensionHistory,
  inForceHistory,
  iom,
  now,
  officer,
  signatories,
  signedBy,
  submitted,
  terms,
} from './agreement.fixtures';

const spec = DeciderSpecification.for(agreementDecider);
const reason = 'Travaux retardés par les intempéries';
const propose = (changes: ProposeAmendment['data']['changes'], amendmentId = 'amd-2') =>
  command<ProposeAmendment>('ProposeAmendment', { amendmentId, changes, reason });
const signAmendment = (partyId: string, signedOn = '2026-06-15', amendmentId = 'amd-2') =>
  command<SignAmendment>(
    'SignAmendment',
    { amendmentId, partyId, signedOn },
    { actor: `${partyId}-signatory`, at: '2026-06-16T08:00:00.000Z' },
  );
const withdraw = (amendmentId = 'amd-2') =>
  command<WithdrawAmendment>('WithdrawAmendment', { amendmentId, reason: 'remplacé par un autre avenant' });
const withdrawn: AgreementEvent = {
  type: 'AmendmentWithdrawn',
  data: {
    agreementId,
    amendmentId: 'amd-2',
    version: 2,
    reason: 'remplacé par un autre avenant',
    withdrawnAt: now,
    by: officer,
  },
};
const signedAt = (event: AgreementEvent): AgreementEvent =>
  event.type === 'AmendmentSigned'
    ? { ...event, data: { ...event.data, recordedAt: '2026-06-16T08:00:00.000Z' } }
    : event;
const eu: AgreementParty = {
  partyId: 'eu-delegation',
  partyKind: 'funder',
  roles: ['funding'],
  commitments: [{ kind: 'money', amount: { amountMinor: 20_000_000, currency: 'EUR' } }],
};

describe('partnership agreement: amendments', () => {
  describe('ProposeAmendment', () => {
    it('proposes version 2 of an agreement in force, recording what changed', () => {
      spec
        .given(inForceHistory)
        .when(propose({ endDate: '2028-12-31' }))
        .then([extension]);
    });
    it('asks a new party to sign the amendment that brings it in', () => {
      const [event] = agreementDecider.decide(
        propose({ parties: [...terms.parties, eu] }),
        foldEvents(agreementDecider, inForceHistory),
      );
      expect(event.type === 'AmendmentProposed' && event.data).toMatchObject({
        signatories: ['cri-souss-massa', 'eu-delegation', 'iom', 'md-0001', 'mre-ministry'],
        differences: [expect.stringMatching(/^\$\.parties\.eu-delegation: added \{/)],
      });
    });
    it('changes nothing when the same amendment is proposed again', () => {
      spec
        .given([...inForceHistory, extension])
        .when(propose({ endDate: '2028-12-31' }))
        .thenNothingHappened();
    });
    it('changes nothing when an amendment in force is proposed again', () => {
      spec
        .given(extensionHistory)
        .when(propose({ endDate: '2028-12-31' }))
        .thenNothingHappened();
    });
    it('refuses other changes under an amendment id already used', () => {
      spec
        .given([...inForceHistory, extension])
        .when(propose({ endDate: '2029-12-31' }))
        .thenThrows(AlreadyCreated, (e) => e.id === 'amd-2');
    });
    it('refuses a second amendment while one awaits signatures', () => {
      spec
        .given([...inForceHistory, extension])
        .when(propose({ object: { fr: 'Objet élargi' } }, 'amd-3'))
        .thenThrows(AmendmentPending, (e) => e.pendingAmendmentId === 'amd-2' && e.version === 2);
    });
    it('refuses an amendment that changes nothing', () => {
      const error = spec
        .given(inForceHistory)
        .when(propose({ endDate: terms.endDate }))
        .thenThrows(ValidationFailed);
      expect(error.issues).toEqual([{ field: 'changes', reason: 'must change at least one term' }]);
    });
    it('refuses an unknown term, a broken rule and a missing reason', () => {
      const error = spec
        .given(inForceHistory)
        .when(
          command<ProposeAmendment>('ProposeAmendment', {
            amendmentId: 'amd-2',
            changes: { parties: [iom], colour: 'blue' } as ProposeAmendment['data']['changes'],
            reason: ' ',
          }),
        )
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['reason', 'changes.colour', 'changes.parties']);
    });
    it('refuses an amendment of an agreement not yet in force', () => {
      spec
        .given([drafted, submitted])
        .when(propose({ endDate: '2028-12-31' }))
        .thenThrows(InvalidTransition);
    });
  });

  describe('RenewAgreement', () => {
    const renew = (newEndDate: string) =>
      command<RenewAgreement>('RenewAgreement', { amendmentId: 'amd-2', newEndDate, reason });
    const renewal: AgreementEvent = {
      ...extension,
      data: { ...extension.data, kind: 'renewal' },
    };
    it('proposes a renewal: an amendment of the end date that every party signs', () => {
      spec.given(inForceHistory).when(renew('2028-12-31')).then([renewal]);
    });
    it('changes nothing when the same renewal is sent again', () => {
      spec
        .given([...inForceHistory, renewal])
        .when(renew('2028-12-31'))
        .thenNothingHappened();
    });
    it('refuses a new end date that is not after the current one', () => {
      const error = spec.given(inForceHistory).when(renew('2027-06-30')).thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['newEndDate']);
    });
    it('refuses to renew an expired agreement', () => {
      const expired: AgreementEvent = {
        type: 'AgreementExpired',
        data: { agreementId, endDate: '2027-12-31', expiredAt: now, by: officer },
      };
      spec
        .given([...inForceHistory, expired])
        .when(renew('2028-12-31'))
        .thenThrows(InvalidTransition);
    });
  });

  describe('SignAmendment', () => {
    it('records a party signing the amendment', () => {
      spec
        .given([...inForceHistory, extension])
        .when(signAmendment('iom'))
        .then([signedAt(signedBy('iom', '2026-06-15', 2))]);
    });
    it('puts version 2 in force at the last signature', () => {
      const history = [
        ...inForceHistory,
        extension,
        ...signatories.slice(1).map((p) => signedBy(p, '2026-06-01', 2)),
      ];
      spec
        .given(history)
        .when(signAmendment('cri-souss-massa', '2026-06-15'))
        .then([
          signedAt(signedBy('cri-souss-massa', '2026-06-15', 2)),
          {
            type: 'AmendmentEnteredIntoForce',
            data: {
              agreementId,
              amendmentId: 'amd-2',
              version: 2,
              effectiveOn: '2026-06-15',
              enteredIntoForceAt: '2026-06-16T08:00:00.000Z',
            },
          },
        ]);
    });
    it('keeps both versions, the current one last', () => {
      const state = foldEvents(agreementDecider, extensionHistory) as Agreement;
      expect(state.versions.map((v) => [v.version, v.terms.endDate, v.effectiveOn])).toEqual([
        [1, '2027-12-31', '2025-02-20'],
        [2, '2028-12-31', '2026-06-15'],
      ]);
      expect(state.terms.endDate).toBe('2028-12-31');
      expect(state.pending).toBeNull();
    });
    it('changes nothing when a party signs the amendment twice', () => {
      spec
        .given([...inForceHistory, extension, signedBy('iom', '2026-06-15', 2)])
        .when(signAmendment('iom'))
        .thenNothingHappened();
    });
    it('refuses the signature of an organisation that is not a party', () => {
      spec
        .given([...inForceHistory, extension])
        .when(signAmendment('eu-delegation'))
        .thenThrows(NotAParty, (e) => e.version === 2);
    });
    it('refuses to sign an amendment that is not awaiting signatures', () => {
      spec.given(inForceHistory).when(signAmendment('iom')).thenThrows(NoAmendmentPending);
      spec
        .given([...inForceHistory, extension, withdrawn])
        .when(signAmendment('iom'))
        .thenThrows(NoAmendmentPending);
    });
    it('refuses a signature dated before the amended version took effect', () => {
      const error = spec
        .given([...inForceHistory, extension])
        .when(signAmendment('iom', '2025-01-10'))
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['signedOn']);
    });
  });

  describe('WithdrawAmendment', () => {
    it('withdraws the pending amendment', () => {
      spec
        .given([...inForceHistory, extension])
        .when(withdraw())
        .then([withdrawn]);
    });
    it('changes nothing when withdrawn twice', () => {
      spec
        .given([...inForceHistory, extension, withdrawn])
        .when(withdraw())
        .thenNothingHappened();
    });
    it('lets another amendment be proposed once the pending one is withdrawn, as the same version', () => {
      const [event] = agreementDecider.decide(
        propose({ endDate: '2028-06-30' }, 'amd-3'),
        foldEvents(agreementDecider, [...inForceHistory, extension, withdrawn]),
      );
      expect(event.type === 'AmendmentProposed' && [event.data.amendmentId, event.data.version]).toEqual([
        'amd-3',
        2,
      ]);
    });
    it('refuses to withdraw an amendment that is not pending', () => {
      spec.given(extensionHistory).when(withdraw()).thenThrows(NoAmendmentPending);
      spec.given(inForceHistory).when(withdraw('amd-9')).thenThrows(NoAmendmentPending);
    });
    it('refuses a withdrawal without a reason', () => {
      const error = spec
        .given([...inForceHistory, extension])
        .when(command<WithdrawAmendment>('WithdrawAmendment', { amendmentId: 'amd-2', reason: '' }))
        .thenThrows(ValidationFailed);
      expect(error.issues.map((i) => i.field)).toEqual(['reason']);
    });
  });
});
