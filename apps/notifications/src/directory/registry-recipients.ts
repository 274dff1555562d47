import {
  ContactEntry,
  Language,
  LANGUAGES,
  NoticeAudience,
  OpenedContact,
  RecipientDirectory,
} from '@tadamon/notifications';
import { PostgresRegistryPeople, RegistryPerson } from '@tadamon/registry-people';

const entryOf = (person: RegistryPerson): ContactEntry => ({
  subjectId: person.subjectId,
  organisationId: person.associationId,
  status: person.status,
  // Any legal basis (law 09-08 or the GDPR) under which the person said yes and has not taken it back.
  consented: Object.entries(person.consents).some(
    ([key, decision]) => key.startsWith('programme-communications|') && decision === 'given',
  ),
});

/**
 * Notifications' recipients in the distributed profile: the Registry's people as the directory its
 * consumer keeps (libs/registry-people), with their consent to programme communications; a card is
 * opened only when a message goes out.
 */
export class RegistryRecipients implements RecipientDirectory {
  constructor(private readonly people: PostgresRegistryPeople) {}

  organisationNames(organisationId: string) {
    return this.people.organisationNames(organisationId);
  }

  async contactsOf(organisationId: string): Promise<ContactEntry[]> {
    return (await this.people.peopleOf(organisationId)).map(entryOf);
  }

  async contact(subjectId: string): Promise<ContactEntry | undefined> {
    const person = await this.people.person(subjectId);
    return person ? entryOf(person) : undefined;
  }

  async openContact(subjectId: string): Promise<OpenedContact | 'erased' | undefined> {
    const person = await this.people.person(subjectId);
    if (!person) return undefined;
    const card = await this.people.openCard(subjectId);
    if (card === undefined || card === 'erased') return 'erased';
    const language = card['preferredLanguage'];
    return {
      fullName: String(card['fullName'] ?? ''),
      consented: entryOf(person).consented,
      email: typeof card['email'] === 'string' ? card['email'] : null,
      language:
        typeof language === 'string' && (LANGUAGES as readonly string[]).includes(language)
          ? (language as Language)
          : null,
    };
  }

  /** The distributed profile has no user store: in-app notices are the embedded platform's. */
  async usersOf(): Promise<{ id: string }[]> {
    return [];
  }

  associationsMatching(audience: NoticeAudience): Promise<string[]> {
    return this.people.associationsMatching(audience);
  }
}
