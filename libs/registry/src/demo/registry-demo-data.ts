import { Actor, CommandMetadata } from '@tadamon/eventsourcing';
import { CURRENT_REGIONS, GeoCode, Money, money, SCHEME_2015 } from '@tadamon/reference-data';
import { AssociationCommand, AssociationProfileInput } from '../domain/association/association';
import { ActorCommand, RegisterActor } from '../domain/actor/actor';
import { ConsentPurpose, ContactRole, LegalBasis } from '../domain/contact-person/contact-person';
import { NetworkCommand } from '../domain/network/network';
import { RegionalNeedCommand, RegionalNeedDetails } from '../domain/regional-need/regional-need';

/**
 * The Registry's demo data (shared/DOMAIN.md, "Demo data") as plain domain commands. Every command
 * is idempotent and its commandId derives from what it does, so a seeder may apply the whole list
 * at every start: the second time every decider returns [].
 */

export type RegistryDemoStep =
  | { aggregate: 'association'; command: AssociationCommand }
  | { aggregate: 'actor'; command: ActorCommand }
  | { aggregate: 'network'; command: NetworkCommand }
  | { aggregate: 'regionalNeed'; command: RegionalNeedCommand };

/** A contact person of the demo, in clear: the seeder seals `card` with the personal-data cipher. */
export type DemoContactPerson = {
  subjectId: string;
  associationId: string;
  role: ContactRole;
  card: { fullName: string; email?: string; phone?: string; preferredLanguage?: 'ar' | 'fr' | 'en' };
  consents: { purpose: ConsentPurpose; legalBasis: LegalBasis }[];
};

/** Who the demo's events are recorded as: a system identity, never a person's account. */
export const DEMO_SEED_ACTOR: Actor = { id: 'system-demo-seed', roles: ['officer'] };

/** One Regional Investment Centre per 2015 region; the slug makes its stable id. */
const CRI_SLUGS: Readonly<Record<string, string>> = {
  'MA-01': 'tanger-tetouan-al-hoceima',
  'MA-02': 'oriental',
  'MA-03': 'fes-meknes',
  'MA-04': 'rabat-sale-kenitra',
  'MA-05': 'beni-mellal-khenifra',
  'MA-06': 'casablanca-settat',
  'MA-07': 'marrakech-safi',
  'MA-08': 'draa-tafilalet',
  'MA-09': 'souss-massa',
  'MA-10': 'guelmim-oued-noun',
  'MA-11': 'laayoune-sakia-el-hamra',
  'MA-12': 'dakhla-oued-ed-dahab',
};

export const REGISTRY_DEMO_IDS = {
  associations: {
    migrationsEtDeveloppement: 'assoc-migrations-et-developpement',
    alpAtlas: 'assoc-alp-atlas',
    amdam: 'assoc-amdam',
    cooperativesFiguig: 'assoc-cooperatives-figuig',
    /** Fictional: left submitted so the officer's verification queue is not empty. */
    solidariteSoussBruxelles: 'assoc-solidarite-souss-bruxelles',
  },
  actors: {
    ministry: 'actor-ministry',
    iom: 'actor-iom',
    europeanUnion: 'actor-eu',
    agenceDuNord: 'actor-agence-du-nord',
    agenceDuSud: 'actor-agence-du-sud',
    agenceDeLOriental: 'actor-agence-de-l-oriental',
    agenceDeDeveloppementSocial: 'actor-agence-de-developpement-social',
    /** The elected council of the region, a party to the Partnerships demo's Souss-Massa convention. */
    regionalCouncilSoussMassa: 'actor-regional-council-souss-massa',
    /** The organisation of the demo partner user (apps/platform demo-users.ts). */
    criSoussMassa: 'actor-cri-souss-massa',
    criOriental: 'actor-cri-oriental',
  },
  /** Every CRI, by the ISO 3166-2 code (scheme iso3166-2:2015) of its region. */
  crisByRegion: {
    'MA-01': 'actor-cri-tanger-tetouan-al-hoceima',
    'MA-02': 'actor-cri-oriental',
    'MA-03': 'actor-cri-fes-meknes',
    'MA-04': 'actor-cri-rabat-sale-kenitra',
    'MA-05': 'actor-cri-beni-mellal-khenifra',
    'MA-06': 'actor-cri-casablanca-settat',
    'MA-07': 'actor-cri-marrakech-safi',
    'MA-08': 'actor-cri-draa-tafilalet',
    'MA-09': 'actor-cri-souss-massa',
    'MA-10': 'actor-cri-guelmim-oued-noun',
    'MA-11': 'actor-cri-laayoune-sakia-el-hamra',
    'MA-12': 'actor-cri-dakhla-oued-ed-dahab',
  },
  networks: {
    /** Fictional: the source names no network of the demo associations. */
    reseauAtlasMediterranee: 'network-atlas-mediterranee-codeveloppement',
  },
  needs: {
    drinkingWaterTiznit: 'need-souss-massa-eau-potable-tiznit',
    electrificationTata: 'need-souss-massa-electrification-tata',
    incomeGenerationChtouka: 'need-souss-massa-agr-chtouka-ait-baha',
    ruralRoadsTaroudant: 'need-souss-massa-pistes-rurales-taroudant',
    healthDispensaries: 'need-souss-massa-dispensaires-ruraux',
    electrificationTaroudant: 'need-souss-massa-electrification-taroudant',
  },
  contacts: {
    migrationsEtDeveloppement: 'person-demo-md-president',
    alpAtlas: 'person-demo-alp-atlas-secretary',
    amdam: 'person-demo-amdam-president',
    cooperativesFiguig: 'person-demo-figuig-project-manager',
    solidariteSoussBruxelles: 'person-demo-solidarite-souss-president',
  },
} as const;

const A = REGISTRY_DEMO_IDS.associations;
const ACT = REGISTRY_DEMO_IDS.actors;
const N = REGISTRY_DEMO_IDS.needs;
const C = REGISTRY_DEMO_IDS.contacts;

const geo = (code: string): GeoCode => ({ scheme: SCHEME_2015, code });
const mad = (amount: string): Money => money(amount, 'MAD');

// ---- associations ----

/*
 * The real associations carry only what the source and public knowledge establish; legal
 * registration numbers and member counts are unknown and left out rather than invented.
 */
const ASSOCIATIONS: readonly { associationId: string; profile: AssociationProfileInput; verify: boolean }[] =
  [
    {
      associationId: A.migrationsEtDeveloppement,
      verify: true,
      profile: {
        names: { ar: 'الهجرة والتنمية', fr: 'Migrations et Développement', en: 'Migration and Development' },
        acronym: 'M&D',
        hostCountries: ['FR'],
        hostCities: [{ country: 'FR', name: 'Marseille' }],
        originRegions: [geo('MA-09')],
        originProvinces: [geo('MA-TAR'), geo('MA-TIZ')],
        // drinking water, electricity grids, income generation (no DAC code of its own: employment
        // creation), migration
        sectors: ['14030', '23630', '16020', '15190'],
        website: 'https://www.migdev.org',
        // The source gives the year only; the profile takes a calendar date.
        foundedOn: '1986-01-01',
      },
    },
    {
      associationId: A.alpAtlas,
      verify: true,
      // The source gives the name and the host country only.
      profile: { names: { ar: 'ألب أطلس', fr: 'Alp Atlas', en: 'Alp Atlas' }, hostCountries: ['FR'] },
    },
    {
      associationId: A.amdam,
      verify: true,
      profile: {
        names: {
          ar: 'الجمعية الطبية للتنمية والمساعدة بالمغرب',
          fr: "Association médicale de développement et d'assistance au Maroc",
          en: 'Medical Association for Development and Assistance in Morocco',
        },
        acronym: 'AMDAM',
        // Assumed: the source does not say where AMDAM is based, and a host country is required.
        hostCountries: ['FR'],
        // basic health care, basic health infrastructure
        sectors: ['12220', '12230'],
      },
    },
    {
      associationId: A.cooperativesFiguig,
      verify: true,
      profile: {
        names: {
          ar: 'التعاونيات الفلاحية بفجيج',
          fr: 'Coopératives agricoles de Figuig',
          en: 'Agricultural Cooperatives of Figuig',
        },
        // Assumed: the cooperatives work in Figuig; the record needs a host country, taken as the
        // country of the Figuig diaspora that backs them.
        hostCountries: ['FR'],
        originRegions: [geo('MA-02')],
        originProvinces: [geo('MA-FIG')],
        // agricultural co-operatives, agricultural development, agricultural water resources
        sectors: ['31194', '31120', '31140'],
      },
    },
    {
      // Fictional association, not from the source: left submitted for the officer's queue.
      associationId: A.solidariteSoussBruxelles,
      verify: false,
      profile: {
        names: {
          ar: 'جمعية التضامن سوس بروكسل',
          fr: 'Solidarité Souss Bruxelles',
          en: 'Souss Solidarity Brussels',
        },
        hostCountries: ['BE'],
        hostCities: [{ country: 'BE', name: 'Bruxelles' }],
        originRegions: [geo('MA-09')],
        originProvinces: [geo('MA-CHT')],
        // primary education, basic health care
        sectors: ['11220', '12220'],
        membersCount: 35,
        foundedOn: '2019-03-15',
      },
    },
  ];

// ---- actors ----

type ActorRegistration = RegisterActor['data'];

const ALL_REGIONS = CURRENT_REGIONS.map((r) => geo(r.code));

const cri = (regionCode: string): ActorRegistration => {
  const region = CURRENT_REGIONS.find((r) => r.code === regionCode);
  if (!region) throw new Error(`no region ${regionCode}`);
  return {
    actorId: `actor-cri-${CRI_SLUGS[regionCode]}`,
    kind: 'regional-investment-centre',
    names: {
      ar: `المركز الجهوي للاستثمار لجهة ${region.names.ar}`,
      fr: `Centre régional d'investissement ${regionCode === 'MA-02' ? "de l'Oriental" : region.names.fr}`,
      en: `${region.names.en} Regional Investment Centre`,
    },
    regions: [geo(regionCode)],
    // business development services, SME development
    sectors: ['25030', '32130'],
  };
};

const ACTORS: readonly ActorRegistration[] = [
  {
    actorId: ACT.ministry,
    kind: 'ministry',
    // The ministry's exact title changed with governments: the lasting designation.
    names: {
      ar: 'الوزارة المكلفة بالمغاربة المقيمين بالخارج',
      fr: "Ministère chargé des Marocains résidant à l'étranger",
      en: 'Ministry in charge of Moroccans Living Abroad',
    },
    regions: [], // national
    sectors: ['15190', '24050', '15150'],
  },
  {
    actorId: ACT.iom,
    kind: 'funder',
    names: {
      ar: 'المنظمة الدولية للهجرة',
      fr: 'Organisation internationale pour les migrations (OIM)',
      en: 'International Organization for Migration (IOM)',
    },
    regions: [],
    // migration, decentralisation (the ICMD works through local authorities)
    sectors: ['15190', '15112'],
  },
  {
    actorId: ACT.europeanUnion,
    kind: 'funder',
    names: { ar: 'الاتحاد الأوروبي', fr: 'Union européenne', en: 'European Union' },
    regions: [],
    sectors: ['15190'],
  },
  {
    actorId: ACT.agenceDuNord,
    kind: 'development-agency',
    names: {
      ar: 'وكالة إنعاش وتنمية أقاليم الشمال',
      fr: 'Agence pour la promotion et le développement du Nord (Agence du Nord)',
      en: 'Agency for the Promotion and Development of the North',
    },
    // Its provinces lie mostly in Tanger-Tétouan-Al Hoceïma; a profile lists regions, not provinces.
    regions: [geo('MA-01')],
    sectors: ['43040', '21020', '14030'],
  },
  {
    actorId: ACT.agenceDuSud,
    kind: 'development-agency',
    names: {
      ar: 'وكالة إنعاش وتنمية الأقاليم الجنوبية',
      fr: 'Agence pour la promotion et le développement du Sud (Agence du Sud)',
      en: 'Agency for the Promotion and Development of the South',
    },
    regions: [geo('MA-10'), geo('MA-11'), geo('MA-12')],
    sectors: ['43040', '14030', '21020'],
  },
  {
    actorId: ACT.agenceDeLOriental,
    kind: 'development-agency',
    names: {
      ar: 'وكالة إنعاش وتنمية جهة الشرق',
      fr: "Agence pour la promotion et le développement de l'Oriental (Agence de l'Oriental)",
      en: 'Agency for the Promotion and Development of the Oriental',
    },
    regions: [geo('MA-02')],
    sectors: ['43040', '31120', '32130'],
  },
  {
    actorId: ACT.agenceDeDeveloppementSocial,
    kind: 'development-agency',
    names: {
      ar: 'وكالة التنمية الاجتماعية',
      fr: 'Agence de Développement Social (ADS)',
      en: 'Social Development Agency (ADS)',
    },
    // National: every region listed, since a publisher may only publish needs in regions it lists.
    regions: ALL_REGIONS,
    sectors: ['43040', '16020', '15150'],
  },
  {
    actorId: ACT.regionalCouncilSoussMassa,
    kind: 'elected-council',
    names: {
      ar: 'مجلس جهة سوس ماسة',
      fr: 'Conseil de la Région Souss-Massa',
      en: 'Souss-Massa Regional Council',
    },
    regions: [geo('MA-09')],
    // decentralisation and support to subnational government, water supply, electricity
    sectors: ['15112', '14030', '23630'],
  },
  ...CURRENT_REGIONS.map((r) => cri(r.code)),
];

const CRI_SOUSS_MASSA = ACTORS.find((a) => a.actorId === ACT.criSoussMassa) as ActorRegistration;

// ---- network ----

const NETWORK = {
  networkId: REGISTRY_DEMO_IDS.networks.reseauAtlasMediterranee,
  kind: 'network' as const,
  // Fictional name: the source does not name a network of these associations.
  names: {
    ar: 'شبكة الأطلس والمتوسط للتنمية المشتركة',
    fr: 'Réseau Atlas-Méditerranée pour le codéveloppement',
    en: 'Atlas-Mediterranean Co-development Network',
  },
  members: [A.migrationsEtDeveloppement, A.alpAtlas],
};

// ---- regional needs ----

type DemoNeed = { readonly needId: string } & RegionalNeedDetails;

/*
 * Projects in Souss-Massa named by the source (drinking water, electrification, income-generating
 * activities, roads, health dispensaries). The source gives no budgets: these are illustrative.
 */
const NEEDS: readonly DemoNeed[] = [
  {
    needId: N.drinkingWaterTiznit,
    location: geo('MA-TIZ'),
    sector: '14030',
    priority: 'high',
    estimatedBudget: mad('3800000'),
    title: {
      ar: 'تزويد دواوير إقليم تيزنيت بالماء الصالح للشرب',
      fr: "Adduction d'eau potable de douars de la province de Tiznit",
      en: 'Drinking water supply for villages in Tiznit province',
    },
    description: {
      ar: 'ربط دواوير جبلية بشبكة الماء الصالح للشرب: تجهيز نقطة الماء وخزان ونافورات عمومية وربط فردي، مع جمعية للمستفيدين تتولى التدبير.',
      fr: "Raccordement de douars de montagne à l'eau potable : captage, réservoir, bornes-fontaines et branchements individuels, gérés par une association d'usagers.",
      en: "Connecting mountain villages to drinking water: catchment, reservoir, standpipes and household connections, managed by a water users' association.",
    },
  },
  {
    needId: N.electrificationTata,
    location: geo('MA-TAT'),
    sector: '23630',
    priority: 'high',
    estimatedBudget: mad('5200000'),
    title: {
      ar: 'ربط دواوير إقليم طاطا بالشبكة الكهربائية',
      fr: 'Électrification de douars de la province de Tata',
      en: 'Electrification of villages in Tata province',
    },
    description: {
      ar: 'ربط دواوير معزولة بالشبكة الكهربائية الوطنية: مد خطوط الجهد المتوسط والمنخفض وتركيب المحولات والربط المنزلي.',
      fr: 'Raccordement de douars isolés au réseau électrique national : lignes moyenne et basse tension, postes de transformation et branchements des foyers.',
      en: 'Connecting isolated villages to the national grid: medium- and low-voltage lines, transformer stations and household connections.',
    },
  },
  {
    needId: N.incomeGenerationChtouka,
    location: geo('MA-CHT'),
    sector: '16020',
    priority: 'medium',
    estimatedBudget: mad('1500000'),
    title: {
      ar: 'أنشطة مدرة للدخل لفائدة التعاونيات النسوية لإنتاج الأركان',
      fr: "Activités génératrices de revenus pour les coopératives féminines d'argan",
      en: "Income-generating activities for women's argan cooperatives",
    },
    description: {
      ar: 'تجهيز وحدات التحويل والتكوين في التدبير والتسويق وتيسير الولوج إلى الأسواق لفائدة تعاونيات نسوية بإقليم اشتوكة أيت باها.',
      fr: 'Équipement des unités de transformation, formation à la gestion et à la commercialisation, et accès aux marchés pour des coopératives féminines de la province de Chtouka-Aït Baha.',
      en: "Processing equipment, training in management and marketing, and market access for women's cooperatives in Chtouka-Ait Baha province.",
    },
  },
  {
    needId: N.ruralRoadsTaroudant,
    location: geo('MA-TAR'),
    sector: '21020',
    priority: 'medium',
    estimatedBudget: mad('9000000'),
    title: {
      ar: 'مسالك قروية لفك العزلة بإقليم تارودانت',
      fr: 'Pistes rurales de désenclavement dans la province de Taroudant',
      en: 'Rural roads to open up villages in Taroudant province',
    },
    description: {
      ar: 'تهيئة وتعبيد مسالك تربط دواوير جبلية بالطرق الإقليمية والمدارس والأسواق الأسبوعية.',
      fr: 'Aménagement et revêtement de pistes reliant des douars de montagne aux routes provinciales, aux écoles et aux souks.',
      en: 'Building and surfacing tracks that link mountain villages to provincial roads, schools and weekly markets.',
    },
  },
  {
    needId: N.healthDispensaries,
    location: geo('MA-09'),
    sector: '12230',
    priority: 'high',
    estimatedBudget: mad('4000000'),
    title: {
      ar: 'بناء وتجهيز مستوصفات قروية بجهة سوس ماسة',
      fr: 'Construction et équipement de dispensaires ruraux en Souss-Massa',
      en: 'Building and equipping rural health dispensaries in Souss-Massa',
    },
    description: {
      ar: 'بناء وتجهيز مستوصفات قروية في جماعات بعيدة عن المراكز الصحية، مع سكن للممرض.',
      fr: "Construction et équipement de dispensaires ruraux dans des communes éloignées des centres de santé, avec un logement pour l'infirmier.",
      en: 'Building and equipping rural dispensaries in communes far from health centres, with housing for the nurse.',
    },
  },
  {
    needId: N.electrificationTaroudant,
    location: geo('MA-TAR'),
    sector: '23630',
    priority: 'high',
    estimatedBudget: mad('2600000'),
    title: {
      ar: 'كهربة دواوير بإقليم تارودانت',
      fr: 'Électrification de douars de la province de Taroudant',
      en: 'Electrification of villages in Taroudant province',
    },
    description: {
      ar: 'ربط دواوير ينحدر منها أفراد من الجالية بالشبكة الكهربائية، بمساهمة السكان والمهاجرين في التمويل.',
      fr: "Raccordement au réseau électrique de douars d'origine de membres de la diaspora, avec la participation des villageois et des migrants au financement.",
      en: 'Connecting villages that diaspora members come from to the grid, with villagers and migrants sharing the cost.',
    },
  },
];

/** M&D's track record in village electrification makes it the match of the Taroudant need. */
const MATCHES: readonly { needId: string; associationIds: string[]; funderIds: string[] }[] = [
  { needId: N.electrificationTaroudant, associationIds: [A.migrationsEtDeveloppement], funderIds: [] },
];

// ---- contact persons ----

/** Fictional people (names and example.org addresses): no real person's data in the demo. */
export const REGISTRY_DEMO_CONTACTS: readonly DemoContactPerson[] = [
  {
    subjectId: C.migrationsEtDeveloppement,
    associationId: A.migrationsEtDeveloppement,
    role: 'president',
    card: {
      fullName: 'Youssef Aït Exemple',
      email: 'president@md.example.org',
      phone: '+33 4 00 00 00 01',
      preferredLanguage: 'fr',
    },
    consents: [
      { purpose: 'registry-contact', legalBasis: 'gdpr' },
      { purpose: 'programme-communications', legalBasis: 'gdpr' },
    ],
  },
  {
    subjectId: C.alpAtlas,
    associationId: A.alpAtlas,
    role: 'secretary-general',
    card: {
      fullName: 'Claire Démo-Benali',
      email: 'secretariat@alp-atlas.example.org',
      preferredLanguage: 'fr',
    },
    consents: [{ purpose: 'registry-contact', legalBasis: 'gdpr' }],
  },
  {
    subjectId: C.amdam,
    associationId: A.amdam,
    role: 'president',
    card: { fullName: 'Dr Nadia Exemple', email: 'contact@amdam.example.org', preferredLanguage: 'fr' },
    consents: [{ purpose: 'registry-contact', legalBasis: 'gdpr' }],
  },
  {
    // Lives in Figuig: Moroccan law 09-08 applies.
    subjectId: C.cooperativesFiguig,
    associationId: A.cooperativesFiguig,
    role: 'project-manager',
    card: {
      fullName: 'Brahim Ould Exemple',
      email: 'projets@cooperatives-figuig.example.org',
      phone: '+212 600 000 001',
      preferredLanguage: 'ar',
    },
    consents: [{ purpose: 'registry-contact', legalBasis: 'law-09-08' }],
  },
  {
    subjectId: C.solidariteSoussBruxelles,
    associationId: A.solidariteSoussBruxelles,
    role: 'president',
    card: {
      fullName: 'Fatima Zahra Démo',
      email: 'info@solidarite-souss.example.org',
      preferredLanguage: 'fr',
    },
    consents: [{ purpose: 'registry-contact', legalBasis: 'gdpr' }],
  },
];

// ---- steps ----

/**
 * The demo as commands, in the order they must be applied: actors, associations, their
 * verification, the network, then the needs and their match.
 */
export function registryDemoSteps(now: string): RegistryDemoStep[] {
  // Derived from the command itself: stable when steps are added or reordered.
  const metadata = (...parts: string[]): CommandMetadata => ({
    commandId: ['demo', 'registry', ...parts].join(':'),
    actor: { id: DEMO_SEED_ACTOR.id, roles: [...DEMO_SEED_ACTOR.roles] },
    now,
  });
  const steps: RegistryDemoStep[] = [];

  for (const data of ACTORS) {
    steps.push({
      aggregate: 'actor',
      command: { type: 'RegisterActor', data, metadata: metadata('RegisterActor', data.actorId) },
    });
  }

  for (const { associationId, profile } of ASSOCIATIONS) {
    steps.push({
      aggregate: 'association',
      command: {
        type: 'RegisterAssociation',
        data: { associationId, profile },
        metadata: metadata('RegisterAssociation', associationId),
      },
    });
  }
  for (const { associationId } of ASSOCIATIONS.filter((a) => a.verify)) {
    steps.push({
      aggregate: 'association',
      command: {
        type: 'VerifyAssociation',
        data: { associationId },
        metadata: metadata('VerifyAssociation', associationId),
      },
    });
  }

  const { networkId, kind, names, members } = NETWORK;
  steps.push({
    aggregate: 'network',
    command: {
      type: 'CreateNetwork',
      data: { networkId, kind, names },
      metadata: metadata('CreateNetwork', networkId),
    },
  });
  for (const associationId of members) {
    steps.push({
      aggregate: 'network',
      command: {
        type: 'AddNetworkMember',
        data: { networkId, associationId },
        metadata: metadata('AddNetworkMember', networkId, associationId),
      },
    });
  }

  for (const need of NEEDS) {
    steps.push({
      aggregate: 'regionalNeed',
      command: {
        type: 'PublishRegionalNeed',
        data: {
          ...need,
          publisherId: CRI_SOUSS_MASSA.actorId,
          // As the application layer does: read from the publisher's actor record.
          publisherKind: CRI_SOUSS_MASSA.kind,
          publisherRegions: CRI_SOUSS_MASSA.regions,
        },
        metadata: metadata('PublishRegionalNeed', need.needId),
      },
    });
  }
  for (const data of MATCHES) {
    steps.push({
      aggregate: 'regionalNeed',
      command: { type: 'MatchRegionalNeed', data, metadata: metadata('MatchRegionalNeed', data.needId) },
    });
  }
  // Copies: a caller that changes a command must not change the demo data.
  // A JSON copy, not structuredClone: under jest's VM a structured clone's objects have another
  // realm's prototypes, which canonical JSON (hashing) refuses as not plain.
  return JSON.parse(JSON.stringify(steps)) as RegistryDemoStep[];
}
