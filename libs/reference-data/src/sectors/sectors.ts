import { ReferenceDataError } from '../errors';
import { LocalizedNames } from '../languages/languages';

export const SECTOR_CATEGORIES = [
  'water',
  'energy',
  'health',
  'education',
  'transport',
  'economy',
  'agriculture',
  'migration',
  'governance',
  'culture',
  'multisector',
  'humanitarian',
] as const;
export type SectorCategory = (typeof SECTOR_CATEGORIES)[number];

/** An OECD DAC (CRS) purpose code: five digits, the first three being the DAC sector. */
export type Sector = {
  readonly code: string;
  readonly category: SectorCategory;
  readonly names: LocalizedNames;
};

export class UnknownSector extends ReferenceDataError {
  readonly code = 'UNKNOWN_SECTOR';
  constructor(readonly sectorCode: unknown) {
    super(`${JSON.stringify(sectorCode)} is not a supported OECD DAC purpose code`);
  }
}

const sector = (code: string, category: SectorCategory, names: LocalizedNames): Sector => ({
  code,
  category,
  names,
});

/** The purpose codes the programme's projects fall under (CRS list; English names as published by the OECD). */
export const SECTORS: readonly Sector[] = [
  sector('11120', 'education', {
    ar: 'المرافق التعليمية والتكوين',
    fr: 'Équipements scolaires et formation',
    en: 'Education facilities and training',
  }),
  sector('11220', 'education', {
    ar: 'التعليم الابتدائي',
    fr: 'Enseignement primaire',
    en: 'Primary education',
  }),
  sector('11230', 'education', {
    ar: 'المهارات الحياتية الأساسية للكبار',
    fr: 'Compétences de base pour les adultes',
    en: 'Basic life skills for adults',
  }),
  sector('11330', 'education', {
    ar: 'التكوين المهني',
    fr: 'Formation professionnelle',
    en: 'Vocational training',
  }),
  sector('12220', 'health', {
    ar: 'الرعاية الصحية الأساسية',
    fr: 'Soins et services de santé de base',
    en: 'Basic health care',
  }),
  sector('12230', 'health', {
    ar: 'البنية التحتية الصحية الأساسية',
    fr: 'Infrastructure pour la santé de base',
    en: 'Basic health infrastructure',
  }),
  sector('12240', 'health', { ar: 'التغذية الأساسية', fr: 'Nutrition de base', en: 'Basic nutrition' }),
  sector('14020', 'water', {
    ar: 'الماء والتطهير: الأنظمة الكبرى',
    fr: "Distribution d'eau et assainissement : systèmes à grande échelle",
    en: 'Water supply and sanitation - large systems',
  }),
  sector('14030', 'water', {
    ar: 'التزويد الأساسي بالماء الصالح للشرب والتطهير الأساسي',
    fr: "Distribution d'eau potable de base et assainissement de base",
    en: 'Basic drinking water supply and basic sanitation',
  }),
  sector('14031', 'water', {
    ar: 'التزويد الأساسي بالماء الصالح للشرب',
    fr: "Distribution d'eau potable de base",
    en: 'Basic drinking water supply',
  }),
  sector('14032', 'water', { ar: 'التطهير الأساسي', fr: 'Assainissement de base', en: 'Basic sanitation' }),
  sector('15112', 'governance', {
    ar: 'اللامركزية ودعم الجماعات الترابية',
    fr: 'Décentralisation et soutien aux administrations infranationales',
    en: 'Decentralisation and support to subnational government',
  }),
  sector('15150', 'governance', {
    ar: 'المشاركة الديمقراطية والمجتمع المدني',
    fr: 'Participation démocratique et société civile',
    en: 'Democratic participation and civil society',
  }),
  sector('15170', 'governance', {
    ar: 'منظمات وحركات حقوق المرأة والمؤسسات الحكومية',
    fr: 'Organisations et mouvements de défense des droits des femmes, et institutions gouvernementales',
    en: "Women's rights organisations and movements, and government institutions",
  }),
  sector('15190', 'migration', {
    ar: 'تيسير الهجرة والتنقل بشكل منظم وآمن ونظامي ومسؤول',
    fr: 'Faciliter la migration et la mobilité de façon ordonnée, sûre, régulière et responsable',
    en: 'Facilitation of orderly, safe, regular and responsible migration and mobility',
  }),
  sector('16020', 'economy', { ar: 'إحداث فرص الشغل', fr: "Création d'emplois", en: 'Employment creation' }),
  sector('16061', 'culture', {
    ar: 'الثقافة والترفيه',
    fr: 'Culture et loisirs',
    en: 'Culture and recreation',
  }),
  sector('21020', 'transport', { ar: 'النقل الطرقي', fr: 'Transport routier', en: 'Road transport' }),
  sector('23231', 'energy', {
    ar: 'الطاقة الشمسية للشبكات المعزولة والأنظمة المستقلة',
    fr: 'Énergie solaire pour réseaux isolés et systèmes autonomes',
    en: 'Solar energy for isolated grids and standalone systems',
  }),
  sector('23630', 'energy', {
    ar: 'نقل وتوزيع الكهرباء عبر الشبكات المركزية',
    fr: "Transport et distribution d'électricité (réseaux centralisés)",
    en: 'Electric power transmission and distribution (centralised grids)',
  }),
  sector('23631', 'energy', {
    ar: 'نقل وتوزيع الكهرباء عبر الشبكات الصغيرة المعزولة',
    fr: "Transport et distribution d'électricité (mini-réseaux isolés)",
    en: 'Electric power transmission and distribution (isolated mini-grids)',
  }),
  sector('24050', 'migration', {
    ar: 'تيسير التحويلات المالية وتشجيعها وتحسينها',
    fr: 'Facilitation, promotion et optimisation des envois de fonds',
    en: 'Remittance facilitation, promotion and optimisation',
  }),
  sector('25030', 'economy', {
    ar: 'خدمات تنمية المقاولات',
    fr: 'Services de développement des entreprises',
    en: 'Business development services',
  }),
  sector('31120', 'agriculture', {
    ar: 'التنمية الفلاحية',
    fr: 'Développement agricole',
    en: 'Agricultural development',
  }),
  sector('31140', 'agriculture', {
    ar: 'الموارد المائية الفلاحية',
    fr: 'Ressources en eau à usage agricole',
    en: 'Agricultural water resources',
  }),
  sector('31194', 'agriculture', {
    ar: 'التعاونيات الفلاحية',
    fr: 'Coopératives agricoles',
    en: 'Agricultural co-operatives',
  }),
  sector('32130', 'economy', {
    ar: 'تنمية المقاولات الصغرى والمتوسطة',
    fr: 'Développement des petites et moyennes entreprises (PME)',
    en: 'Small and medium-sized enterprises (SME) development',
  }),
  sector('43040', 'multisector', {
    ar: 'التنمية القروية',
    fr: 'Développement rural',
    en: 'Rural development',
  }),
  sector('72010', 'humanitarian', {
    ar: 'المساعدات والخدمات الإغاثية المادية',
    fr: 'Assistance matérielle et services de secours',
    en: 'Material relief assistance and services',
  }),
];

const sectors = new Map(SECTORS.map((s) => [s.code, s]));

/** Every code the platform accepts, for the API's document. */
export const SECTOR_CODES: readonly string[] = SECTORS.map((s) => s.code);

export const isSectorCode = (value: unknown): value is string =>
  typeof value === 'string' && sectors.has(value);

export const findSector = (code: string): Sector | undefined => sectors.get(code);

export const parseSectorCode = (value: unknown): string => {
  if (!isSectorCode(value)) throw new UnknownSector(value);
  return value;
};

export const sectorsIn = (category: SectorCategory): readonly Sector[] =>
  SECTORS.filter((s) => s.category === category);
