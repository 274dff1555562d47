import { CommandMetadata } from '@tadamon/eventsourcing';
import { Money } from '@tadamon/reference-data';
import { OpenProject, OpenProjectFromAward, ProjectCommand } from './project-commands';
import { ProjectDetails } from './project-details';
import { ProjectEvent } from './project-events';

export const now = '2025-06-02T09:00:00.000Z';
export const officer = 'officer-1';
export const metadataOf = (actorId = officer): CommandMetadata => ({
  commandId: 'cmd-1',
  actor: { id: actorId, roles: ['officer'] },
  now,
});
export const command = <C extends ProjectCommand>(type: C['type'], data: C['data'], actorId = officer): C =>
  ({ type, data, metadata: metadataOf(actorId) }) as C;

export const mad = (amountMinor: number): Money => ({ amountMinor, currency: 'MAD' });
export const eur = (amountMinor: number): Money => ({ amountMinor, currency: 'EUR' });

export const projectId = 'prj-tafraout-water';
export const carrierId = 'md-0001';
export const tiznit = { scheme: 'iso3166-2:2015' as const, code: 'MA-TIZ' };
export const souss = { scheme: 'iso3166-2:2015' as const, code: 'MA-09' };
export const oriental = { scheme: 'iso3166-2:2015' as const, code: 'MA-02' };

export const milestones = [
  { milestoneId: 'm1', title: { fr: 'Forage réalisé' }, due: '2025-12-31' },
  { milestoneId: 'm2', title: { fr: 'Réseau en service' }, due: '2026-06-30' },
];

export const openData: OpenProject['data'] = {
  projectId,
  carrierId,
  title: { fr: 'Eau potable à Tafraout', en: 'Drinking water in Tafraout' },
  description: { fr: "Adduction d'eau potable pour six douars" },
  participants: [
    { partyId: carrierId, role: '4' },
    { partyId: 'iom', role: '1' },
    { partyId: 'ministry', role: '2' },
  ],
  agreementId: 'agr-icmd2-2025',
  programmeId: 'icmd-phase-2',
  locations: [{ area: tiznit, commune: 'Tafraout', point: { lat: 29.723146, lon: -8.975 } }],
  sectors: [
    { code: '14030', percentageHundredths: 6650 },
    { code: '11330', percentageHundredths: 3350 },
  ],
  budgetLines: [
    {
      lineId: 'works',
      label: { fr: 'Travaux' },
      amount: mad(200_000_00),
      periodStart: '2025-07-01',
      periodEnd: '2026-03-31',
    },
    { lineId: 'training', label: { fr: 'Formation' }, amount: mad(50_000_00) },
    { lineId: 'expertise', label: { fr: 'Expertise' }, amount: eur(10_000_00) },
  ],
  cofinancing: [
    { partyId: 'iom', amount: mad(150_000_00) },
    { partyId: carrierId, amount: eur(2_000_00) },
  ],
  milestones,
  plannedStart: '2025-07-01',
  plannedEnd: '2026-06-30',
};

export const details: ProjectDetails = {
  title: openData.title,
  description: openData.description,
  participants: openData.participants,
  agreementId: 'agr-icmd2-2025',
  programmeId: 'icmd-phase-2',
  locations: [{ area: tiznit, region: 'MA-09', commune: 'Tafraout', point: { lat: 29.723146, lon: -8.975 } }],
  sectors: openData.sectors,
  budgetLines: [
    {
      lineId: 'works',
      label: { fr: 'Travaux' },
      amount: mad(200_000_00),
      periodStart: '2025-07-01',
      periodEnd: '2026-03-31',
    },
    {
      lineId: 'training',
      label: { fr: 'Formation' },
      amount: mad(50_000_00),
      periodStart: null,
      periodEnd: null,
    },
    {
      lineId: 'expertise',
      label: { fr: 'Expertise' },
      amount: eur(10_000_00),
      periodStart: null,
      periodEnd: null,
    },
  ],
  cofinancing: openData.cofinancing ?? [],
  milestones,
  plannedStart: '2025-07-01',
  plannedEnd: '2026-06-30',
};

export const open = command<OpenProject>('OpenProject', openData);
export const opened: ProjectEvent = {
  type: 'ProjectOpened',
  data: {
    projectId,
    carrierId,
    origin: { kind: 'agreement', agreementId: 'agr-icmd2-2025' },
    status: '1',
    visibility: 'internal',
    ...details,
    openedAt: now,
    by: officer,
  },
};

export const awardData: OpenProjectFromAward['data'] = {
  applicationId: 'app-2025-017',
  callId: 'call-2025-1',
  associationId: 'md-0042',
  envelopeId: 'icmd2-ma',
  grant: mad(300_000_00),
  awardedAt: '2025-05-20T14:00:00.000Z',
};
export const awardProjectId = 'award-app-2025-017';
export const openFromAward = command<OpenProjectFromAward>(
  'OpenProjectFromAward',
  awardData,
  'policy:grant-awarded',
);
export const openedFromAward: ProjectEvent = {
  type: 'ProjectOpened',
  data: {
    projectId: awardProjectId,
    carrierId: 'md-0042',
    origin: {
      kind: 'award',
      applicationId: 'app-2025-017',
      callId: 'call-2025-1',
      envelopeId: 'icmd2-ma',
      grant: mad(300_000_00),
      awardedAt: '2025-05-20T14:00:00.000Z',
    },
    status: '1',
    visibility: 'internal',
    title: null,
    description: null,
    participants: [{ partyId: 'md-0042', role: '4' }],
    agreementId: null,
    programmeId: null,
    locations: [],
    sectors: [],
    budgetLines: [],
    cofinancing: [],
    milestones: [],
    plannedStart: null,
    plannedEnd: null,
    openedAt: now,
    by: 'policy:grant-awarded',
  },
};

export const statusChanged = (from: string, to: string, reason: string | null = null): ProjectEvent =>
  ({
    type: 'ProjectStatusChanged',
    data: { projectId, from, to, reason, changedAt: now, by: officer },
  }) as ProjectEvent;
export const implementing = [opened, statusChanged('1', '2')];
export const finalising = [...implementing, statusChanged('2', '3')];
export const closed = [...finalising, statusChanged('3', '4')];
export const cancelled = [opened, statusChanged('1', '5', 'no water table found')];
