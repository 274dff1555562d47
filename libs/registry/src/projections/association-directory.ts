import { GeoCode, regionsFor } from '@tadamon/reference-data';
import { Document, Projection, ProjectionWrite } from '@tadamon/read-store';
import {
  ASSOCIATION_CATEGORY,
  AssociationEvent,
  AssociationProfile,
  AssociationStatus,
  HostCity,
} from '../domain/association/association';
import { LocalizedText } from '../domain/field-validation';
import { foldNames, foldSearchText } from './search-text';

export const ASSOCIATION_DIRECTORY = 'association_directory';

/**
 * One association as the directory shows it. Public profile fields only: no legal registration,
 * no duplicate suspicions, and never anything of a contact person (their events are not even read).
 */
export interface AssociationDirectoryDoc extends Document {
  associationId: string;
  names: LocalizedText;
  acronym: string | null;
  status: AssociationStatus;
  /** Shown to the public: verified (and not suspended, dissolved, rejected or merged). */
  public: boolean;
  hostCountries: string[];
  hostCities: HostCity[];
  /** Today's (2015) regions of the declared origin regions: a 1997 region maps to every region it became part of. */
  originRegions: string[];
  /** The declared provinces and prefectures of origin. */
  originProvinces: string[];
  /** The 2015 regions of those provinces: a region filter matches either list. */
  originProvinceRegions: string[];
  sectors: string[];
  members: number | null;
  website: string | null;
  foundedOn: string | null;
  registeredAt: string;
  verifiedAt: string | null;
  mergedInto: string | null;
  /**
   * Folded (see foldSearchText) for `$regex` search: names of every language, and the acronym.
   * Two fields, not one: a profile change carries only the fields that changed, and the projection
   * reads nothing, so each is recomputed from its own source.
   */
  search: { names: string; acronym: string };
}

const unique = (codes: string[]): string[] => [...new Set(codes)].sort();

/** 2015 region codes of region codes of either scheme. */
export const currentRegionCodes = (regions: readonly GeoCode[]): string[] =>
  unique(regions.flatMap((r) => regionsFor(r.code, r.scheme).map((current) => current.code)));

const profileFields = (changes: Partial<AssociationProfile>): Record<string, unknown> => {
  const set: Record<string, unknown> = {};
  if (changes.names !== undefined) {
    set['names'] = changes.names;
    set['search.names'] = foldNames(changes.names);
  }
  if (changes.acronym !== undefined) {
    set['acronym'] = changes.acronym;
    set['search.acronym'] = changes.acronym === null ? '' : foldSearchText(changes.acronym);
  }
  if (changes.hostCountries !== undefined) set['hostCountries'] = [...changes.hostCountries];
  if (changes.hostCities !== undefined) set['hostCities'] = changes.hostCities;
  if (changes.originRegions !== undefined) set['originRegions'] = currentRegionCodes(changes.originRegions);
  if (changes.originProvinces !== undefined) {
    set['originProvinces'] = unique(changes.originProvinces.map((p) => p.code));
    set['originProvinceRegions'] = currentRegionCodes(changes.originProvinces);
  }
  if (changes.sectors !== undefined) set['sectors'] = [...changes.sectors];
  if (changes.membersCount !== undefined) set['members'] = changes.membersCount;
  if (changes.website !== undefined) set['website'] = changes.website;
  if (changes.foundedOn !== undefined) set['foundedOn'] = changes.foundedOn;
  return set;
};

const write = (id: string, set: Record<string, unknown>): ProjectionWrite[] => [
  { collection: ASSOCIATION_DIRECTORY, upsert: { id, update: { $set: set } } },
];

const statusOnly = (id: string, status: AssociationStatus, extra: Record<string, unknown> = {}) =>
  write(id, { status, public: status === 'verified', ...extra });

/** The association directory: one document per association, written from its own events only. */
export const associationDirectoryProjection: Projection = {
  name: 'registry-association-directory',
  version: 1,
  collections: [ASSOCIATION_DIRECTORY],
  categories: [ASSOCIATION_CATEGORY],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as AssociationEvent;
    const id = event.data.associationId;
    switch (event.type) {
      case 'AssociationRegistered':
        return write(id, {
          associationId: id,
          status: 'submitted',
          public: false,
          ...profileFields(event.data.profile),
          registeredAt: event.data.registeredAt,
          verifiedAt: null,
          mergedInto: null,
        });
      case 'AssociationProfileChanged':
        return write(id, profileFields(event.data.changes));
      case 'AssociationVerified':
        return statusOnly(id, 'verified', { verifiedAt: event.data.verifiedAt });
      case 'AssociationReinstated':
        return statusOnly(id, 'verified');
      case 'AssociationRejected':
        return statusOnly(id, 'rejected');
      case 'AssociationSuspended':
        return statusOnly(id, 'suspended');
      case 'AssociationDissolved':
        return statusOnly(id, 'dissolved');
      case 'AssociationMerged':
        return statusOnly(id, 'merged', { mergedInto: event.data.survivorId });
      case 'AssociationSuspectedDuplicateFlagged':
        return []; // an officer's suspicion, not directory data
      default:
        return [];
    }
  },
};
