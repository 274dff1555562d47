import {
  findSector,
  GeoCode,
  geoName,
  LocalizedNames,
  Money,
  regionsFor,
  toMajorString,
} from '@tadamon/reference-data';
import { isProvinceLocation, RegionalNeedDetails } from '../regional-need/regional-need';

/** What matching reads of a need. */
export type NeedToMatch = Pick<RegionalNeedDetails, 'location' | 'sector' | 'estimatedBudget'>;

/** One part of a score, with the reason shown to the user in ar/fr/en. */
export type ScoreReason = { readonly code: string; readonly points: number; readonly text: LocalizedNames };
export type Match = { readonly id: string; readonly score: number; readonly reasons: readonly ScoreReason[] };

export type AssociationCandidate = {
  readonly associationId: string;
  readonly originRegions: readonly GeoCode[];
  readonly originProvinces: readonly GeoCode[];
  readonly sectors: readonly string[];
  /** Projects the association has completed in the programme (from Partnerships). */
  readonly completedProjects: number;
  /** Managers holding a training certificate (from Training). */
  readonly certifiedManagers: number;
};

export type FunderCandidate = {
  readonly funderId: string;
  readonly sectors: readonly string[];
  /** 2015 regions funded; empty means the whole country. */
  readonly regions: readonly GeoCode[];
  /** The largest amount it funds for one need, or null when unknown. */
  readonly budgetCapacity: Money | null;
};

/** Points of each part: association parts sum to 100, funder parts sum to 100. */
export const ASSOCIATION_POINTS = {
  sameProvince: 40,
  sameRegion: 25,
  sameSector: 30,
  sameCategory: 15,
  perProject: 3,
  maxProjects: 5,
  perManager: 5,
  maxManagers: 3,
} as const;
export const FUNDER_POINTS = { sameSector: 40, sameCategory: 20, region: 30, budget: 30 } as const;

const reason = (code: string, points: number, ar: string, fr: string, en: string): ScoreReason => ({
  code,
  points,
  text: { ar, fr, en },
});

const regionsOf = (geo: GeoCode): string[] => regionsFor(geo.code, geo.scheme).map((r) => r.code);
const needRegion = (need: NeedToMatch): string => regionsOf(need.location)[0];
const place = (geo: GeoCode) => ({ ar: geoName(geo, 'ar'), fr: geoName(geo, 'fr'), en: geoName(geo, 'en') });

const sectorReason = (
  need: NeedToMatch,
  sectors: readonly string[],
  full: number,
  half: number,
): ScoreReason => {
  const sector = findSector(need.sector);
  const name = {
    ar: sector?.names.ar ?? need.sector,
    fr: sector?.names.fr ?? need.sector,
    en: sector?.names.en ?? need.sector,
  };
  if (sectors.includes(need.sector)) {
    return reason(
      'same-sector',
      full,
      `يعمل في قطاع ${name.ar}`,
      `Intervient dans le secteur ${name.fr}`,
      `Works in ${name.en}`,
    );
  }
  if (sector && sectors.some((s) => findSector(s)?.category === sector.category)) {
    return reason(
      'related-sector',
      half,
      `يعمل في قطاع قريب من ${name.ar}`,
      `Intervient dans un secteur proche de ${name.fr}`,
      `Works in a sector related to ${name.en}`,
    );
  }
  return reason(
    'no-sector',
    0,
    'لا يعمل في هذا القطاع',
    "N'intervient pas dans ce secteur",
    'Does not work in this sector',
  );
};

const originReason = (need: NeedToMatch, c: AssociationCandidate): ScoreReason => {
  const where = place(need.location);
  if (isProvinceLocation(need.location) && c.originProvinces.some((p) => p.code === need.location.code)) {
    return reason(
      'same-province',
      ASSOCIATION_POINTS.sameProvince,
      `أعضاؤها منحدرون من إقليم ${where.ar}`,
      `Ses membres sont originaires de la province ${where.fr}`,
      `Its members come from the province of ${where.en}`,
    );
  }
  const region = needRegion(need);
  if ([...c.originRegions, ...c.originProvinces].some((g) => regionsOf(g).includes(region))) {
    const r = place({ scheme: 'iso3166-2:2015', code: region });
    return reason(
      'same-region',
      ASSOCIATION_POINTS.sameRegion,
      `أعضاؤها منحدرون من جهة ${r.ar}`,
      `Ses membres sont originaires de la région ${r.fr}`,
      `Its members come from the ${r.en} region`,
    );
  }
  return reason(
    'no-origin',
    0,
    'لا صلة أصل بالمنطقة',
    "Aucune attache d'origine avec ce territoire",
    'No origin ties to this area',
  );
};

const byScoreThenId = (a: Match, b: Match): number =>
  b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const total = (reasons: readonly ScoreReason[]): number => reasons.reduce((sum, r) => sum + r.points, 0);

/** Associations (distinct ids) ranked for a need (score desc, then id), with the reason of each part of the score. */
export const matchAssociations = (need: NeedToMatch, candidates: readonly AssociationCandidate[]): Match[] =>
  candidates
    .map((c) => {
      const projects = Math.min(Math.max(0, Math.floor(c.completedProjects)), ASSOCIATION_POINTS.maxProjects);
      const managers = Math.min(Math.max(0, Math.floor(c.certifiedManagers)), ASSOCIATION_POINTS.maxManagers);
      const reasons = [
        originReason(need, c),
        sectorReason(need, c.sectors, ASSOCIATION_POINTS.sameSector, ASSOCIATION_POINTS.sameCategory),
        reason(
          'track-record',
          projects * ASSOCIATION_POINTS.perProject,
          `مشاريع منجزة: ${c.completedProjects}`,
          `Projets achevés : ${c.completedProjects}`,
          `Completed projects: ${c.completedProjects}`,
        ),
        reason(
          'training',
          managers * ASSOCIATION_POINTS.perManager,
          `مسيرون حاصلون على شهادة: ${c.certifiedManagers}`,
          `Responsables certifiés : ${c.certifiedManagers}`,
          `Certified managers: ${c.certifiedManagers}`,
        ),
      ];
      return { id: c.associationId, score: total(reasons), reasons };
    })
    .sort(byScoreThenId);

const budgetReason = (need: NeedToMatch, capacity: Money | null): ScoreReason => {
  const budget = need.estimatedBudget;
  if (capacity === null) {
    return reason(
      'budget-unknown',
      0,
      'القدرة التمويلية غير معروفة',
      'Capacité de financement inconnue',
      'Funding capacity unknown',
    );
  }
  if (capacity.currency !== budget.currency) {
    // No conversion without a dated rate: the application layer converts first if it has one.
    return reason(
      'budget-other-currency',
      0,
      'القدرة التمويلية بعملة أخرى',
      'Capacité exprimée dans une autre devise',
      'Capacity in another currency',
    );
  }
  const amount = `${toMajorString(capacity)} ${capacity.currency}`;
  if (capacity.amountMinor >= budget.amountMinor) {
    return reason(
      'budget-covered',
      FUNDER_POINTS.budget,
      `يغطي الميزانية (${amount})`,
      `Couvre le budget (${amount})`,
      `Covers the budget (${amount})`,
    );
  }
  const points = Math.floor((FUNDER_POINTS.budget * Math.max(0, capacity.amountMinor)) / budget.amountMinor);
  return reason(
    'budget-partial',
    points,
    `يغطي جزءا من الميزانية (${amount})`,
    `Couvre une partie du budget (${amount})`,
    `Covers part of the budget (${amount})`,
  );
};

/** Funders ranked for a need (score desc, then id): sectors and regions funded, budget capacity. */
export const matchFunders = (need: NeedToMatch, funders: readonly FunderCandidate[]): Match[] => {
  const region = needRegion(need);
  return funders
    .map((f) => {
      const covers = f.regions.length === 0 || f.regions.some((g) => regionsOf(g).includes(region));
      const reasons = [
        sectorReason(need, f.sectors, FUNDER_POINTS.sameSector, FUNDER_POINTS.sameCategory),
        covers
          ? reason(
              'region-funded',
              FUNDER_POINTS.region,
              'يمول في هذه الجهة',
              'Finance dans cette région',
              'Funds in this region',
            )
          : reason(
              'region-not-funded',
              0,
              'لا يمول في هذه الجهة',
              'Ne finance pas dans cette région',
              'Does not fund in this region',
            ),
        budgetReason(need, f.budgetCapacity),
      ];
      return { id: f.funderId, score: total(reasons), reasons };
    })
    .sort(byScoreThenId);
};
