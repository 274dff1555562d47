// Shared by the agreement specs only: the ICMD phase 2 convention between the ministry, the IOM,
// Migrations et Développement and the CRI of Souss-Massa, and its history up to each stage.
import { CommandMetadata } from '@tadamon/eventsourcing';
import { Money } from '@tadamon/reference-data';
import { AgreementCommand } from './agreement-commands';
import { AgreementDrafted, AgreementEvent, AmendmentProposed } from './agreement-events';
import { AgreementTerms, AgreementParty } from './agreement-terms';

export const now = '2025-03-01T10:00:00.000Z';
export const agreementId = 'conv-icmd2-souss';
export const officer = 'officer-1';

export const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
export const mad = (amountMinor: number): Money => ({ amountMinor, currency: 'MAD' });

export const metadata = (actorId = officer, time = now): CommandMetadata => ({
  commandId: 'cmd-1',
  actor: { id: actorId, roles: [] },
  now: time,
});

export const command = <C extends AgreementCommand>(
  type: C['type'],
  data: Omit<C['data'], 'agreementId'>,
  { actor = officer, at = now }: { actor?: string; at?: string } = {},
): C => ({ type, data: { agreementId, ...data }, metadata: metadata(actor, at) }) as C;

export const cri: AgreementParty = {
  partyId: 'cri-souss-massa',
  partyKind: 'regional-investment-centre',
  roles: ['technical'],
  commitments: [
    { kind: 'in-kind', description: { fr: 'Bureaux et accompagnement' }, estimatedValue: mad(12_000_000) },
  ],
};
export const iom: AgreementParty = {
  partyId: 'iom',
  partyKind: 'funder',
  roles: ['funding'],
  commitments: [{ kind: 'money', amount: usd(50_000_000) }],
};
export const association: AgreementParty = {
  partyId: 'md-0001',
  partyKind: 'association',
  roles: ['implementing'],
  commitments: [
    { kind: 'money', amount: mad(30_000_000) },
    { kind: 'in-kind', description: { fr: 'Bénévoles de la diaspora' } },
  ],
};
export const ministry: AgreementParty = {
  partyId: 'mre-ministry',
  partyKind: 'ministry',
  roles: ['funding', 'accountable'],
  commitments: [{ kind: 'money', amount: mad(100_000_000) }],
};

/** Sorted by partyId, as the decider keeps them. */
export const terms: AgreementTerms = {
  object: { fr: 'Convention ICMD phase 2 : eau potable dans la région Souss-Massa' },
  programmeId: 'icmd2',
  parties: [cri, iom, association, ministry],
  startDate: '2025-04-01',
  endDate: '2027-12-31',
  sectors: ['14030'],
  regions: [{ scheme: 'iso3166-2:2015', code: 'MA-09' }],
};
export const signatories = ['cri-souss-massa', 'iom', 'md-0001', 'mre-ministry'];

export const drafted: AgreementDrafted = {
  type: 'AgreementDrafted',
  data: { agreementId, terms, draftedAt: now, by: officer },
};
export const submitted: AgreementEvent = {
  type: 'AgreementSubmittedForSignature',
  data: { agreementId, signatories, submittedAt: now, by: officer },
};
export const signedBy = (partyId: string, signedOn = '2025-02-20', version = 1): AgreementEvent =>
  version === 1
    ? {
        type: 'AgreementSigned',
        data: {
          agreementId,
          version: 1,
          partyId,
          signatoryId: `${partyId}-signatory`,
          signedOn,
          recordedAt: now,
        },
      }
    : {
        type: 'AmendmentSigned',
        data: {
          agreementId,
          amendmentId: `amd-${version}`,
          version,
          partyId,
          signatoryId: `${partyId}-signatory`,
          signedOn,
          recordedAt: now,
        },
      };
export const inForce: AgreementEvent = {
  type: 'AgreementEnteredIntoForce',
  data: { agreementId, version: 1, effectiveOn: '2025-02-20', enteredIntoForceAt: now },
};
export const signedByAll: AgreementEvent[] = [...signatories.map((p) => signedBy(p)), inForce];
export const inForceHistory: AgreementEvent[] = [drafted, submitted, ...signedByAll];

/** Version 2: the end date moved to the end of 2028. */
export const extension: AmendmentProposed = {
  type: 'AmendmentProposed',
  data: {
    agreementId,
    amendmentId: 'amd-2',
    version: 2,
    kind: 'amendment',
    changes: { endDate: '2028-12-31' },
    differences: ['$.endDate: "2027-12-31" -> "2028-12-31"'],
    signatories,
    reason: 'Travaux retardés par les intempéries',
    proposedAt: now,
    by: officer,
  },
};
export const extensionInForce: AgreementEvent = {
  type: 'AmendmentEnteredIntoForce',
  data: { agreementId, amendmentId: 'amd-2', version: 2, effectiveOn: '2026-06-15', enteredIntoForceAt: now },
};
export const extensionHistory: AgreementEvent[] = [
  ...inForceHistory,
  extension,
  ...signatories.map((p) => signedBy(p, '2026-06-15', 2)),
  extensionInForce,
];
