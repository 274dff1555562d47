import { repeatsChangeNothing } from '../testing/repeats-change-nothing';
import { agreementDecider } from './agreement';
import { AgreementCommand } from './agreement-commands';
import {
  association,
  command,
  cri,
  drafted,
  inForceHistory,
  iom,
  ministry,
  signatories,
  terms,
} from './agreement.fixtures';

const at = (time: string) => ({ at: time });
const eu = {
  partyId: 'eu-delegation',
  partyKind: 'funder' as const,
  roles: ['funding' as const],
  commitments: [{ kind: 'money' as const, amount: { amountMinor: 20_000_000, currency: 'EUR' as const } }],
};
const pool: AgreementCommand[] = [
  command('DraftAgreement', { ...terms, parties: [ministry, iom, association, cri] }),
  command('ReviseAgreementDraft', { changes: { endDate: '2028-06-30' } }),
  command('ReviseAgreementDraft', { changes: { parties: [ministry, iom, association] } }),
  command('SubmitAgreementForSignature', {}),
  ...signatories.map((partyId) => command('SignAgreement', { partyId, signedOn: '2025-02-20' })),
  command('SignAgreement', { partyId: 'eu-delegation', signedOn: '2025-02-20' }),
  command('ProposeAmendment', {
    amendmentId: 'amd-a',
    changes: { endDate: '2029-12-31' },
    reason: 'prolongation',
  }),
  command('ProposeAmendment', {
    amendmentId: 'amd-b',
    changes: { parties: [...terms.parties, eu] },
    reason: 'UE',
  }),
  command('RenewAgreement', { amendmentId: 'amd-c', newEndDate: '2030-12-31', reason: 'renouvellement' }),
  ...['amd-a', 'amd-b', 'amd-c'].flatMap((amendmentId) => [
    ...[...signatories, 'eu-delegation'].map((partyId) =>
      command('SignAmendment', { amendmentId, partyId, signedOn: '2025-03-01' }),
    ),
    command('WithdrawAmendment', { amendmentId, reason: 'abandonné' }),
  ]),
  command('SuspendAgreement', { reason: 'audit' }),
  command('ResumeAgreement', {}),
  command('TerminateAgreement', { reason: 'dissolution', effectiveOn: '2026-01-01' }),
  command('ExpireAgreement', {}, at('2031-01-01T00:00:00.000Z')),
  command('CompleteAgreement', { note: 'fait' }),
  command('AttachAgreementDocument', {
    document: {
      sha256: 'a'.repeat(64),
      name: 'c.pdf',
      mediaType: 'application/pdf',
      size: 10,
      kind: 'annex',
    },
  }),
  command('DetachAgreementDocument', { sha256: 'a'.repeat(64), reason: 'erreur' }),
];

describe('partnership agreement: repeating a successful command changes nothing', () => {
  it('from an empty stream, a draft and an agreement in force', () => {
    repeatsChangeNothing(agreementDecider, pool, [[], [drafted], inForceHistory]);
  });
});
