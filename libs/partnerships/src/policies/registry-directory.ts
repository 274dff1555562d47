import { IatiOrganisation, OrganisationType } from '@tadamon/iati';
import { IatiOrganisationDirectory, IatiOrganisationSource } from '../iati/project-to-iati-activity';

/** Where the directory is kept: the Registry consumer's database (its inbox's transaction). */
export const PARTNERSHIPS_REGISTRY_DIRECTORY = Symbol('PARTNERSHIPS_REGISTRY_DIRECTORY');

export type RegistryNames = { ar?: string; fr?: string; en?: string };
export type RegistryAssociationStatus =
  'submitted' | 'verified' | 'rejected' | 'suspended' | 'dissolved' | 'merged';

/** What one Registry event changes in the directory, at its position in the Registry's log. */
export type RegistryDirectoryChange =
  | {
      kind: 'association';
      id: string;
      status: RegistryAssociationStatus;
      /** Given by AssociationRegistered only: the others keep the names known. */
      names?: RegistryNames;
      /** Given by AssociationMerged only. */
      mergedInto?: string;
      position: number;
    }
  | { kind: 'actor'; id: string; actorKind: string; names: RegistryNames; position: number };

/** A Registry organisation as Partnerships knows it: public facts only (no contact person). */
export type RegistryOrganisation =
  | {
      kind: 'association';
      id: string;
      names: RegistryNames;
      status: RegistryAssociationStatus;
      mergedInto: string | null;
      position: number;
    }
  | { kind: 'actor'; id: string; names: RegistryNames; actorKind: string; position: number };

/**
 * Partnerships' own directory of Registry organisations, kept by OnRegistryEvents. `record` writes
 * with the delivery's transaction (`Tx`), so an entry and its inbox row commit together; a change
 * at a position not after the entry's changes nothing (a redelivery, an older event).
 */
export interface RegistryDirectory<Tx = unknown> {
  record(tx: Tx, change: RegistryDirectoryChange): void | Promise<void>;
  organisations(ids: readonly string[]): RegistryOrganisation[] | Promise<RegistryOrganisation[]>;
}

/**
 * IATI OrganisationType of the Registry's actor kinds. The Registry holds no IATI organisation
 * identifier, so no ref is written; a funder's type (multilateral, bilateral, foundation) is not
 * recorded either: "Other".
 */
export const IATI_TYPE_OF_ACTOR_KIND: Readonly<Record<string, OrganisationType>> = {
  ministry: '10',
  'development-agency': '10',
  'regional-investment-centre': '10',
  'elected-council': '11',
  'local-association': '24',
  funder: '90',
};
/** The Registry's associations are the diaspora's, registered in their host countries. */
const ASSOCIATION_TYPE: OrganisationType = '21';

const narratives = (text: RegistryNames): RegistryNames => {
  const out: RegistryNames = {};
  for (const lang of ['ar', 'fr', 'en'] as const) if (text[lang]) out[lang] = text[lang];
  return out;
};

/**
 * The parties of an IATI export named from the directory: actors, and associations only while
 * verified (what the Registry's public directory shows). Anything else falls back to the Registry id.
 */
export function directoryIatiOrganisations(directory: RegistryDirectory): IatiOrganisationSource {
  return {
    async directory(partyIds: readonly string[]): Promise<IatiOrganisationDirectory> {
      const known = new Map<string, IatiOrganisation>();
      for (const organisation of await directory.organisations([...new Set(partyIds)])) {
        if (organisation.kind === 'actor')
          known.set(organisation.id, {
            type: IATI_TYPE_OF_ACTOR_KIND[organisation.actorKind] ?? '90',
            names: narratives(organisation.names),
          });
        else if (organisation.status === 'verified')
          known.set(organisation.id, { type: ASSOCIATION_TYPE, names: narratives(organisation.names) });
      }
      return (partyId) => known.get(partyId);
    },
  };
}
