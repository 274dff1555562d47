import { Money } from '@tadamon/reference-data';
import { AgreementParty } from '../../domain/agreement/agreement-terms';
import { OpenProject } from '../../domain/project/project-commands';
import { PartnershipsLog } from './partnerships-log';

export const mad = (amountMinor: number): Money => ({ amountMinor, currency: 'MAD' });
export const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
export const eur = (amountMinor: number): Money => ({ amountMinor, currency: 'EUR' });
export const geo = (code: string) => ({ scheme: 'iso3166-2:2015' as const, code });

export const ministry: AgreementParty = {
  partyId: 'mre-ministry',
  partyKind: 'ministry',
  roles: ['funding', 'accountable'],
  commitments: [{ kind: 'money', amount: mad(100_000_000) }],
};
export const iom: AgreementParty = {
  partyId: 'iom',
  partyKind: 'funder',
  roles: ['funding'],
  commitments: [{ kind: 'money', amount: usd(50_000_000) }],
};
/** An id with a dot: map keys in documents must escape it. */
export const migdev: AgreementParty = {
  partyId: 'md.0001',
  partyKind: 'association',
  roles: ['implementing'],
  commitments: [
    { kind: 'money', amount: mad(30_000_000) },
    { kind: 'in-kind', description: { fr: 'Bénévoles de la diaspora' }, estimatedValue: mad(5_000_000) },
  ],
};
export const cri: AgreementParty = {
  partyId: 'cri-souss',
  partyKind: 'regional-investment-centre',
  roles: ['technical'],
  commitments: [{ kind: 'in-kind', description: { fr: 'Accompagnement' }, estimatedValue: mad(12_000_000) }],
};

/** Signs as the party's own signatory (`sig-<partyId>`). */
export const signAs = (log: PartnershipsLog, agreementId: string, partyId: string, signedOn: string) =>
  log.as(`sig-${partyId}`, () => log.agreement('SignAgreement', { agreementId, partyId, signedOn }));

export const signAmendmentAs = (
  log: PartnershipsLog,
  agreementId: string,
  amendmentId: string,
  partyId: string,
  signedOn: string,
) =>
  log.as(`sig-${partyId}`, () =>
    log.agreement('SignAmendment', { agreementId, amendmentId, partyId, signedOn }),
  );

/** A complete project under an agreement, at the given area (a region or a province). */
export const projectData = (
  projectId: string,
  {
    area = 'MA-TIZ',
    point = null as { lat: number; lon: number } | null,
    sectors = ['14030'],
    budget = [mad(250_000_00)],
  } = {},
): OpenProject['data'] => ({
  projectId,
  carrierId: 'md.0001',
  title: { fr: `Projet ${projectId}`, ar: `مشروع ${projectId}` },
  description: { fr: 'Adduction d’eau potable' },
  participants: [
    { partyId: 'md.0001', role: '4' },
    { partyId: 'iom', role: '1' },
    { partyId: 'mre-ministry', role: '2' },
  ],
  agreementId: 'agr.1',
  programmeId: 'icmd2',
  locations: [{ area: geo(area), commune: 'Tafraout', point }],
  sectors: sectors.map((code, i) => ({
    code,
    percentageHundredths:
      i === 0
        ? 10_000 - (sectors.length - 1) * Math.floor(10_000 / sectors.length)
        : Math.floor(10_000 / sectors.length),
  })),
  budgetLines: budget.map((amount, i) => ({ lineId: `line-${i}`, label: { fr: `Ligne ${i}` }, amount })),
  cofinancing: [{ partyId: 'iom', amount: budget[0] }],
  milestones: [
    { milestoneId: 'm.1', title: { fr: 'Forage réalisé' }, due: '2025-12-31' },
    { milestoneId: 'm.2', title: { fr: 'Réseau en service' }, due: '2026-06-30' },
  ],
  plannedStart: '2025-07-01',
  plannedEnd: '2026-06-30',
});
