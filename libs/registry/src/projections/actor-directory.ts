import { Document, Projection, ProjectionWrite } from '@tadamon/read-store';
import { ACTOR_CATEGORY, ActorEvent, ActorKind, ActorProfile } from '../domain/actor/actor';
import { LocalizedText } from '../domain/field-validation';
import { foldNames } from './search-text';

export const ACTOR_DIRECTORY = 'actor_directory';

/** One organisation other than an association: CRI, agency, council, funder, ministry. */
export interface ActorDirectoryDoc extends Document {
  actorId: string;
  kind: ActorKind;
  names: LocalizedText;
  /** 2015 region codes it works in. */
  regions: string[];
  sectors: string[];
  active: boolean;
  registeredAt: string;
  deactivatedAt: string | null;
  /** Folded names (see foldSearchText) for `$regex` search. */
  search: { names: string };
}

const profileFields = (profile: Partial<ActorProfile>): Record<string, unknown> => {
  const set: Record<string, unknown> = {};
  if (profile.names !== undefined) {
    set['names'] = profile.names;
    set['search.names'] = foldNames(profile.names);
  }
  if (profile.regions !== undefined) set['regions'] = profile.regions.map((r) => r.code);
  if (profile.sectors !== undefined) set['sectors'] = [...profile.sectors];
  return set;
};

const write = (id: string, set: Record<string, unknown>): ProjectionWrite[] => [
  { collection: ACTOR_DIRECTORY, upsert: { id, update: { $set: set } } },
];

export const actorDirectoryProjection: Projection = {
  name: 'registry-actor-directory',
  version: 1,
  collections: [ACTOR_DIRECTORY],
  categories: [ACTOR_CATEGORY],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as ActorEvent;
    const id = event.data.actorId;
    switch (event.type) {
      case 'ActorRegistered':
        return write(id, {
          actorId: id,
          kind: event.data.kind,
          ...profileFields(event.data),
          active: true,
          registeredAt: event.data.registeredAt,
          deactivatedAt: null,
        });
      case 'ActorUpdated':
        return write(id, profileFields(event.data.changes));
      case 'ActorDeactivated':
        return write(id, { active: false, deactivatedAt: event.data.deactivatedAt });
      default:
        return [];
    }
  },
};
