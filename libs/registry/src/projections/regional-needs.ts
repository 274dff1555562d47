import { findGeoUnit, GeoCode, Money } from '@tadamon/reference-data';
import { Document, Filter, Projection, ProjectionWrite } from '@tadamon/read-store';
import { LocalizedText } from '../domain/field-validation';
import {
  NeedPriority,
  REGIONAL_NEED_CATEGORY,
  RegionalNeedEvent,
  RegionalNeedStatus,
} from '../domain/regional-need/regional-need';

export const REGIONAL_NEEDS = 'regional_needs';

/** A need in the public catalogue. The addressing note and the withdrawal reason stay internal. */
export interface RegionalNeedDoc extends Document {
  needId: string;
  publisherId: string;
  /** 2015 region. */
  region: string;
  /** The province when the need was located at province level, else null. */
  province: string | null;
  location: GeoCode;
  sector: string;
  title: LocalizedText;
  description: LocalizedText;
  estimatedBudget: Money;
  priority: NeedPriority;
  status: RegionalNeedStatus;
  /** Open for matching: published and not yet matched, addressed or withdrawn. */
  open: boolean;
  publishedAt: string;
  matchedAssociationIds: string[];
  matchedFunderIds: string[];
  matchedAt: string | null;
  closedAt: string | null;
}

const write = (id: string, set: Record<string, unknown>): ProjectionWrite[] => [
  { collection: REGIONAL_NEEDS, upsert: { id, update: { $set: set } } },
];

export const regionalNeedsProjection: Projection = {
  name: 'registry-regional-needs',
  version: 1,
  collections: [REGIONAL_NEEDS],
  categories: [REGIONAL_NEED_CATEGORY],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as RegionalNeedEvent;
    const id = event.data.needId;
    switch (event.type) {
      case 'RegionalNeedPublished': {
        const { data } = event;
        const unit = findGeoUnit(data.location.scheme, data.location.code);
        return write(id, {
          needId: id,
          publisherId: data.publisherId,
          region: data.region,
          province: unit?.level === 'province' ? data.location.code : null,
          location: data.location,
          sector: data.sector,
          title: data.title,
          description: data.description,
          estimatedBudget: data.estimatedBudget,
          priority: data.priority,
          status: 'open',
          open: true,
          publishedAt: data.publishedAt,
          matchedAssociationIds: [],
          matchedFunderIds: [],
          matchedAt: null,
          closedAt: null,
        });
      }
      case 'RegionalNeedMatched':
        return write(id, {
          status: 'matched',
          open: false,
          matchedAssociationIds: event.data.associationIds,
          matchedFunderIds: event.data.funderIds,
          matchedAt: event.data.matchedAt,
        });
      case 'RegionalNeedAddressed':
        return write(id, { status: 'addressed', open: false, closedAt: event.data.addressedAt });
      case 'RegionalNeedWithdrawn':
        return write(id, { status: 'withdrawn', open: false, closedAt: event.data.withdrawnAt });
      default:
        return [];
    }
  },
};

export interface RegionalNeedsQuery {
  region?: string;
  province?: string;
  sector?: string;
  priority?: NeedPriority;
  status?: RegionalNeedStatus;
  /** The public catalogue: open needs only. */
  openOnly?: boolean;
}

/** The Mongo filter of a catalogue query. */
export const regionalNeedsFilter = (query: RegionalNeedsQuery): Filter => {
  const filter: Filter = {};
  if (query.openOnly) filter['open'] = true;
  for (const key of ['region', 'province', 'sector', 'priority', 'status'] as const) {
    if (query[key] !== undefined) filter[key] = query[key];
  }
  return filter;
};
