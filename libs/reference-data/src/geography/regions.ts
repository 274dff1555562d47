import { LocalizedNames } from '../languages/languages';

/** ISO 3166-2:MA as revised for the 2015 regionalisation (decree 2-15-40), and the scheme before it. */
export const SCHEME_2015 = 'iso3166-2:2015';
export const SCHEME_1997 = 'iso3166-2:1997';
export const GEO_SCHEMES = [SCHEME_2015, SCHEME_1997] as const;
export type GeoScheme = (typeof GEO_SCHEMES)[number];

export type Region<S extends GeoScheme = GeoScheme> = {
  readonly scheme: S;
  readonly code: string;
  readonly names: LocalizedNames;
};

const current = (code: string, names: LocalizedNames): Region<typeof SCHEME_2015> => ({
  scheme: SCHEME_2015,
  code,
  names,
});
const former = (code: string, names: LocalizedNames): Region<typeof SCHEME_1997> => ({
  scheme: SCHEME_1997,
  code,
  names,
});

/** The 12 regions of decree 2-15-40 (2015). */
export const CURRENT_REGIONS: readonly Region<typeof SCHEME_2015>[] = [
  current('MA-01', {
    ar: 'طنجة تطوان الحسيمة',
    fr: 'Tanger-Tétouan-Al Hoceïma',
    en: 'Tangier-Tetouan-Al Hoceima',
  }),
  current('MA-02', { ar: 'الشرق', fr: "L'Oriental", en: 'Oriental' }),
  current('MA-03', { ar: 'فاس مكناس', fr: 'Fès-Meknès', en: 'Fez-Meknes' }),
  current('MA-04', { ar: 'الرباط سلا القنيطرة', fr: 'Rabat-Salé-Kénitra', en: 'Rabat-Sale-Kenitra' }),
  current('MA-05', { ar: 'بني ملال خنيفرة', fr: 'Béni Mellal-Khénifra', en: 'Beni Mellal-Khenifra' }),
  current('MA-06', { ar: 'الدار البيضاء سطات', fr: 'Casablanca-Settat', en: 'Casablanca-Settat' }),
  current('MA-07', { ar: 'مراكش آسفي', fr: 'Marrakech-Safi', en: 'Marrakesh-Safi' }),
  current('MA-08', { ar: 'درعة تافيلالت', fr: 'Drâa-Tafilalet', en: 'Draa-Tafilalet' }),
  current('MA-09', { ar: 'سوس ماسة', fr: 'Souss-Massa', en: 'Souss-Massa' }),
  current('MA-10', { ar: 'كلميم واد نون', fr: 'Guelmim-Oued Noun', en: 'Guelmim-Oued Noun' }),
  current('MA-11', {
    ar: 'العيون الساقية الحمراء',
    fr: 'Laâyoune-Sakia El Hamra',
    en: 'Laayoune-Sakia El Hamra',
  }),
  current('MA-12', { ar: 'الداخلة وادي الذهب', fr: 'Dakhla-Oued Ed-Dahab', en: 'Dakhla-Oued Ed-Dahab' }),
];

/**
 * The 16 regions of 1997 with their ISO 3166-2 codes of that time. The same codes now name other
 * regions (MA-01 was Tanger-Tétouan, MA-13 Souss-Massa-Drâa): never read a code without its scheme.
 */
export const FORMER_REGIONS: readonly Region<typeof SCHEME_1997>[] = [
  former('MA-01', { ar: 'طنجة تطوان', fr: 'Tanger-Tétouan', en: 'Tangier-Tetouan' }),
  former('MA-02', {
    ar: 'الغرب الشراردة بني حسن',
    fr: 'Gharb-Chrarda-Béni Hssen',
    en: 'Gharb-Chrarda-Beni Hssen',
  }),
  former('MA-03', {
    ar: 'تازة الحسيمة تاونات',
    fr: 'Taza-Al Hoceïma-Taounate',
    en: 'Taza-Al Hoceima-Taounate',
  }),
  former('MA-04', { ar: 'الشرقية', fr: "L'Oriental", en: 'Oriental' }),
  former('MA-05', { ar: 'فاس بولمان', fr: 'Fès-Boulemane', en: 'Fez-Boulemane' }),
  former('MA-06', { ar: 'مكناس تافيلالت', fr: 'Meknès-Tafilalet', en: 'Meknes-Tafilalet' }),
  former('MA-07', {
    ar: 'الرباط سلا زمور زعير',
    fr: 'Rabat-Salé-Zemmour-Zaër',
    en: 'Rabat-Sale-Zemmour-Zaer',
  }),
  former('MA-08', { ar: 'الدار البيضاء الكبرى', fr: 'Grand Casablanca', en: 'Greater Casablanca' }),
  former('MA-09', { ar: 'الشاوية ورديغة', fr: 'Chaouia-Ouardigha', en: 'Chaouia-Ouardigha' }),
  former('MA-10', { ar: 'دكالة عبدة', fr: 'Doukkala-Abda', en: 'Doukkala-Abda' }),
  former('MA-11', {
    ar: 'مراكش تانسيفت الحوز',
    fr: 'Marrakech-Tensift-Al Haouz',
    en: 'Marrakesh-Tensift-Al Haouz',
  }),
  former('MA-12', { ar: 'تادلة أزيلال', fr: 'Tadla-Azilal', en: 'Tadla-Azilal' }),
  former('MA-13', { ar: 'سوس ماسة درعة', fr: 'Souss-Massa-Drâa', en: 'Souss-Massa-Draa' }),
  former('MA-14', { ar: 'كلميم السمارة', fr: 'Guelmim-Es Semara', en: 'Guelmim-Es Semara' }),
  former('MA-15', {
    ar: 'العيون بوجدور الساقية الحمراء',
    fr: 'Laâyoune-Boujdour-Sakia El Hamra',
    en: 'Laayoune-Boujdour-Sakia El Hamra',
  }),
  former('MA-16', { ar: 'وادي الذهب الكويرة', fr: 'Oued Ed-Dahab-Lagouira', en: 'Oued Ed-Dahab-Lagouira' }),
];
