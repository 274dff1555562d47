import { PROVINCES, SECTOR_CODES } from '@tadamon/reference-data';
import {
  activityIdentifier,
  IatiActivity,
  IatiOrganisation,
  Indicator,
  ParticipatingOrganisation,
  Result,
  Transaction,
} from '../activity';
import { yearlyBudgets } from '../budget-periods';
import { ActivityDate } from '../activity';
import { Currency } from '../codelists/non-embedded';
import { moroccanLocation } from '../location';
import { EU, IOM, MINISTRY } from './demo-activities';

/** mulberry32: a small seeded PRNG, so every run generates the same projects. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  readonly seed?: number;
  /** The day the data describes: what started before it has actual dates and transactions. */
  readonly asOf?: string;
}

const DAY_MS = 86_400_000;
const day = (time: number) => new Date(time).toISOString().slice(0, 10);
const at = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);

// Words of real project titles, with what an export must survive: ampersands, angle brackets,
// quotes, apostrophes, emoji and mixed scripts.
const TITLES = [
  {
    ar: 'تزويد الدواوير بالماء الصالح للشرب',
    fr: 'Eau potable pour les douars',
    en: 'Drinking water for villages',
  },
  {
    ar: 'تعاونية نسائية لإنتاج زيت الأركان',
    fr: "Coopérative féminine d'huile d'argan",
    en: 'Women’s argan oil cooperative',
  },
  {
    ar: 'كهربة بالطاقة الشمسية',
    fr: 'Électrification solaire « Noor & Douar »',
    en: 'Solar electrification "Noor & Douar"',
  },
  {
    ar: 'دعم التمدرس في العالم القروي',
    fr: 'Soutien à la scolarité <rurale>',
    en: 'Rural schooling support 📚',
  },
  { ar: 'مركز صحي جماعي', fr: 'Centre de santé communal', en: 'Community health centre 🏥' },
  { ar: 'تثمين التمور', fr: 'Valorisation des dattes & palmiers', en: "Dates & palms' value chain" },
];
const CURRENCIES: readonly Currency[] = ['MAD', 'EUR', 'USD'];
const REGIONAL_COUNCIL: IatiOrganisation = {
  type: '11',
  names: { ar: 'مجلس الجهة', fr: 'Conseil régional' },
};

export function* generateActivities(count: number, options: GenerateOptions = {}): Generator<IatiActivity> {
  const random = seededRandom(options.seed ?? 42);
  const asOf = at(options.asOf ?? '2026-01-01');
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const identifiers: string[] = [];

  for (let n = 0; n < count; n++) {
    const identifier = activityIdentifier(MINISTRY.ref, `PRJ-${String(n + 1).padStart(6, '0')}`);
    const start = at(`${between(2012, 2027)}-${String(between(1, 12)).padStart(2, '0')}-01`);
    const end = start + between(180, 1460) * DAY_MS;
    const started = start <= asOf;
    const ended = end <= asOf;
    const currency = pick(CURRENCIES);
    const total = between(50, 5000) * 1000;
    const association: IatiOrganisation = {
      type: pick(['21', '22', '24'] as const),
      names: { fr: `Association n° ${n + 1} « Tadamon & Développement »`, ar: `جمعية رقم ${n + 1}` },
    };
    const funder = pick([MINISTRY, IOM, EU, REGIONAL_COUNCIL]);
    const participatingOrgs: ParticipatingOrganisation[] = [
      { ...funder, role: '1' },
      { ...MINISTRY, role: '2' },
      { ...association, role: '4' },
    ];
    const dates: ActivityDate[] = [
      { type: '1', isoDate: day(start) },
      { type: '3', isoDate: day(end) },
      ...(started ? [{ type: '2' as const, isoDate: day(start) }] : []),
      ...(ended ? [{ type: '4' as const, isoDate: day(end) }] : []),
    ];

    const sectorCount = between(1, 3);
    const sectorCodes = new Set<string>();
    while (sectorCodes.size < sectorCount) sectorCodes.add(pick(SECTOR_CODES));
    let left = 100;
    const sectors = [...sectorCodes].map((code, i) => {
      const percentage = i === sectorCount - 1 ? left : between(1, left - (sectorCount - 1 - i));
      left -= percentage;
      return { code, percentage };
    });

    const transactions: Transaction[] = [];
    if (started) {
      transactions.push({
        ref: `${n + 1}-C`,
        type: '2',
        date: day(start),
        value: { amount: total, currency, valueDate: day(start) },
        provider: funder,
        receiver: association,
      });
      const last = Math.min(end, asOf);
      const tranches = between(1, 4);
      for (let t = 0; t < tranches; t++) {
        const date = day(start + Math.floor(((last - start) * (t + 1)) / (tranches + 1)));
        transactions.push({
          ref: `${n + 1}-D${t + 1}`,
          type: '3',
          date,
          value: { amount: Math.round((total / tranches) * 0.9), currency, valueDate: date },
          description: { fr: `Tranche ${t + 1}` },
          provider: funder,
          receiver: association,
        });
      }
      if (ended)
        transactions.push({
          ref: `${n + 1}-E`,
          type: '4',
          date: day(end),
          value: { amount: Math.round(total * 0.85), currency, valueDate: day(end) },
          provider: association,
        });
    }

    const results: Result[] = [];
    for (let r = between(0, 2); r > 0; r--) {
      const qualitative = random() < 0.2;
      const firstYear = new Date(start).getUTCFullYear();
      const periods = [0, 1].map((k) => {
        const periodStart = k === 0 ? day(start) : `${firstYear + 1}-01-01`;
        const periodEnd = k === 0 ? `${firstYear}-12-31` : `${firstYear + 1}-12-31`;
        const done = at(periodEnd) <= asOf;
        return qualitative
          ? {
              start: periodStart,
              end: periodEnd,
              target: { comment: { fr: 'Comité de gestion actif' } },
              ...(done ? { actual: { comment: { fr: 'Comité réuni chaque trimestre' } } } : {}),
            }
          : {
              start: periodStart,
              end: periodEnd,
              target: { value: between(10, 500) },
              ...(done ? { actual: { value: between(0, 500) } } : {}),
            };
      });
      const indicator: Indicator = {
        measure: qualitative ? '5' : pick(['1', '2'] as const),
        ascending: random() < 0.9,
        title: {
          fr: qualitative ? 'Gouvernance du projet' : 'Bénéficiaires touchés',
          en: qualitative ? 'Project governance' : 'Beneficiaries reached',
        },
        baseline: qualitative
          ? { year: firstYear, comment: { fr: 'Aucun comité' } }
          : { year: firstYear, value: 0 },
        periods: start <= at(`${firstYear}-12-31`) ? periods : periods.slice(1),
      };
      results.push({
        type: pick(['1', '2'] as const),
        title: { fr: 'Résultat attendu', en: 'Expected result' },
        indicators: [indicator],
      });
    }

    const activity: IatiActivity = {
      identifier,
      lastUpdated: new Date(asOf).toISOString(),
      defaultCurrency: currency,
      title: pick(TITLES),
      description: {
        fr: `Projet de co-développement n° ${n + 1} porté par des Marocains du monde.`,
        ar: `مشروع تنمية مشتركة رقم ${n + 1}`,
      },
      reportingOrg: MINISTRY,
      participatingOrgs,
      status: ended ? '4' : started ? '2' : '1',
      dates,
      locations: Array.from({ length: between(1, 2) }, () =>
        moroccanLocation(pick(PROVINCES).code, {
          lat: 27.7 + Math.round(random() * 80000) / 10000,
          lon: -13 + Math.round(random() * 110000) / 10000,
        }),
      ),
      sectors,
      budgets: yearlyBudgets(day(start), day(end), { amount: total, currency }, started ? '2' : '1'),
      transactions,
      relatedActivities:
        identifiers.length > 0 && random() < 0.1 ? [{ ref: pick(identifiers), type: '3' }] : [],
      documents:
        random() < 0.5
          ? [
              {
                url: `https://tadamon.example.ma/documents/${n + 1}/convention.pdf`,
                format: 'application/pdf',
                title: { fr: 'Convention' },
                categories: ['A09'],
                languages: ['fr'],
                documentDate: day(start),
              },
            ]
          : [],
      results,
    };
    identifiers.push(identifier);
    yield activity;
  }
}
