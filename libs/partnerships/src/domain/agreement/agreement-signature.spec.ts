import { DeciderSpecification, foldEvents } from '@tadamon/eventsourcing';
import { InvalidTransition, ValidationFailed } from '../errors';
import { agreementDecider } from './agreement';
import { SignAgreement } from './agreement-commands';
import { NotAParty } from './agreement-errors';
import { Agreement } from './agreement-state';
import {
  agreementId,
  command,
  drafted,
  inForceHistory,
  now,
  signedBy,
  submitted,
} from './agreement.fixtures';

const spec = DeciderSpecification.for(agreementDecider);
const sign = (partyId: string, signedOn: string, actor = `${partyId}-signatory`) =>
  command<SignAgreement>('SignAgreement', { partyId, signedOn }, { actor });

describe('partnership agreement: signature', () => {
  it('records who signed for a party, and when', () => {
    spec
      .given([drafted, submitted])
      .when(sign('iom', '2025-02-18', 'iom-director'))
      .then([
        {
          type: 'AgreementSigned',
          data: {
            agreementId,
            version: 1,
            partyId: 'iom',
            signatoryId: 'iom-director',
            signedOn: '2025-02-18',
            recordedAt: now,
          },
        },
      ]);
  });
  it('puts the agreement in force at the last signature, effective on the latest signature date', () => {
    spec
      .given([
        drafted,
        submitted,
        signedBy('cri-souss-massa', '2025-02-10'),
        signedBy('iom', '2025-02-25'),
        signedBy('mre-ministry', '2025-02-12'),
      ])
      .when(sign('md-0001', '2025-02-20'))
      .then([
        signedBy('md-0001', '2025-02-20'),
        {
          type: 'AgreementEnteredIntoForce',
          data: { agreementId, version: 1, effectiveOn: '2025-02-25', enteredIntoForceAt: now },
        },
      ]);
  });
  it('keeps version 1 with every signature once in force', () => {
    const state = foldEvents(agreementDecider, inForceHistory) as Agreement;
    expect(state.status).toBe('in-force');
    expect(state.pending).toBeNull();
    expect(state.versions.map((v) => [v.version, v.effectiveOn, v.signatures.length])).toEqual([
      [1, '2025-02-20', 4],
    ]);
  });
  it('changes nothing when a party signs twice', () => {
    spec
      .given([drafted, submitted, signedBy('iom')])
      .when(sign('iom', '2025-02-21'))
      .thenNothingHappened();
  });
  it('changes nothing when a party signs again after entry into force', () => {
    spec.given(inForceHistory).when(sign('iom', '2025-02-20')).thenNothingHappened();
  });
  it('refuses the signature of an organisation that is not a party', () => {
    spec
      .given([drafted, submitted])
      .when(sign('eu-delegation', '2025-02-20'))
      .thenThrows(NotAParty, (e) => e.partyId === 'eu-delegation' && e.version === 1);
  });
  it('refuses a signature before the draft is submitted', () => {
    spec.given([drafted]).when(sign('iom', '2025-02-20')).thenThrows(InvalidTransition);
  });
  it('refuses a signature dated in the future and a malformed party id', () => {
    const error = spec
      .given([drafted, submitted])
      .when(sign('not an id', '2025-03-02'))
      .thenThrows(ValidationFailed);
    expect(error.issues.map((i) => i.field)).toEqual(['partyId', 'signedOn']);
  });
});
