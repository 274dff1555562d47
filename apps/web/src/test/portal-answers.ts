import { QueryClient } from '@tanstack/react-query';
import type {
  AssociationFiguresDto,
  FundingFiguresDto,
  ReferenceDataDto,
  RegionAggregateDto,
} from '../api/generated';
import { associationFiguresQuery, fundingFiguresQuery, regionFiguresQuery } from '../api/queries';
import { referenceDataQuery } from '../api/reference-data';

const NAMES: Record<string, RegionAggregateDto['names']> = {
  'MA-01': { ar: 'طنجة تطوان الحسيمة', fr: 'Tanger-Tétouan-Al Hoceïma', en: 'Tangier-Tetouan-Al Hoceima' },
  'MA-02': { ar: 'الشرق', fr: "L'Oriental", en: 'Oriental' },
  'MA-03': { ar: 'فاس مكناس', fr: 'Fès-Meknès', en: 'Fez-Meknes' },
  'MA-04': { ar: 'الرباط سلا القنيطرة', fr: 'Rabat-Salé-Kénitra', en: 'Rabat-Sale-Kenitra' },
  'MA-05': { ar: 'بني ملال خنيفرة', fr: 'Béni Mellal-Khénifra', en: 'Beni Mellal-Khenifra' },
  'MA-06': { ar: 'الدار البيضاء سطات', fr: 'Casablanca-Settat', en: 'Casablanca-Settat' },
  'MA-07': { ar: 'مراكش آسفي', fr: 'Marrakech-Safi', en: 'Marrakesh-Safi' },
  'MA-08': { ar: 'درعة تافيلالت', fr: 'Drâa-Tafilalet', en: 'Draa-Tafilalet' },
  'MA-09': { ar: 'سوس ماسة', fr: 'Souss-Massa', en: 'Souss-Massa' },
  'MA-10': { ar: 'كلميم واد نون', fr: 'Guelmim-Oued Noun', en: 'Guelmim-Oued Noun' },
  'MA-11': { ar: 'العيون الساقية الحمراء', fr: 'Laâyoune-Sakia El Hamra', en: 'Laayoune-Sakia El Hamra' },
  'MA-12': { ar: 'الداخلة وادي الذهب', fr: 'Dakhla-Oued Ed-Dahab', en: 'Dakhla-Oued Ed-Dahab' },
};

/**
 * The 12 regions as GET /api/registry/map/regions answers them (our reference data's names): Souss-Massa
 * with 3 associations and 2 open needs, Drâa-Tafilalet with 1 association, the others empty.
 */
export const REGIONS: RegionAggregateDto[] = Object.entries(NAMES).map(
  ([region, names]): RegionAggregateDto => ({
    region,
    names,
    associations: region === 'MA-09' ? 3 : region === 'MA-08' ? 1 : 0,
    openNeeds: region === 'MA-09' ? 2 : 0,
    openNeedsBySector: region === 'MA-09' ? { '14030': 2 } : {},
    openBudget: region === 'MA-09' ? { MAD: '125000050' } : {},
  }),
);

/**
 * GET /api/registry/figures: five verified associations, four of them from the regions above (one
 * declared no origin), so the total is not the regions' sum.
 */
export const ASSOCIATION_FIGURES: AssociationFiguresDto = {
  associations: 5,
  byHostCountry: { FR: 3, BE: 2, ES: 1 },
  bySector: { '14030': 4, '11220': 1 },
  byOriginRegion: { 'MA-09': 3, 'MA-08': 1 },
};

/** GET /api/funding/figures: two awards of USD 250,000, one open call. */
export const FUNDING_FIGURES: FundingFiguresDto = {
  awards: 2,
  awarded: { USD: '50000000' },
  openCalls: 1,
  programmes: 2,
};

/** GET /api/registry/reference-data, the part the tests read (names as in libs/reference-data). */
export const REFERENCE_DATA: ReferenceDataDto = {
  regions: Object.entries(NAMES).map(([code, names]) => ({ code, names })),
  provinces: [
    {
      code: 'MA-TAR',
      kind: 'province',
      region: 'MA-09',
      names: { ar: 'تارودانت', fr: 'Taroudant', en: 'Taroudant' },
    },
    {
      code: 'MA-TIZ',
      kind: 'province',
      region: 'MA-09',
      names: { ar: 'تيزنيت', fr: 'Tiznit', en: 'Tiznit' },
    },
  ],
  sectors: [
    {
      code: '14030',
      category: 'water',
      names: {
        ar: 'التزويد الأساسي بالماء الصالح للشرب والتطهير الأساسي',
        fr: "Distribution d'eau potable de base et assainissement de base",
        en: 'Basic drinking water supply and basic sanitation',
      },
    },
  ],
  hostCountries: ['BE', 'ES', 'FR'],
  currencies: ['MAD', 'EUR', 'USD'],
};

/** A query client whose cache already holds the programme's figures (and whatever `more` adds). */
export function answered(more: (client: QueryClient) => void = () => undefined): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(regionFiguresQuery.queryKey, REGIONS);
  client.setQueryData(associationFiguresQuery.queryKey, ASSOCIATION_FIGURES);
  client.setQueryData(fundingFiguresQuery.queryKey, FUNDING_FIGURES);
  client.setQueryData(referenceDataQuery.queryKey, REFERENCE_DATA);
  more(client);
  return client;
}

/**
 * Intl separates with narrow or no-break spaces and marks direction in Arabic: compare without
 * them (each becomes a space, and runs of spaces one).
 */
export const plain = (text: string | null | undefined) =>
  (text ?? '')
    .replace(/[\u00a0\u202f\u200e\u200f\u061c]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
