import { CommandMetadata } from '@tadamon/eventsourcing';
import { createHash } from 'node:crypto';
import { GeoCode, Money, SCHEME_2015 } from '@tadamon/reference-data';
import { AgreementCommand } from '../domain/agreement/agreement-commands';
import { AgreementParty } from '../domain/agreement/agreement-terms';
import { ProgrammeCommand } from '../domain/programme/programme';
import { ProjectCommand, ProjectDetailsInput } from '../domain/project/project-commands';
import { ResultsCommand } from '../domain/results/results-commands';
import { SupportRequestCommand } from '../domain/support-request/support-request-messages';

/**
 * The Partnerships demo data (shared/DOMAIN.md, "Demo data") as plain domain commands, in order,
 * each with its historical instant and a command id derived from what it does.
 *
 * What the source gives: ICMD phase 2 with IOM, USD 500,000 for Morocco; the EU mobility
 * partnership project, EUR 5,000,000, three years from 2014; projects in Souss-Massa (drinking
 * water, electrification, income-generating activities) carried by Migrations et Développement;
 * the Figuig agricultural cooperatives. The convention, its amounts, dates, indicators, updates and
 * support requests below are **invented** for the demo. The two ICMD awards become projects through
 * the policy on Funding's GrantAwarded, not here (a context never replays another's decisions).
 */
export type PartnershipsDemoStep =
  | { aggregate: 'programme'; id: string; command: ProgrammeCommand }
  | { aggregate: 'agreement'; id: string; command: AgreementCommand }
  | { aggregate: 'project'; id: string; command: ProjectCommand }
  | { aggregate: 'projectResults'; id: string; command: ResultsCommand }
  | { aggregate: 'supportRequest'; id: string; command: SupportRequestCommand };
export type PartnershipsDemoAggregate = PartnershipsDemoStep['aggregate'];

// The Registry demo's ids and the platform's demo users, repeated because a context never imports
// another; partnerships-demo-data.spec.ts pins them against the Funding demo's programme ids.
const REGISTRY = {
  associations: {
    migrationsEtDeveloppement: 'assoc-migrations-et-developpement',
    cooperativesFiguig: 'assoc-cooperatives-figuig',
    alpAtlas: 'assoc-alp-atlas',
  },
  actors: {
    ministry: 'actor-ministry',
    iom: 'actor-iom',
    europeanUnion: 'actor-eu',
    agenceDuSud: 'actor-agence-du-sud',
    agenceDeLOriental: 'actor-agence-de-l-oriental',
    criSoussMassa: 'actor-cri-souss-massa',
    regionalCouncilSoussMassa: 'actor-regional-council-souss-massa',
  },
} as const;

export const PARTNERSHIPS_DEMO_IDS = {
  programmes: {
    icmdPhase2: 'programme-icmd-phase-2',
    euMobilityPartnership: 'programme-eu-mobility-partnership-morocco',
  },
  agreements: { soussMassaWater: 'agreement-souss-massa-water-electrification' },
  projects: {
    taroudantWater: 'project-taroudant-water-electrification',
    tiznitIncome: 'project-tiznit-income-generation',
    /** The replica of the Tiznit project in the Oriental (the EU project's aim: replication). */
    figuigIncome: 'project-figuig-income-generation',
  },
  requests: {
    figuigDatePalm: 'support-figuig-date-palm-processing',
    alpAtlasFundraising: 'support-alp-atlas-fundraising',
  },
  registry: REGISTRY,
  users: {
    officer: 'user-officer',
    /** The second officer: approves what the first one entered (four eyes). */
    officer2: 'user-officer2',
    association: 'user-association',
  },
} as const;

/** A file the demo attaches (evidence of an update): the seeder stores its bytes in the content store. */
export interface PartnershipsDemoDocument {
  name: string;
  mediaType: string;
  content: string;
  sha256: string;
}

const demoDocument = (name: string, content: string): PartnershipsDemoDocument => ({
  name,
  mediaType: 'text/csv',
  content,
  sha256: createHash('sha256').update(content, 'utf8').digest('hex'),
});

/** The water committee's subscriber counts, one file per update (invented). */
export const PARTNERSHIPS_DEMO_DOCUMENTS: Readonly<Record<string, PartnershipsDemoDocument>> =
  Object.fromEntries(
    (
      [
        ['hh-2015-q4', 110],
        ['hh-2016-h1', 190],
        ['hh-2016-h2', 285],
        ['hh-2017', 410],
      ] as const
    ).map(([updateId, households]) => [
      updateId,
      demoDocument(
        `subscribers-${updateId}.csv`,
        `douar,households connected\nTafraout El Mouloud,${Math.round(households * 0.55)}\nAit Iaaza,${households - Math.round(households * 0.55)}\n`,
      ),
    ]),
  );

export type PartnershipsDemoActor = { readonly id: string; readonly roles: readonly string[] };

const IDS = PARTNERSHIPS_DEMO_IDS;
const ACT = REGISTRY.actors;
const ASSOC = REGISTRY.associations;

export const PARTNERSHIPS_DEMO_ACTORS: {
  readonly officer: PartnershipsDemoActor;
  readonly officer2: PartnershipsDemoActor;
  readonly migrationsEtDeveloppement: PartnershipsDemoActor;
} = {
  officer: { id: IDS.users.officer, roles: ['officer'] },
  officer2: { id: IDS.users.officer2, roles: ['officer'] },
  migrationsEtDeveloppement: { id: IDS.users.association, roles: ['association'] },
};

const money = (major: number, currency: Money['currency']): Money => ({ amountMinor: major * 100, currency });
const mad = (major: number) => money(major, 'MAD');
const geo = (code: string): GeoCode => ({ scheme: SCHEME_2015, code });

const party = (
  partyId: string,
  partyKind: AgreementParty['partyKind'],
  roles: AgreementParty['roles'],
  commitments: AgreementParty['commitments'] = [],
): AgreementParty => ({ partyId, partyKind, roles, commitments });

const TAROUDANT_WATER: ProjectDetailsInput = {
  title: {
    fr: 'Eau potable et électrification des douars de la province de Taroudant',
    ar: 'الماء الصالح للشرب وكهربة دواوير إقليم تارودانت',
    en: 'Drinking water and electrification of the villages of Taroudant province',
  },
  description: {
    fr: 'Raccordement de douars de montagne au réseau d’eau potable et au réseau électrique, porté par l’association avec les habitants qui cofinancent et entretiennent les ouvrages.',
    ar: 'ربط دواوير جبلية بشبكتي الماء الصالح للشرب والكهرباء، تحمله الجمعية مع السكان الذين يساهمون في التمويل ويتولون صيانة المنشآت.',
    en: 'Connecting mountain villages to drinking water and the power grid, carried by the association with the villagers, who co-finance and maintain the works.',
  },
  participants: [
    { partyId: ACT.ministry, role: '1' },
    { partyId: ACT.agenceDuSud, role: '1' },
    { partyId: ACT.ministry, role: '2' },
    { partyId: ACT.criSoussMassa, role: '3' },
    { partyId: ASSOC.migrationsEtDeveloppement, role: '4' },
  ],
  agreementId: IDS.agreements.soussMassaWater,
  programmeId: null,
  locations: [
    { area: geo('MA-TAR'), commune: 'Tafraout El Mouloud', point: { lat: 30.3333, lon: -8.4667 } },
    { area: geo('MA-TAR'), commune: 'Aït Iaaza', point: { lat: 30.5063, lon: -8.7928 } },
  ],
  sectors: [
    { code: '14030', percentageHundredths: 6000 },
    { code: '23630', percentageHundredths: 4000 },
  ],
  budgetLines: [
    {
      lineId: 'water-works',
      label: { fr: 'Adduction d’eau', en: 'Water supply works' },
      amount: mad(1_800_000),
    },
    {
      lineId: 'grid',
      label: { fr: 'Raccordement électrique', en: 'Grid connection' },
      amount: mad(1_200_000),
    },
    {
      lineId: 'training',
      label: { fr: 'Formation des comités', en: 'Training of village committees' },
      amount: mad(150_000),
    },
  ],
  cofinancing: [
    { partyId: ACT.ministry, amount: mad(1_500_000) },
    { partyId: ACT.agenceDuSud, amount: mad(1_000_000) },
    { partyId: ASSOC.migrationsEtDeveloppement, amount: mad(650_000) },
  ],
  milestones: [
    {
      milestoneId: 'studies',
      title: { fr: 'Études techniques', en: 'Technical studies' },
      due: '2015-09-30',
    },
    { milestoneId: 'water-on', title: { fr: 'Mise en eau', en: 'Water turned on' }, due: '2016-12-31' },
    { milestoneId: 'grid-on', title: { fr: 'Mise sous tension', en: 'Power turned on' }, due: '2017-12-31' },
  ],
  plannedStart: '2015-03-01',
  plannedEnd: '2018-06-30',
};

const TIZNIT_INCOME: ProjectDetailsInput = {
  title: {
    fr: 'Activités génératrices de revenus des femmes de Tiznit',
    ar: 'أنشطة مدرة للدخل لفائدة نساء تيزنيت',
    en: 'Income-generating activities for the women of Tiznit',
  },
  description: {
    fr: 'Une coopérative d’argan et de couscous, équipée et accompagnée jusqu’à la vente.',
    ar: 'تعاونية للأركان والكسكس، جُهّزت ورُافقت حتى التسويق.',
    en: 'An argan and couscous cooperative, equipped and coached up to its first sales.',
  },
  participants: [
    { partyId: ACT.ministry, role: '1' },
    { partyId: ASSOC.migrationsEtDeveloppement, role: '4' },
  ],
  agreementId: IDS.agreements.soussMassaWater,
  programmeId: IDS.programmes.euMobilityPartnership,
  locations: [{ area: geo('MA-TIZ'), commune: 'Tiznit', point: { lat: 29.6974, lon: -9.7316 } }],
  sectors: [
    { code: '31120', percentageHundredths: 7000 },
    { code: '25030', percentageHundredths: 3000 },
  ],
  budgetLines: [
    { lineId: 'equipment', label: { fr: 'Équipement', en: 'Equipment' }, amount: mad(420_000) },
    { lineId: 'coaching', label: { fr: 'Accompagnement', en: 'Coaching' }, amount: mad(80_000) },
  ],
  cofinancing: [{ partyId: ACT.ministry, amount: mad(400_000) }],
  milestones: [
    { milestoneId: 'first-sales', title: { fr: 'Premières ventes', en: 'First sales' }, due: '2015-12-31' },
  ],
  plannedStart: '2014-09-01',
  plannedEnd: '2016-06-30',
};

const FIGUIG_REPLICA: ProjectDetailsInput = {
  ...TIZNIT_INCOME,
  title: {
    fr: 'Activités génératrices de revenus des femmes de Figuig (réplication)',
    ar: 'أنشطة مدرة للدخل لفائدة نساء فجيج (تكرار)',
    en: 'Income-generating activities for the women of Figuig (replication)',
  },
  participants: [
    { partyId: ACT.ministry, role: '1' },
    { partyId: ACT.agenceDeLOriental, role: '1' },
    { partyId: ASSOC.cooperativesFiguig, role: '4' },
  ],
  agreementId: null,
  locations: [{ area: geo('MA-FIG'), commune: 'Figuig', point: { lat: 32.1091, lon: -1.2286 } }],
  cofinancing: [
    { partyId: ACT.ministry, amount: mad(250_000) },
    { partyId: ACT.agenceDeLOriental, amount: mad(150_000) },
  ],
  milestones: [
    { milestoneId: 'first-sales', title: { fr: 'Premières ventes', en: 'First sales' }, due: '2017-12-31' },
  ],
  plannedStart: '2016-09-01',
  plannedEnd: '2018-12-31',
};

/** Every step of the Partnerships demo, in the order it must be applied. */
export function partnershipsDemoSteps(): PartnershipsDemoStep[] {
  const steps: PartnershipsDemoStep[] = [];
  const { officer, officer2, migrationsEtDeveloppement: md } = PARTNERSHIPS_DEMO_ACTORS;
  const metadata = (actor: PartnershipsDemoActor, now: string, ...parts: string[]): CommandMetadata => ({
    commandId: ['demo', 'partnerships', ...parts].join(':'),
    actor: { id: actor.id, roles: [...actor.roles] },
    now,
  });
  const add = <S extends PartnershipsDemoStep>(step: S) => steps.push(step);

  // ---- programmes (Funding's envelopes name them) ----
  const icmd = IDS.programmes.icmdPhase2;
  add({
    aggregate: 'programme',
    id: icmd,
    command: {
      type: 'DefineProgramme',
      data: {
        programmeId: icmd,
        name: {
          fr: 'Initiative conjointe migration et développement (ICMD), phase 2',
          ar: 'المبادرة المشتركة للهجرة والتنمية، المرحلة الثانية',
          en: 'Joint Migration and Development Initiative (JMDI), phase 2',
        },
        description: {
          fr: 'Initiative conjointe avec l’OIM : USD 500 000 pour le Maroc, deux subventions de USD 250 000 après sélection nationale et internationale.',
          en: 'Joint initiative with IOM: USD 500,000 for Morocco, two grants of USD 250,000 after national and international selection.',
        },
        partnerId: ACT.iom,
        funderIds: [ACT.iom],
        budget: [money(500_000, 'USD')],
        period: { start: '2014-01-01', end: '2015-12-31' },
      },
      metadata: metadata(officer, '2014-01-06T09:00:00Z', 'DefineProgramme', icmd),
    },
  });
  const eu = IDS.programmes.euMobilityPartnership;
  add({
    aggregate: 'programme',
    id: eu,
    command: {
      type: 'DefineProgramme',
      data: {
        programmeId: eu,
        name: {
          fr: 'Projet du partenariat pour la mobilité UE-Maroc',
          ar: 'مشروع الشراكة من أجل التنقل بين الاتحاد الأوروبي والمغرب',
          en: 'EU-Morocco mobility partnership project',
        },
        description: {
          fr: 'EUR 5 000 000 sur trois ans à partir de 2014, pour répliquer les projets réussis dans d’autres régions.',
          en: 'EUR 5,000,000 over three years from 2014, to replicate successful projects in other regions.',
        },
        partnerId: ACT.europeanUnion,
        funderIds: [ACT.europeanUnion],
        budget: [money(5_000_000, 'EUR')],
        period: { start: '2014-01-01', end: '2016-12-31' },
      },
      metadata: metadata(officer, '2014-01-06T09:30:00Z', 'DefineProgramme', eu),
    },
  });

  // ---- the Souss-Massa convention: drafted, signed by every party, then renewed by amendment ----
  const agreementId = IDS.agreements.soussMassaWater;
  const agreement = (command: AgreementCommand) => add({ aggregate: 'agreement', id: agreementId, command });
  agreement({
    type: 'DraftAgreement',
    data: {
      agreementId,
      object: {
        fr: 'Convention de partenariat pour l’eau potable, l’électrification et les activités génératrices de revenus dans la région de Souss-Massa',
        ar: 'اتفاقية شراكة من أجل الماء الصالح للشرب والكهربة والأنشطة المدرة للدخل بجهة سوس ماسة',
        en: 'Partnership agreement for drinking water, electrification and income-generating activities in the Souss-Massa region',
      },
      parties: [
        party(
          ACT.ministry,
          'ministry',
          ['funding', 'accountable'],
          [{ kind: 'money', amount: mad(1_900_000) }],
        ),
        party(
          ACT.agenceDuSud,
          'development-agency',
          ['funding'],
          [{ kind: 'money', amount: mad(1_000_000) }],
        ),
        party(
          ACT.criSoussMassa,
          'regional-investment-centre',
          ['technical'],
          [
            {
              kind: 'in-kind',
              description: {
                fr: 'Accompagnement des coopératives et guichet unique',
                en: 'Coaching of the cooperatives and one-stop shop',
              },
            },
          ],
        ),
        party(
          ACT.regionalCouncilSoussMassa,
          'elected-council',
          ['funding', 'extending'],
          [{ kind: 'money', amount: mad(500_000) }],
        ),
        party(
          ASSOC.migrationsEtDeveloppement,
          'association',
          ['implementing'],
          [{ kind: 'money', amount: mad(650_000) }],
        ),
      ],
      startDate: '2014-09-01',
      endDate: '2017-12-31',
      sectors: ['14030', '23630', '31120'],
      regions: [geo('MA-09')],
    },
    metadata: metadata(officer, '2014-06-10T10:00:00Z', 'DraftAgreement', agreementId),
  });
  agreement({
    type: 'SubmitAgreementForSignature',
    data: { agreementId },
    metadata: metadata(officer, '2014-07-01T10:00:00Z', 'SubmitAgreementForSignature', agreementId),
  });
  const signatures: [string, string][] = [
    [ACT.ministry, '2014-07-15'],
    [ACT.agenceDuSud, '2014-07-22'],
    [ACT.criSoussMassa, '2014-07-24'],
    [ACT.regionalCouncilSoussMassa, '2014-07-28'],
    [ASSOC.migrationsEtDeveloppement, '2014-07-30'],
  ];
  for (const [partyId, signedOn] of signatures) {
    const signer = partyId === ASSOC.migrationsEtDeveloppement ? md : officer;
    agreement({
      type: 'SignAgreement',
      data: { agreementId, partyId, signedOn },
      metadata: metadata(signer, `${signedOn}T11:00:00Z`, 'SignAgreement', agreementId, partyId),
    });
  }
  const renewal = 'amendment-1-renewal-2018';
  agreement({
    type: 'RenewAgreement',
    data: {
      agreementId,
      amendmentId: renewal,
      newEndDate: '2018-06-30',
      reason: 'The power lines of the second commune were delayed by the grid operator’s works.',
    },
    metadata: metadata(officer, '2017-10-02T09:00:00Z', 'RenewAgreement', agreementId, renewal),
  });
  signatures.forEach(([partyId], i) => {
    const signedOn = `2017-10-${String(10 + i).padStart(2, '0')}`;
    const signer = partyId === ASSOC.migrationsEtDeveloppement ? md : officer;
    agreement({
      type: 'SignAmendment',
      data: { agreementId, amendmentId: renewal, partyId, signedOn },
      metadata: metadata(signer, `${signedOn}T11:00:00Z`, 'SignAmendment', agreementId, renewal, partyId),
    });
  });

  // ---- the Taroudant project, implementation, results and their updates ----
  const taroudant = IDS.projects.taroudantWater;
  const project = (id: string, command: ProjectCommand) => add({ aggregate: 'project', id, command });
  const results = (id: string, command: ResultsCommand) => add({ aggregate: 'projectResults', id, command });
  project(taroudant, {
    type: 'OpenProject',
    data: { projectId: taroudant, carrierId: ASSOC.migrationsEtDeveloppement, ...TAROUDANT_WATER },
    metadata: metadata(officer, '2014-08-05T09:00:00Z', 'OpenProject', taroudant),
  });
  project(taroudant, {
    type: 'ChangeProjectStatus',
    data: { projectId: taroudant, status: '2' },
    metadata: metadata(officer, '2015-03-02T09:00:00Z', 'ChangeProjectStatus', taroudant, '2'),
  });
  project(taroudant, {
    type: 'PublishProject',
    data: { projectId: taroudant },
    metadata: metadata(officer, '2015-03-10T09:00:00Z', 'PublishProject', taroudant),
  });
  project(taroudant, {
    type: 'ReachMilestone',
    data: { projectId: taroudant, milestoneId: 'studies', reachedOn: '2015-09-18' },
    metadata: metadata(officer, '2015-09-21T09:00:00Z', 'ReachMilestone', taroudant, 'studies'),
  });
  const period = { start: TAROUDANT_WATER.plannedStart, end: TAROUDANT_WATER.plannedEnd };
  results(taroudant, {
    type: 'DefineResult',
    data: {
      projectId: taroudant,
      resultId: 'access-to-water',
      level: 'outcome',
      title: {
        fr: 'Les foyers des douars ont l’eau potable à domicile',
        ar: 'تتوفر أسر الدواوير على الماء الصالح للشرب في منازلها',
        en: 'Village households have drinking water at home',
      },
    },
    metadata: metadata(officer, '2015-03-03T09:00:00Z', 'DefineResult', taroudant, 'access-to-water'),
  });
  results(taroudant, {
    type: 'DefineIndicator',
    data: {
      projectId: taroudant,
      resultId: 'access-to-water',
      indicatorId: 'households-connected',
      title: {
        fr: 'Foyers raccordés au réseau d’eau potable',
        ar: 'الأسر المرتبطة بشبكة الماء الصالح للشرب',
        en: 'Households connected to drinking water',
      },
      measure: 'unit',
      unit: 'households',
      ascending: true,
      aggregation: 'cumulative',
      baseline: { year: 2015, value: 0 },
      targets: [
        { periodStart: '2015-03-01', periodEnd: '2015-12-31', value: 120 },
        { periodStart: '2016-01-01', periodEnd: '2016-12-31', value: 300 },
        { periodStart: '2017-01-01', periodEnd: '2017-12-31', value: 450 },
      ],
      projectPeriod: period,
    },
    metadata: metadata(officer, '2015-03-03T09:10:00Z', 'DefineIndicator', taroudant, 'households-connected'),
  });
  results(taroudant, {
    type: 'DefineIndicator',
    data: {
      projectId: taroudant,
      resultId: 'access-to-water',
      indicatorId: 'villages-electrified',
      title: {
        fr: 'Part des douars électrifiés',
        ar: 'نسبة الدواوير المكهربة',
        en: 'Share of villages electrified',
      },
      measure: 'percentage',
      ascending: true,
      aggregation: 'cumulative',
      baseline: { year: 2015, value: 20 },
      targets: [{ periodStart: '2017-01-01', periodEnd: '2017-12-31', value: 100 }],
      projectPeriod: period,
    },
    metadata: metadata(officer, '2015-03-03T09:20:00Z', 'DefineIndicator', taroudant, 'villages-electrified'),
  });
  // 2015 and 2016: entered by the association, approved by an officer; 2017: entered by the first
  // officer and left pending, for the second officer to approve (four eyes).
  const updates: {
    updateId: string;
    periodStart: string;
    periodEnd: string;
    value: number;
    by: PartnershipsDemoActor;
    at: string;
    approve: boolean;
  }[] = [
    {
      updateId: 'hh-2015-q4',
      periodStart: '2015-03-01',
      periodEnd: '2015-12-31',
      value: 110,
      by: md,
      at: '2016-01-12T10:00:00Z',
      approve: true,
    },
    {
      updateId: 'hh-2016-h1',
      periodStart: '2016-01-01',
      periodEnd: '2016-12-31',
      value: 190,
      by: md,
      at: '2016-07-08T10:00:00Z',
      approve: true,
    },
    {
      updateId: 'hh-2016-h2',
      periodStart: '2016-01-01',
      periodEnd: '2016-12-31',
      value: 285,
      by: md,
      at: '2017-01-10T10:00:00Z',
      approve: true,
    },
    {
      updateId: 'hh-2017',
      periodStart: '2017-01-01',
      periodEnd: '2017-12-31',
      value: 410,
      by: officer,
      at: '2017-12-20T10:00:00Z',
      approve: false,
    },
  ];
  for (const update of updates) {
    // The water was turned on between the two 2016 counts (the project's stream stays in time order).
    if (update.updateId === 'hh-2016-h2')
      project(taroudant, {
        type: 'ReachMilestone',
        data: { projectId: taroudant, milestoneId: 'water-on', reachedOn: '2016-11-25' },
        metadata: metadata(officer, '2016-11-28T09:00:00Z', 'ReachMilestone', taroudant, 'water-on'),
      });
    // The evidence is a document of the project first: updates cite what the project holds.
    const evidence = PARTNERSHIPS_DEMO_DOCUMENTS[update.updateId];
    project(taroudant, {
      type: 'AttachProjectDocument',
      data: {
        projectId: taroudant,
        sha256: evidence.sha256,
        name: evidence.name,
        mediaType: evidence.mediaType,
        size: Buffer.byteLength(evidence.content, 'utf8'),
        kind: 'progress-report',
      },
      metadata: metadata(
        update.by,
        update.at.replace('T10', 'T09'),
        'AttachProjectDocument',
        taroudant,
        update.updateId,
      ),
    });
    results(taroudant, {
      type: 'SubmitIndicatorUpdate',
      data: {
        projectId: taroudant,
        updateId: update.updateId,
        indicatorId: 'households-connected',
        periodStart: update.periodStart,
        periodEnd: update.periodEnd,
        value: update.value,
        evidence: [
          {
            sha256: PARTNERSHIPS_DEMO_DOCUMENTS[update.updateId].sha256,
            name: PARTNERSHIPS_DEMO_DOCUMENTS[update.updateId].name,
          },
        ],
        comment: 'Count of the water committee’s subscribers, checked on site.',
      },
      metadata: metadata(update.by, update.at, 'SubmitIndicatorUpdate', taroudant, update.updateId),
    });
    if (update.approve)
      results(taroudant, {
        type: 'ApproveIndicatorUpdate',
        data: { projectId: taroudant, updateId: update.updateId },
        metadata: metadata(
          officer2,
          update.at.replace('T10', 'T15'),
          'ApproveIndicatorUpdate',
          taroudant,
          update.updateId,
        ),
      });
  }

  // ---- Tiznit: finalised, then proposed for the Oriental, where its replica opens ----
  const tiznit = IDS.projects.tiznitIncome;
  const figuig = IDS.projects.figuigIncome;
  project(tiznit, {
    type: 'OpenProject',
    data: { projectId: tiznit, carrierId: ASSOC.migrationsEtDeveloppement, ...TIZNIT_INCOME },
    metadata: metadata(officer, '2014-08-20T09:00:00Z', 'OpenProject', tiznit),
  });
  const tiznitStatus = (status: '2' | '3', at: string) =>
    project(tiznit, {
      type: 'ChangeProjectStatus',
      data: { projectId: tiznit, status },
      metadata: metadata(officer, at, 'ChangeProjectStatus', tiznit, status),
    });
  tiznitStatus('2', '2014-09-01T09:00:00Z');
  project(tiznit, {
    type: 'PublishProject',
    data: { projectId: tiznit },
    metadata: metadata(officer, '2014-09-02T09:00:00Z', 'PublishProject', tiznit),
  });
  project(tiznit, {
    type: 'ReachMilestone',
    data: { projectId: tiznit, milestoneId: 'first-sales', reachedOn: '2015-11-14' },
    metadata: metadata(officer, '2015-11-16T09:00:00Z', 'ReachMilestone', tiznit, 'first-sales'),
  });
  tiznitStatus('3', '2016-06-30T09:00:00Z');
  project(tiznit, {
    type: 'ProposeReplication',
    data: { projectId: tiznit, replicaProjectId: figuig, region: geo('MA-02') },
    metadata: metadata(officer, '2016-07-04T09:00:00Z', 'ProposeReplication', tiznit, figuig),
  });
  project(figuig, {
    type: 'OpenProject',
    data: {
      projectId: figuig,
      carrierId: ASSOC.cooperativesFiguig,
      replicationOf: tiznit,
      ...FIGUIG_REPLICA,
    },
    metadata: metadata(officer, '2016-07-18T09:00:00Z', 'OpenProject', figuig),
  });

  // ---- mediation: one request answered and closed, one waiting in the officer's queue ----
  const datePalm = IDS.requests.figuigDatePalm;
  const request = (id: string, command: SupportRequestCommand) =>
    add({ aggregate: 'supportRequest', id, command });
  request(datePalm, {
    type: 'RequestSupport',
    data: {
      requestId: datePalm,
      requesterId: ASSOC.cooperativesFiguig,
      projectId: null,
      kind: 'technical',
      subject: 'Unité de conditionnement des dattes',
      description:
        'Nous cherchons un appui technique pour dimensionner une unité de conditionnement des dattes de l’oasis.',
    },
    metadata: metadata(officer, '2016-02-03T09:00:00Z', 'RequestSupport', datePalm),
  });
  request(datePalm, {
    type: 'AssignSupportRequest',
    data: { requestId: datePalm, officerId: officer.id },
    metadata: metadata(officer, '2016-02-04T09:00:00Z', 'AssignSupportRequest', datePalm),
  });
  request(datePalm, {
    type: 'AnswerSupportRequest',
    data: {
      requestId: datePalm,
      answer: {
        kind: 'introduction',
        actorId: ACT.agenceDeLOriental,
        note: 'L’Agence de l’Oriental finance des études de filière : nous vous mettons en relation.',
      },
    },
    metadata: metadata(officer, '2016-02-11T09:00:00Z', 'AnswerSupportRequest', datePalm),
  });
  request(datePalm, {
    type: 'CloseSupportRequest',
    data: { requestId: datePalm, note: 'Étude lancée avec l’Agence.' },
    metadata: metadata(officer, '2016-03-15T09:00:00Z', 'CloseSupportRequest', datePalm),
  });
  const fundraising = IDS.requests.alpAtlasFundraising;
  request(fundraising, {
    type: 'RequestSupport',
    data: {
      requestId: fundraising,
      requesterId: ASSOC.alpAtlas,
      projectId: null,
      kind: 'financial',
      subject: 'Cofinancement d’une école de village',
      description: 'Quels appels et quels partenaires pour cofinancer la rénovation d’une école de douar ?',
    },
    metadata: metadata(officer, '2017-11-20T09:00:00Z', 'RequestSupport', fundraising),
  });
  return steps;
}
