import { isErased, PersonalDataCipher } from '@tadamon/personal-data';
import { DocumentStore } from '@tadamon/read-store';
import { CONTACT_PERSONS, ContactPersonDoc } from '@tadamon/registry';

/** What Notifications and Training read of a Registry contact person's card. */
export interface ContactCard {
  fullName: string;
  email: string | null;
  language: 'ar' | 'fr' | 'en' | null;
}

const LANGUAGES: readonly string[] = ['ar', 'fr', 'en'];

/**
 * A Registry contact person's card from the Registry's read model, opened with the person's key:
 * 'erased' when the person or their key is erased, undefined when there is no such person. The
 * document is handed back too, for what the caller reads beside the card (the consents).
 */
export async function openContactCard(
  registry: DocumentStore,
  personalData: PersonalDataCipher,
  subjectId: string,
): Promise<{ doc: ContactPersonDoc; card: ContactCard } | 'erased' | undefined> {
  const doc = await registry.collection<ContactPersonDoc>(CONTACT_PERSONS).get(subjectId);
  if (!doc) return undefined;
  if (doc.status === 'erased' || doc.personalData === null) return 'erased';
  const card = await personalData.open<Record<string, unknown>>(doc.personalData);
  if (isErased(card)) return 'erased';
  const language = card['preferredLanguage'];
  return {
    doc,
    card: {
      fullName: String(card['fullName'] ?? ''),
      email: typeof card['email'] === 'string' ? card['email'] : null,
      language:
        typeof language === 'string' && LANGUAGES.includes(language)
          ? (language as ContactCard['language'])
          : null,
    },
  };
}
