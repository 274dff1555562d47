import { IatiOrganisation, OrganisationType } from '@tadamon/iati';
import { IatiOrganisationDirectory, IatiOrganisationSource } from '@tadamon/partnerships';
import { DocumentStore } from '@tadamon/read-store';
import {
  ACTOR_DIRECTORY,
  ActorDirectoryDoc,
  ActorKind,
  ASSOCIATION_DIRECTORY,
  AssociationDirectoryDoc,
} from '@tadamon/registry';

/**
 * IATI OrganisationType of the Registry's kinds. The Registry holds no IATI organisation
 * identifier, so no ref is written; a funder's type (multilateral, bilateral, foundation) is not
 * recorded either: "Other".
 */
export const IATI_TYPE_OF_ACTOR_KIND: Readonly<Record<ActorKind, OrganisationType>> = {
  ministry: '10',
  'development-agency': '10',
  'regional-investment-centre': '10',
  'elected-council': '11',
  'local-association': '24',
  funder: '90',
};
/** The Registry's associations are the diaspora's, registered in their host countries. */
const ASSOCIATION_TYPE: OrganisationType = '21';

const names = (text: Partial<Record<'ar' | 'fr' | 'en', string>>) => {
  const out: { ar?: string; fr?: string; en?: string } = {};
  for (const lang of ['ar', 'fr', 'en'] as const) if (text[lang]) out[lang] = text[lang];
  return out;
};

/**
 * The parties of an IATI export named from the Registry's public read models: actors (their
 * directory names organisations only), and associations only once verified (what the public
 * directory shows). Anything else falls back to the Registry id.
 */
export function registryIatiOrganisations(readModels: DocumentStore): IatiOrganisationSource {
  return {
    async directory(partyIds: readonly string[]): Promise<IatiOrganisationDirectory> {
      const ids = [...partyIds];
      const [actors, associations] = await Promise.all([
        readModels.collection<ActorDirectoryDoc>(ACTOR_DIRECTORY).find({ actorId: { $in: ids } }),
        readModels
          .collection<AssociationDirectoryDoc>(ASSOCIATION_DIRECTORY)
          .find({ associationId: { $in: ids }, public: true }),
      ]);
      const known = new Map<string, IatiOrganisation>();
      for (const actor of actors)
        known.set(actor.actorId, { type: IATI_TYPE_OF_ACTOR_KIND[actor.kind], names: names(actor.names) });
      for (const association of associations)
        known.set(association.associationId, { type: ASSOCIATION_TYPE, names: names(association.names) });
      return (partyId) => known.get(partyId);
    },
  };
}
