import { Document, Filter, Projection } from '@tadamon/read-store';
import { LocalizedText } from '../domain/field-validation';
import { NETWORK_CATEGORY, NetworkEvent, NetworkKind } from '../domain/network/network';

export const NETWORKS = 'networks';

/**
 * The key of a member under `members`. The document store has no `$pull`, so members are a map
 * (added with `$set`, removed with `$unset`); keys may not contain `.`, which ids may: it is
 * escaped as `%2E` (`%` is not a character of ids, so the escape is unambiguous).
 */
export const memberKey = (associationId: string): string => associationId.replace(/\./g, '%2E');

export interface NetworkMember {
  associationId: string;
  addedAt: string;
}

export interface NetworkDoc extends Document {
  networkId: string;
  kind: NetworkKind;
  names: LocalizedText;
  /** By memberKey(associationId). */
  members: Record<string, NetworkMember>;
  /** Exact: the decider adds only non-members and removes only members. */
  memberCount: number;
  createdAt: string;
}

/** The member ids of a network document, sorted. */
export const networkMemberIds = (doc: Pick<NetworkDoc, 'members'>): string[] =>
  Object.values(doc.members ?? {})
    .map((m) => m.associationId)
    .sort();

/** Filter for the networks an association belongs to. */
export const networksOfAssociationFilter = (associationId: string): Filter => ({
  [`members.${memberKey(associationId)}`]: { $exists: true },
});

export const networksProjection: Projection = {
  name: 'registry-networks',
  version: 1,
  collections: [NETWORKS],
  categories: [NETWORK_CATEGORY],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as NetworkEvent;
    const id = event.data.networkId;
    switch (event.type) {
      case 'NetworkCreated':
        return [
          {
            collection: NETWORKS,
            upsert: {
              id,
              update: {
                $set: {
                  networkId: id,
                  kind: event.data.kind,
                  names: event.data.names,
                  createdAt: event.data.createdAt,
                },
                $setOnInsert: { members: {}, memberCount: 0 },
              },
            },
          },
        ];
      case 'NetworkRenamed':
        return [{ collection: NETWORKS, upsert: { id, update: { $set: { names: event.data.names } } } }];
      case 'NetworkMemberAdded': {
        const { associationId, addedAt } = event.data;
        return [
          {
            collection: NETWORKS,
            upsert: {
              id,
              update: {
                $set: { [`members.${memberKey(associationId)}`]: { associationId, addedAt } },
                $inc: { memberCount: 1 },
              },
            },
          },
        ];
      }
      case 'NetworkMemberRemoved':
        return [
          {
            collection: NETWORKS,
            upsert: {
              id,
              update: {
                $unset: { [`members.${memberKey(event.data.associationId)}`]: '' },
                $inc: { memberCount: -1 },
              },
            },
          },
        ];
      default:
        return [];
    }
  },
};
