import { activityIdentifier, IatiActivity, IatiOrganisation, ReportingOrganisation } from '../activity';
import { yearlyBudgets } from '../budget-periods';
import { moroccanLocation } from '../location';

/**
 * The seed's projects as IATI activities. The ministry's organisation identifier is a placeholder
 * (XI-IATI-MCMRE) until IATI registers the ministry; IOM's and the EU's are their published ones.
 */
export const MINISTRY: ReportingOrganisation = {
  ref: 'XI-IATI-MCMRE',
  type: '10',
  names: {
    ar: 'الوزارة المكلفة بالمغاربة المقيمين بالخارج',
    fr: "Ministère chargé des Marocains résidant à l'étranger",
    en: 'Ministry in charge of Moroccans living abroad',
  },
};
export const IOM: IatiOrganisation = {
  ref: 'XM-DAC-47066',
  type: '40',
  names: {
    fr: 'Organisation internationale pour les migrations',
    en: 'International Organization for Migration',
  },
};
export const EU: IatiOrganisation = {
  ref: 'XI-IATI-EC_INTPA',
  type: '15',
  names: { fr: 'Commission européenne', en: 'European Commission' },
};
const MD: IatiOrganisation = {
  type: '21',
  names: { fr: 'Migrations & Développement', en: 'Migrations & Development' },
};
const FIGUIG_COOPERATIVES: IatiOrganisation = {
  type: '24',
  names: { ar: 'تعاونيات فجيج الفلاحية', fr: 'Coopératives agricoles de Figuig' },
};
const LAST_UPDATED = '2026-06-30T09:00:00Z';

const figuig: IatiActivity = {
  identifier: activityIdentifier(MINISTRY.ref, 'PRJ-FIGUIG-0001'),
  lastUpdated: LAST_UPDATED,
  defaultCurrency: 'MAD',
  title: {
    ar: 'دعم التعاونيات الفلاحية بواحة فجيج',
    fr: "Appui aux coopératives agricoles de l'oasis de Figuig",
    en: 'Support to the agricultural cooperatives of the Figuig oasis',
  },
  description: {
    fr: 'Irrigation goutte-à-goutte, unité de conditionnement des dattes et formation des coopératives, portés par des Marocains du monde originaires de Figuig.',
    en: 'Drip irrigation, a date packing unit and training for the cooperatives, carried by Moroccans abroad from Figuig.',
  },
  reportingOrg: MINISTRY,
  participatingOrgs: [
    { ...MINISTRY, role: '1' },
    { ...MINISTRY, role: '2' },
    { ...FIGUIG_COOPERATIVES, role: '4' },
  ],
  status: '2',
  dates: [
    { type: '1', isoDate: '2025-03-01' },
    { type: '2', isoDate: '2025-04-15' },
    { type: '3', isoDate: '2027-02-28' },
  ],
  locations: [moroccanLocation('MA-FIG', { lat: 32.1086, lon: -1.2286 })],
  sectors: [
    { code: '31194', percentage: 60 },
    { code: '31140', percentage: 40 },
  ],
  budgets: yearlyBudgets('2025-04-15', '2027-02-28', { amount: 1_800_000, currency: 'MAD' }, '2'),
  transactions: [
    {
      ref: 'FIG-C-1',
      type: '2',
      date: '2025-04-15',
      value: { amount: 1_800_000, currency: 'MAD', valueDate: '2025-04-15' },
      provider: MINISTRY,
      receiver: FIGUIG_COOPERATIVES,
    },
    {
      ref: 'FIG-D-1',
      type: '3',
      date: '2025-05-02',
      value: { amount: 720_000, currency: 'MAD', valueDate: '2025-05-02' },
      description: { fr: 'Première tranche', ar: 'الدفعة الأولى' },
      provider: MINISTRY,
      receiver: FIGUIG_COOPERATIVES,
    },
  ],
  relatedActivities: [],
  documents: [
    {
      url: 'https://tadamon.example.ma/documents/figuig-convention.pdf',
      format: 'application/pdf',
      title: { fr: 'Convention de partenariat', ar: 'اتفاقية الشراكة' },
      categories: ['A09'],
      languages: ['ar', 'fr'],
      documentDate: '2025-03-20',
    },
  ],
  results: [
    {
      type: '1',
      title: { fr: 'Parcelles équipées en goutte-à-goutte', en: 'Plots equipped with drip irrigation' },
      indicators: [
        {
          measure: '1',
          ascending: true,
          title: { fr: 'Hectares irrigués au goutte-à-goutte', en: 'Hectares under drip irrigation' },
          baseline: { year: 2025, isoDate: '2025-04-15', value: 0 },
          periods: [
            { start: '2025-04-15', end: '2025-12-31', target: { value: 20 }, actual: { value: 14 } },
            { start: '2026-01-01', end: '2026-12-31', target: { value: 45 } },
          ],
        },
      ],
    },
    {
      type: '2',
      title: { fr: 'Revenus des coopératives', en: "Cooperatives' income" },
      indicators: [
        {
          measure: '5',
          ascending: true,
          title: {
            fr: 'Accès des dattes de Figuig aux marchés nationaux',
            en: 'Figuig dates reach national markets',
          },
          baseline: { year: 2025, comment: { fr: 'Vente locale seulement' } },
          periods: [
            {
              start: '2025-04-15',
              end: '2025-12-31',
              target: { comment: { fr: 'Un contrat avec un distributeur' } },
              actual: { comment: { fr: 'Contrat signé avec deux distributeurs' } },
            },
          ],
        },
      ],
    },
  ],
};

const ICMD_PHASE_2 = { start: '2014-01-01', end: '2016-06-30' };

/** One of M&D's projects funded under the IOM joint initiative ICMD phase 2: USD 250,000 each. */
function mdProject(
  n: number,
  province: string,
  sector: string,
  names: { fr: string; en: string },
  point: { lat: number; lon: number },
): IatiActivity {
  return {
    identifier: activityIdentifier(MINISTRY.ref, `PRJ-ICMD2-${n}`),
    lastUpdated: LAST_UPDATED,
    defaultCurrency: 'USD',
    title: { fr: names.fr, en: names.en },
    description: {
      fr: "Projet de co-développement porté par Migrations & Développement dans le cadre de l'ICMD phase 2 (OIM).",
      en: 'Co-development project carried by Migrations & Development under ICMD phase 2 (IOM).',
    },
    reportingOrg: MINISTRY,
    participatingOrgs: [
      { ...IOM, role: '1' },
      { ...MINISTRY, role: '2' },
      { ...IOM, role: '3' },
      { ...MD, role: '4' },
    ],
    status: '4',
    dates: [
      { type: '1', isoDate: ICMD_PHASE_2.start },
      { type: '2', isoDate: '2014-02-01' },
      { type: '3', isoDate: ICMD_PHASE_2.end },
      { type: '4', isoDate: '2016-06-30' },
    ],
    locations: [moroccanLocation(province, point)],
    sectors: [
      { code: sector, percentage: 80 },
      { code: '15150', percentage: 20 },
    ],
    budgets: yearlyBudgets('2014-02-01', '2016-06-30', { amount: 250_000, currency: 'USD' }, '2'),
    transactions: [
      {
        type: '2',
        date: '2014-02-01',
        value: { amount: 250_000, currency: 'USD', valueDate: '2014-02-01' },
        provider: IOM,
        receiver: MD,
      },
      {
        type: '3',
        date: '2014-03-01',
        value: { amount: 150_000, currency: 'USD', valueDate: '2014-03-01' },
        provider: IOM,
        receiver: MD,
      },
      {
        type: '3',
        date: '2015-03-01',
        value: { amount: 100_000, currency: 'USD', valueDate: '2015-03-01' },
        provider: IOM,
        receiver: MD,
      },
    ],
    relatedActivities: [],
    documents: [],
    results: [],
  };
}

const euMobility: IatiActivity = {
  identifier: activityIdentifier(MINISTRY.ref, 'PRJ-EU-MP-2014'),
  lastUpdated: LAST_UPDATED,
  defaultCurrency: 'EUR',
  title: {
    ar: 'دعم تنفيذ الشق المتعلق بالهجرة والتنقل من الشراكة من أجل التنقل',
    fr: 'Appui à la mise en œuvre du volet migration et mobilité du partenariat pour la mobilité UE-Maroc',
    en: 'Support to the migration and mobility strand of the EU-Morocco mobility partnership',
  },
  description: {
    fr: "Projet du partenariat pour la mobilité entre l'Union européenne et le Maroc, 2014-2017.",
    en: 'Project of the mobility partnership between the European Union and Morocco, 2014-2017.',
  },
  reportingOrg: MINISTRY,
  participatingOrgs: [
    { ...EU, role: '1' },
    { ...MINISTRY, role: '2' },
    { ...MINISTRY, role: '4' },
  ],
  status: '4',
  dates: [
    { type: '1', isoDate: '2014-01-01' },
    { type: '2', isoDate: '2014-01-01' },
    { type: '3', isoDate: '2017-12-31' },
    { type: '4', isoDate: '2017-12-31' },
  ],
  locations: [moroccanLocation('MA-02'), moroccanLocation('MA-09')],
  sectors: [{ code: '15190', percentage: 100 }],
  budgets: yearlyBudgets('2014-01-01', '2017-12-31', { amount: 5_000_000, currency: 'EUR' }, '2'),
  transactions: [
    {
      type: '2',
      date: '2014-01-01',
      value: { amount: 5_000_000, currency: 'EUR', valueDate: '2014-01-01' },
      provider: EU,
      receiver: MINISTRY,
    },
    {
      type: '3',
      date: '2014-03-15',
      value: { amount: 2_000_000, currency: 'EUR', valueDate: '2014-03-15' },
      provider: EU,
      receiver: MINISTRY,
    },
    {
      type: '3',
      date: '2016-03-15',
      value: { amount: 3_000_000, currency: 'EUR', valueDate: '2016-03-15' },
      provider: EU,
      receiver: MINISTRY,
    },
    {
      type: '4',
      date: '2017-12-15',
      value: { amount: 4_870_000, currency: 'EUR', valueDate: '2017-12-15' },
      provider: MINISTRY,
    },
  ],
  relatedActivities: [],
  documents: [],
  results: [
    {
      type: '2',
      title: {
        fr: 'Mobilisation des compétences des Marocains du monde',
        en: 'Skills of Moroccans abroad mobilised',
      },
      indicators: [
        {
          measure: '1',
          ascending: true,
          title: { fr: "Projets d'investissement accompagnés", en: 'Investment projects supported' },
          baseline: { year: 2014, value: 0 },
          periods: [
            { start: '2014-01-01', end: '2014-12-31', target: { value: 20 }, actual: { value: 18 } },
            { start: '2015-01-01', end: '2015-12-31', target: { value: 40 }, actual: { value: 43 } },
          ],
        },
      ],
    },
  ],
};

/** A replication of the Figuig project in Tiznit: it names its original. */
const figuigReplication: IatiActivity = {
  ...figuig,
  identifier: activityIdentifier(MINISTRY.ref, 'PRJ-TIZNIT-0002'),
  status: '1',
  dates: [
    { type: '1', isoDate: '2027-01-01' },
    { type: '3', isoDate: '2028-12-31' },
  ],
  locations: [moroccanLocation('MA-TIZ', { lat: 29.6974, lon: -9.7316 })],
  budgets: yearlyBudgets('2027-01-01', '2028-12-31', { amount: 1_500_000, currency: 'MAD' }, '1'),
  transactions: [],
  relatedActivities: [{ ref: figuig.identifier, type: '3' }],
  documents: [],
  results: [],
};

export const DEMO_ACTIVITIES: readonly IatiActivity[] = [
  figuig,
  mdProject(
    1,
    'MA-TAR',
    '14030',
    { fr: 'Eau potable dans les douars de Taroudant', en: 'Drinking water in the villages of Taroudant' },
    { lat: 30.4703, lon: -8.877 },
  ),
  mdProject(
    2,
    'MA-TIZ',
    '23231',
    { fr: 'Électrification solaire à Tiznit', en: 'Solar electrification in Tiznit' },
    { lat: 29.6974, lon: -9.7316 },
  ),
  euMobility,
  figuigReplication,
];
