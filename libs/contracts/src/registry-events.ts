import { definePublication } from './publication';

/**
 * What the Registry tells the other contexts (topic `tadamon.registry.events.v1`). Public facts
 * only: no contact person (their stream category is not even tailed), no legal registration, no
 * rejection or suspension notes beyond the reason the association itself is told.
 */
type GeoCode = { scheme: string; code: string };
type Names = { ar?: string; fr: string; en?: string };

export interface AssociationRegisteredV1 {
  associationId: string;
  names: Names;
  hostCountries: string[];
  originRegions: GeoCode[];
  sectors: string[];
  registeredAt: string;
}
export interface AssociationStatusChangedV1 {
  associationId: string;
  at: string;
}
export interface AssociationSuspendedV1 extends AssociationStatusChangedV1 {
  reason: string;
}
export interface AssociationMergedV1 extends AssociationStatusChangedV1 {
  survivorId: string;
}
export interface RegionalNeedPublishedV1 {
  needId: string;
  publisherId: string;
  region: string;
  location: GeoCode;
  sector: string;
  title: Names;
  estimatedBudget: { amountMinor: number; currency: string };
  priority: string;
  publishedAt: string;
}
export interface RegionalNeedClosedV1 {
  needId: string;
  at: string;
}
export interface RegionalNeedMatchedV1 {
  needId: string;
  associationIds: string[];
  funderIds: string[];
  at: string;
}
export interface ActorRegisteredV1 {
  actorId: string;
  kind: string;
  names: Names;
  regions: GeoCode[];
  sectors: string[];
}
export interface NetworkMembershipChangedV1 {
  networkId: string;
  associationId: string;
}

type Data = Record<string, unknown>;
const statusAt = (field: string) => (d: Data) => ({ associationId: d['associationId'], at: d[field] });

export const REGISTRY_CONTEXT = 'registry';

export const registryPublication = definePublication({
  context: REGISTRY_CONTEXT,
  categories: ['association', 'actor', 'network', 'regionalNeed'],
  events: {
    AssociationRegistered: {
      type: 'AssociationRegistered',
      schemaVersion: 1,
      toData: (d: {
        associationId: string;
        profile: Data;
        registeredAt: string;
      }): AssociationRegisteredV1 => ({
        associationId: d.associationId,
        names: d.profile['names'] as Names,
        hostCountries: d.profile['hostCountries'] as string[],
        originRegions: d.profile['originRegions'] as GeoCode[],
        sectors: d.profile['sectors'] as string[],
        registeredAt: d.registeredAt,
      }),
    },
    AssociationVerified: { type: 'AssociationVerified', schemaVersion: 1, toData: statusAt('verifiedAt') },
    AssociationRejected: { type: 'AssociationRejected', schemaVersion: 1, toData: statusAt('rejectedAt') },
    AssociationSuspended: {
      type: 'AssociationSuspended',
      schemaVersion: 1,
      toData: (d: Data): AssociationSuspendedV1 => ({
        associationId: d['associationId'] as string,
        at: d['suspendedAt'] as string,
        reason: d['reason'] as string,
      }),
    },
    AssociationReinstated: {
      type: 'AssociationReinstated',
      schemaVersion: 1,
      toData: statusAt('reinstatedAt'),
    },
    AssociationDissolved: { type: 'AssociationDissolved', schemaVersion: 1, toData: statusAt('dissolvedAt') },
    AssociationMerged: {
      type: 'AssociationMerged',
      schemaVersion: 1,
      toData: (d: Data): AssociationMergedV1 => ({
        associationId: d['associationId'] as string,
        at: d['mergedAt'] as string,
        survivorId: d['survivorId'] as string,
      }),
    },
    ActorRegistered: {
      type: 'ActorRegistered',
      schemaVersion: 1,
      toData: (d: ActorRegisteredV1): ActorRegisteredV1 => ({
        actorId: d.actorId,
        kind: d.kind,
        names: d.names,
        regions: d.regions,
        sectors: d.sectors,
      }),
    },
    NetworkMemberAdded: {
      type: 'NetworkMemberAdded',
      schemaVersion: 1,
      toData: (d: NetworkMembershipChangedV1) => ({ networkId: d.networkId, associationId: d.associationId }),
    },
    NetworkMemberRemoved: {
      type: 'NetworkMemberRemoved',
      schemaVersion: 1,
      toData: (d: NetworkMembershipChangedV1) => ({ networkId: d.networkId, associationId: d.associationId }),
    },
    RegionalNeedPublished: {
      type: 'RegionalNeedPublished',
      schemaVersion: 1,
      toData: (d: RegionalNeedPublishedV1 & Data): RegionalNeedPublishedV1 => ({
        needId: d.needId,
        publisherId: d.publisherId,
        region: d.region,
        location: d.location,
        sector: d.sector,
        title: d.title,
        estimatedBudget: d.estimatedBudget,
        priority: d.priority,
        publishedAt: d.publishedAt,
      }),
    },
    RegionalNeedMatched: {
      type: 'RegionalNeedMatched',
      schemaVersion: 1,
      toData: (d: Data): RegionalNeedMatchedV1 => ({
        needId: d['needId'] as string,
        associationIds: d['associationIds'] as string[],
        funderIds: d['funderIds'] as string[],
        at: d['matchedAt'] as string,
      }),
    },
    RegionalNeedAddressed: {
      type: 'RegionalNeedAddressed',
      schemaVersion: 1,
      toData: (d: Data): RegionalNeedClosedV1 => ({
        needId: d['needId'] as string,
        at: d['addressedAt'] as string,
      }),
    },
    RegionalNeedWithdrawn: {
      type: 'RegionalNeedWithdrawn',
      schemaVersion: 1,
      toData: (d: Data): RegionalNeedClosedV1 => ({
        needId: d['needId'] as string,
        at: d['withdrawnAt'] as string,
      }),
    },
  },
});
