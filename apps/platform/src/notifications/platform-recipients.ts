import { PersonalDataCipher } from '@tadamon/personal-data';
import { ContactEntry, NoticeAudience, OpenedContact, RecipientDirectory } from '@tadamon/notifications';
import { DocumentStore } from '@tadamon/read-store';
import {
  ACTOR_DIRECTORY,
  ASSOCIATION_DIRECTORY,
  AssociationDirectoryDoc,
  CONTACT_PERSONS,
  ContactPersonDoc,
} from '@tadamon/registry';
import { SqliteUserStore } from '../identity/user-store';
import { openContactCard } from '../registry/contact-cards';

type LocalizedText = { ar?: string; fr?: string; en?: string };

const entryOf = (doc: ContactPersonDoc): ContactEntry => ({
  subjectId: doc.subjectId,
  organisationId: doc.associationId,
  status: doc.status,
  consented: Object.values(doc.consents ?? {}).some(
    (c) => c.purpose === 'programme-communications' && c.decision === 'given',
  ),
});

/**
 * The embedded platform's recipients: the Registry's contact persons (its read model; a card is
 * opened with the person's key only when a message goes out, and an erased person's key is gone)
 * and the platform's own accounts (its user store). Consent is the Registry's: programme
 * communications, under law 09-08 or the GDPR.
 */
export class PlatformRecipients implements RecipientDirectory {
  constructor(
    private readonly registry: DocumentStore,
    private readonly personalData: PersonalDataCipher,
    private readonly users: SqliteUserStore,
  ) {}

  async organisationNames(organisationId: string): Promise<LocalizedText | undefined> {
    for (const collection of [ASSOCIATION_DIRECTORY, ACTOR_DIRECTORY]) {
      const doc = await this.registry.collection(collection).get(organisationId);
      if (doc) return doc['names'] as LocalizedText;
    }
    return undefined;
  }

  async contactsOf(organisationId: string): Promise<ContactEntry[]> {
    const docs = await this.registry
      .collection<ContactPersonDoc>(CONTACT_PERSONS)
      .find({ associationId: organisationId }, { sort: { subjectId: 1 } });
    return docs.map(entryOf);
  }

  async contact(subjectId: string): Promise<ContactEntry | undefined> {
    const doc = await this.registry.collection<ContactPersonDoc>(CONTACT_PERSONS).get(subjectId);
    return doc ? entryOf(doc) : undefined;
  }

  async openContact(subjectId: string): Promise<OpenedContact | 'erased' | undefined> {
    const opened = await openContactCard(this.registry, this.personalData, subjectId);
    if (typeof opened !== 'object') return opened;
    return { ...opened.card, consented: entryOf(opened.doc).consented };
  }

  async associationsMatching(audience: NoticeAudience): Promise<string[]> {
    const filter: Record<string, unknown> = { public: true };
    const all: Record<string, unknown>[] = [];
    if (audience.originRegions.length > 0)
      all.push({
        $or: [
          { originRegions: { $in: audience.originRegions } },
          { originProvinceRegions: { $in: audience.originRegions } },
        ],
      });
    if (audience.sectors.length > 0) all.push({ sectors: { $in: audience.sectors } });
    if (audience.hostCountries.length > 0) all.push({ hostCountries: { $in: audience.hostCountries } });
    if (all.length > 0) filter['$and'] = all;
    const docs = await this.registry
      .collection<AssociationDirectoryDoc>(ASSOCIATION_DIRECTORY)
      .find(filter, { sort: { associationId: 1 }, projection: { associationId: 1 } });
    return docs.map((doc) => doc.associationId);
  }

  async usersOf(organisationId: string): Promise<{ id: string }[]> {
    return this.users.idsOf(organisationId).map((id) => ({ id }));
  }
}
