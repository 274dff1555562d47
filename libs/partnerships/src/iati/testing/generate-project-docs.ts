import { seededRandom } from '@tadamon/iati/testing';
import { CurrencyCode, PROVINCES, SCHEME_2015, SECTOR_CODES } from '@tadamon/reference-data';
import { ProjectDoc } from '../../projections/projects';
import { ActivityStatus } from '../../domain/project/project-status';
import { WHOLE_PERCENT } from '../../domain/project/project-details';

const DAY_MS = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const instant = (isoDate: string, hour = 9) => `${isoDate}T${String(hour).padStart(2, '0')}:00:00.000Z`;

// Titles with what an export must survive: ampersands, angle brackets, quotes, Arabic, emoji.
const TITLES = [
  'Adduction d’eau potable & assainissement',
  'Coopérative "Tiwizi" <phase 2>',
  "Électrification rurale l'Oriental 🌞",
  'Formation des jeunes aux métiers du numérique',
];
const AR_TITLES = ['تزويد الدواوير بالماء الصالح للشرب', 'دعم التعاونيات الفلاحية', 'كهربة العالم القروي'];
const CURRENCIES: CurrencyCode[] = ['MAD', 'EUR', 'USD'];
const STATUSES: ActivityStatus[] = ['1', '2', '3', '4', '5', '6'];
// Each status reached through the domain's transitions (PROJECT_STATUS_TRANSITIONS).
const PATHS: Record<ActivityStatus, ActivityStatus[]> = {
  '1': [],
  '2': ['2'],
  '3': ['2', '3'],
  '4': ['2', '3', '4'],
  '5': ['2', '5'],
  '6': ['2', '6'],
};

/**
 * Published project documents as the projection writes them, seeded so every run is the same:
 * every status, one to three locations (a province with or without a point and a commune, or a
 * region), one to three sectors in hundredths summing to 10000, budget lines in MAD, EUR and USD
 * (some with their own period), co-financers, disbursements and expenditures before `asOf`, and
 * replicas. Built directly (not through the deciders) so 10,000 of them cost little.
 */
export function generateProjectDocs(count: number, { seed = 7, asOf = '2026-06-30' } = {}): ProjectDoc[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const asOfTime = Date.parse(`${asOf}T00:00:00Z`);
  const docs: ProjectDoc[] = [];
  for (let i = 0; i < count; i++) {
    const projectId = `prj-${String(i).padStart(5, '0')}`;
    const status = STATUSES[i % STATUSES.length];
    const start = asOfTime - Math.floor((200 + random() * 1500) * DAY_MS);
    const plannedStart = isoDay(start);
    const plannedEnd = isoDay(start + Math.floor((300 + random() * 1200) * DAY_MS));
    const openedAt = instant(isoDay(start - 30 * DAY_MS));
    // Status changes between the start and asOf, in order.
    const history = PATHS[status].map((to, k, path) => ({
      from: (k === 0 ? '1' : path[k - 1]) as ActivityStatus,
      to,
      reason: to === '5' || to === '6' ? 'note interne' : null,
      at: instant(isoDay(start + Math.floor(((k + 1) * (asOfTime - start)) / (path.length + 2)))),
      by: 'officer-1',
    }));
    const locationCount = 1 + Math.floor(random() * 3);
    const locations = Array.from({ length: locationCount }, (_, k) => {
      const province = PROVINCES[(i * 7 + k * 13) % PROVINCES.length];
      const regionOnly = random() < 0.2;
      return {
        area: { scheme: SCHEME_2015, code: regionOnly ? province.region : province.code },
        region: province.region,
        commune: regionOnly || random() < 0.5 ? null : `Commune ${k + 1}`,
        point:
          regionOnly || random() < 0.4
            ? null
            : { lat: Number((28 + random() * 7).toFixed(6)), lon: Number((-9.5 + random() * 7).toFixed(6)) },
      };
    });
    const uniqueLocations = locations.filter(
      (l, k) => locations.findIndex((m) => m.area.code === l.area.code) === k,
    );
    const sectorCount = 1 + Math.floor(random() * 3);
    const codes = [...new Set(Array.from({ length: sectorCount }, () => pick(SECTOR_CODES)))];
    const shares = codes.map((_, k) =>
      k === 0 ? 0 : 1 + Math.floor(random() * (WHOLE_PERCENT / codes.length)),
    );
    shares[0] = WHOLE_PERCENT - shares.slice(1).reduce((a, b) => a + b, 0);
    const currency = CURRENCIES[i % CURRENCIES.length];
    const lineCount = 1 + Math.floor(random() * 3);
    const budgetLines = Array.from({ length: lineCount }, (_, k) => {
      const ownPeriod = k > 0 && random() < 0.5;
      return {
        lineId: `line-${k}`,
        label: { fr: `Ligne ${k}` },
        amount: {
          amountMinor: 1_000_00 + Math.floor(random() * 5_000_000_00),
          currency: k === 2 ? pick(CURRENCIES) : currency,
        },
        periodStart: ownPeriod ? plannedStart : null,
        periodEnd: ownPeriod ? isoDay(start + 200 * DAY_MS) : null,
      };
    });
    const started = history.length > 0;
    const disbursements: ProjectDoc['disbursements'] = {};
    const expenditures: ProjectDoc['expenditures'] = {};
    if (started) {
      for (let k = 0; k < 1 + Math.floor(random() * 4); k++) {
        const on = isoDay(start + Math.floor(random() * (asOfTime - start - DAY_MS)));
        disbursements[`t-${k}`] = {
          trancheId: `t-${k}`,
          amount: { amountMinor: 1_000_00 + Math.floor(random() * 100_000_00), currency },
          on,
          source: k === 0 ? 'funding-tranche' : 'manual',
          at: instant(on, 10),
          by: 'officer-1',
        };
      }
      for (let k = 0; k < Math.floor(random() * 3); k++) {
        const on = isoDay(start + Math.floor(random() * (asOfTime - start - DAY_MS)));
        expenditures[`e-${k}`] = {
          expenditureId: `e-${k}`,
          amount: { amountMinor: 500_00 + Math.floor(random() * 50_000_00), currency },
          on,
          description: 'Facture n° 12 (note interne, jamais publiée)',
          at: instant(on, 11),
          by: 'officer-1',
        };
      }
    }
    const carrierId = `md.${String(i % 500).padStart(4, '0')}`;
    const participants = [
      { partyId: carrierId, role: '4' as const },
      { partyId: 'mre-ministry', role: '1' as const },
      { partyId: 'mre-ministry', role: '2' as const },
      ...(i % 3 === 0 ? [{ partyId: 'iom', role: '1' as const }] : []),
      ...(i % 5 === 0 ? [{ partyId: 'cri-souss', role: '3' as const }] : []),
    ];
    const replicationOf = i > 10 && i % 17 === 0 ? `prj-${String(i - 11).padStart(5, '0')}` : null;
    docs.push({
      id: projectId,
      projectId,
      carrierId,
      origin: replicationOf
        ? { kind: 'replication', originalProjectId: replicationOf }
        : { kind: 'agreement', agreementId: 'agr.1' },
      replicationOf,
      status,
      visibility: 'public',
      openedAt,
      openedBy: 'officer-1',
      title: { fr: `${pick(TITLES)} n° ${i}`, ...(random() < 0.6 ? { ar: pick(AR_TITLES) } : {}) },
      description: {
        fr: 'Projet porté par des Marocains du monde & leurs partenaires locaux.',
        ...(random() < 0.3 ? { en: 'A project carried by Moroccans abroad and local partners.' } : {}),
      },
      participants,
      agreementId: replicationOf ? null : 'agr.1',
      programmeId: 'icmd2',
      locations: uniqueLocations,
      sectors: codes.map((code, k) => ({ code, percentageHundredths: shares[k] })),
      budgetLines,
      cofinancing: i % 3 === 0 ? [{ partyId: 'iom', amount: budgetLines[0].amount }] : [],
      milestones: [],
      plannedStart,
      plannedEnd,
      partyIds: [...new Set(participants.map((p) => p.partyId))].sort(),
      regionCodes: [...new Set(uniqueLocations.map((l) => l.region))].sort(),
      provinceCodes: [],
      sectorCodes: [...codes].sort(),
      reached: {},
      disbursements,
      expenditures,
      documents: {},
      replicas: {},
      statusHistory: history,
      revisions: [],
      publishedAt: instant(isoDay(start - 10 * DAY_MS)),
      unpublished: null,
    } as unknown as ProjectDoc);
  }
  return docs;
}
