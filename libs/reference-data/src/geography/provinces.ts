import { LocalizedNames } from '../languages/languages';
import { SCHEME_2015 } from './regions';

export type ProvinceKind = 'province' | 'prefecture';

/**
 * A province or prefecture of the 2015 scheme. `formerRegion` is the 1997-scheme region it belonged
 * to: the link that lands a project recorded under an old region code in today's region(s).
 */
export type Province = {
  readonly scheme: typeof SCHEME_2015;
  readonly code: string;
  readonly kind: ProvinceKind;
  readonly names: LocalizedNames;
  /** ISO 3166-2 code of the region, scheme iso3166-2:2015. */
  readonly region: string;
  /** ISO 3166-2 code of the region, scheme iso3166-2:1997. */
  readonly formerRegion: string;
};

const unit =
  (kind: ProvinceKind) =>
  (code: string, region: string, formerRegion: string, names: LocalizedNames): Province => ({
    scheme: SCHEME_2015,
    code,
    kind,
    names,
    region,
    formerRegion,
  });
const province = unit('province');
const prefecture = unit('prefecture');

/** The 75 provinces and prefectures, grouped by 2015 region. */
export const PROVINCES: readonly Province[] = [
  // MA-01 Tanger-Tétouan-Al Hoceïma
  prefecture('MA-TNG', 'MA-01', 'MA-01', { ar: 'طنجة أصيلة', fr: 'Tanger-Assilah', en: 'Tangier-Assilah' }),
  prefecture('MA-MDF', 'MA-01', 'MA-01', { ar: 'المضيق الفنيدق', fr: "M'diq-Fnideq", en: "M'diq-Fnideq" }),
  province('MA-FAH', 'MA-01', 'MA-01', { ar: 'الفحص أنجرة', fr: 'Fahs-Anjra', en: 'Fahs-Anjra' }),
  province('MA-TET', 'MA-01', 'MA-01', { ar: 'تطوان', fr: 'Tétouan', en: 'Tetouan' }),
  province('MA-LAR', 'MA-01', 'MA-01', { ar: 'العرائش', fr: 'Larache', en: 'Larache' }),
  province('MA-CHE', 'MA-01', 'MA-01', { ar: 'شفشاون', fr: 'Chefchaouen', en: 'Chefchaouen' }),
  province('MA-OUZ', 'MA-01', 'MA-01', { ar: 'وزان', fr: 'Ouezzane', en: 'Ouezzane' }),
  province('MA-HOC', 'MA-01', 'MA-03', { ar: 'الحسيمة', fr: 'Al Hoceïma', en: 'Al Hoceima' }),
  // MA-02 L'Oriental
  prefecture('MA-OUJ', 'MA-02', 'MA-04', { ar: 'وجدة أنكاد', fr: 'Oujda-Angad', en: 'Oujda-Angad' }),
  province('MA-BER', 'MA-02', 'MA-04', { ar: 'بركان', fr: 'Berkane', en: 'Berkane' }),
  province('MA-DRI', 'MA-02', 'MA-04', { ar: 'الدريوش', fr: 'Driouch', en: 'Driouch' }),
  province('MA-FIG', 'MA-02', 'MA-04', { ar: 'فجيج', fr: 'Figuig', en: 'Figuig' }),
  province('MA-GUF', 'MA-02', 'MA-03', { ar: 'جرسيف', fr: 'Guercif', en: 'Guercif' }),
  province('MA-JRA', 'MA-02', 'MA-04', { ar: 'جرادة', fr: 'Jerada', en: 'Jerada' }),
  province('MA-NAD', 'MA-02', 'MA-04', { ar: 'الناظور', fr: 'Nador', en: 'Nador' }),
  province('MA-TAI', 'MA-02', 'MA-04', { ar: 'تاوريرت', fr: 'Taourirt', en: 'Taourirt' }),
  // MA-03 Fès-Meknès
  prefecture('MA-FES', 'MA-03', 'MA-05', { ar: 'فاس', fr: 'Fès', en: 'Fez' }),
  prefecture('MA-MEK', 'MA-03', 'MA-06', { ar: 'مكناس', fr: 'Meknès', en: 'Meknes' }),
  province('MA-BOM', 'MA-03', 'MA-05', { ar: 'بولمان', fr: 'Boulemane', en: 'Boulemane' }),
  province('MA-HAJ', 'MA-03', 'MA-06', { ar: 'الحاجب', fr: 'El Hajeb', en: 'El Hajeb' }),
  province('MA-IFR', 'MA-03', 'MA-06', { ar: 'إفران', fr: 'Ifrane', en: 'Ifrane' }),
  province('MA-MOU', 'MA-03', 'MA-05', { ar: 'مولاي يعقوب', fr: 'Moulay Yacoub', en: 'Moulay Yacoub' }),
  province('MA-SEF', 'MA-03', 'MA-05', { ar: 'صفرو', fr: 'Sefrou', en: 'Sefrou' }),
  province('MA-TAO', 'MA-03', 'MA-03', { ar: 'تاونات', fr: 'Taounate', en: 'Taounate' }),
  province('MA-TAZ', 'MA-03', 'MA-03', { ar: 'تازة', fr: 'Taza', en: 'Taza' }),
  // MA-04 Rabat-Salé-Kénitra
  prefecture('MA-RAB', 'MA-04', 'MA-07', { ar: 'الرباط', fr: 'Rabat', en: 'Rabat' }),
  prefecture('MA-SAL', 'MA-04', 'MA-07', { ar: 'سلا', fr: 'Salé', en: 'Sale' }),
  prefecture('MA-SKH', 'MA-04', 'MA-07', {
    ar: 'الصخيرات تمارة',
    fr: 'Skhirate-Témara',
    en: 'Skhirate-Temara',
  }),
  province('MA-KEN', 'MA-04', 'MA-02', { ar: 'القنيطرة', fr: 'Kénitra', en: 'Kenitra' }),
  province('MA-KHE', 'MA-04', 'MA-07', { ar: 'الخميسات', fr: 'Khémisset', en: 'Khemisset' }),
  province('MA-SIK', 'MA-04', 'MA-02', { ar: 'سيدي قاسم', fr: 'Sidi Kacem', en: 'Sidi Kacem' }),
  province('MA-SIL', 'MA-04', 'MA-02', { ar: 'سيدي سليمان', fr: 'Sidi Slimane', en: 'Sidi Slimane' }),
  // MA-05 Béni Mellal-Khénifra
  province('MA-BEM', 'MA-05', 'MA-12', { ar: 'بني ملال', fr: 'Béni Mellal', en: 'Beni Mellal' }),
  province('MA-AZI', 'MA-05', 'MA-12', { ar: 'أزيلال', fr: 'Azilal', en: 'Azilal' }),
  province('MA-FQH', 'MA-05', 'MA-12', {
    ar: 'الفقيه بن صالح',
    fr: 'Fquih Ben Salah',
    en: 'Fquih Ben Salah',
  }),
  province('MA-KHN', 'MA-05', 'MA-06', { ar: 'خنيفرة', fr: 'Khénifra', en: 'Khenifra' }),
  province('MA-KHO', 'MA-05', 'MA-09', { ar: 'خريبكة', fr: 'Khouribga', en: 'Khouribga' }),
  // MA-06 Casablanca-Settat
  prefecture('MA-CAS', 'MA-06', 'MA-08', { ar: 'الدار البيضاء', fr: 'Casablanca', en: 'Casablanca' }),
  prefecture('MA-MOH', 'MA-06', 'MA-08', { ar: 'المحمدية', fr: 'Mohammédia', en: 'Mohammedia' }),
  province('MA-BES', 'MA-06', 'MA-09', { ar: 'بنسليمان', fr: 'Benslimane', en: 'Benslimane' }),
  province('MA-BRR', 'MA-06', 'MA-09', { ar: 'برشيد', fr: 'Berrechid', en: 'Berrechid' }),
  province('MA-JDI', 'MA-06', 'MA-10', { ar: 'الجديدة', fr: 'El Jadida', en: 'El Jadida' }),
  province('MA-MED', 'MA-06', 'MA-08', { ar: 'مديونة', fr: 'Médiouna', en: 'Mediouna' }),
  province('MA-NOU', 'MA-06', 'MA-08', { ar: 'النواصر', fr: 'Nouaceur', en: 'Nouaceur' }),
  province('MA-SET', 'MA-06', 'MA-09', { ar: 'سطات', fr: 'Settat', en: 'Settat' }),
  province('MA-SIB', 'MA-06', 'MA-10', { ar: 'سيدي بنور', fr: 'Sidi Bennour', en: 'Sidi Bennour' }),
  // MA-07 Marrakech-Safi
  prefecture('MA-MAR', 'MA-07', 'MA-11', { ar: 'مراكش', fr: 'Marrakech', en: 'Marrakesh' }),
  province('MA-CHI', 'MA-07', 'MA-11', { ar: 'شيشاوة', fr: 'Chichaoua', en: 'Chichaoua' }),
  province('MA-ESI', 'MA-07', 'MA-11', { ar: 'الصويرة', fr: 'Essaouira', en: 'Essaouira' }),
  province('MA-HAO', 'MA-07', 'MA-11', { ar: 'الحوز', fr: 'Al Haouz', en: 'Al Haouz' }),
  province('MA-KES', 'MA-07', 'MA-11', {
    ar: 'قلعة السراغنة',
    fr: 'El Kelâa des Sraghna',
    en: 'El Kelaa des Sraghna',
  }),
  province('MA-REH', 'MA-07', 'MA-11', { ar: 'الرحامنة', fr: 'Rehamna', en: 'Rehamna' }),
  province('MA-SAF', 'MA-07', 'MA-10', { ar: 'آسفي', fr: 'Safi', en: 'Safi' }),
  province('MA-YUS', 'MA-07', 'MA-10', { ar: 'اليوسفية', fr: 'Youssoufia', en: 'Youssoufia' }),
  // MA-08 Drâa-Tafilalet
  province('MA-ERR', 'MA-08', 'MA-06', { ar: 'الرشيدية', fr: 'Errachidia', en: 'Errachidia' }),
  province('MA-MID', 'MA-08', 'MA-06', { ar: 'ميدلت', fr: 'Midelt', en: 'Midelt' }),
  province('MA-OUA', 'MA-08', 'MA-13', { ar: 'ورزازات', fr: 'Ouarzazate', en: 'Ouarzazate' }),
  province('MA-TIN', 'MA-08', 'MA-13', { ar: 'تنغير', fr: 'Tinghir', en: 'Tinghir' }),
  province('MA-ZAG', 'MA-08', 'MA-13', { ar: 'زاكورة', fr: 'Zagora', en: 'Zagora' }),
  // MA-09 Souss-Massa
  prefecture('MA-AGD', 'MA-09', 'MA-13', {
    ar: 'أكادير إداوتنان',
    fr: 'Agadir-Ida-Ou-Tanane',
    en: 'Agadir-Ida-Ou-Tanane',
  }),
  prefecture('MA-INE', 'MA-09', 'MA-13', {
    ar: 'إنزكان أيت ملول',
    fr: 'Inezgane-Aït Melloul',
    en: 'Inezgane-Ait Melloul',
  }),
  province('MA-CHT', 'MA-09', 'MA-13', {
    ar: 'اشتوكة أيت باها',
    fr: 'Chtouka-Aït Baha',
    en: 'Chtouka-Ait Baha',
  }),
  province('MA-TAR', 'MA-09', 'MA-13', { ar: 'تارودانت', fr: 'Taroudant', en: 'Taroudant' }),
  province('MA-TAT', 'MA-09', 'MA-14', { ar: 'طاطا', fr: 'Tata', en: 'Tata' }),
  province('MA-TIZ', 'MA-09', 'MA-13', { ar: 'تيزنيت', fr: 'Tiznit', en: 'Tiznit' }),
  // MA-10 Guelmim-Oued Noun
  province('MA-GUE', 'MA-10', 'MA-14', { ar: 'كلميم', fr: 'Guelmim', en: 'Guelmim' }),
  province('MA-ASZ', 'MA-10', 'MA-14', { ar: 'آسا الزاك', fr: 'Assa-Zag', en: 'Assa-Zag' }),
  province('MA-TNT', 'MA-10', 'MA-14', { ar: 'طانطان', fr: 'Tan-Tan', en: 'Tan-Tan' }),
  province('MA-SIF', 'MA-10', 'MA-13', { ar: 'سيدي إفني', fr: 'Sidi Ifni', en: 'Sidi Ifni' }),
  // MA-11 Laâyoune-Sakia El Hamra
  province('MA-LAA', 'MA-11', 'MA-15', { ar: 'العيون', fr: 'Laâyoune', en: 'Laayoune' }),
  province('MA-BOD', 'MA-11', 'MA-15', { ar: 'بوجدور', fr: 'Boujdour', en: 'Boujdour' }),
  province('MA-TAF', 'MA-11', 'MA-15', { ar: 'طرفاية', fr: 'Tarfaya', en: 'Tarfaya' }),
  province('MA-ESM', 'MA-11', 'MA-14', { ar: 'السمارة', fr: 'Es-Semara', en: 'Es-Semara' }),
  // MA-12 Dakhla-Oued Ed-Dahab
  province('MA-OUD', 'MA-12', 'MA-16', { ar: 'وادي الذهب', fr: 'Oued Ed-Dahab', en: 'Oued Ed-Dahab' }),
  province('MA-AOU', 'MA-12', 'MA-16', { ar: 'أوسرد', fr: 'Aousserd', en: 'Aousserd' }),
];
