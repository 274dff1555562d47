import { createHash, randomBytes } from 'node:crypto';
import { CREDENTIALS_V2_CONTEXT, OPEN_BADGES_CONTEXT } from './document-loader';

export type Language = 'fr' | 'ar' | 'en';
export const LANGUAGES: readonly Language[] = ['fr', 'ar', 'en'];
/** A text in some of the platform's languages; the credential's language must be among them. */
export type Localised = Partial<Record<Language, string>>;

export interface IssuerProfile {
  /** The issuer's id: the URL of its controller document (the keys' `controller`). */
  id: string;
  name: Localised;
  url?: string;
}

export interface OpenBadgeInput {
  /** The credential's own id (a URL or `urn:uuid:`). */
  id: string;
  language: Language;
  issuer: IssuerProfile;
  achievement: { id: string; name: Localised; description: Localised; criteria: Localised };
  recipient: { name: string; email?: string; salt?: string };
  validFrom: string;
  validUntil?: string;
  /** The credential's index in the issuer's two status lists (revocation, suspension). */
  status: { index: number; revocationList: string; suspensionList: string };
}

export type Credential = Record<string, unknown> & { '@context': string[]; issuer: unknown };

/**
 * An unsigned Open Badges 3.0 OpenBadgeCredential (VC Data Model 2.0). The achievement's name,
 * description and criteria are strings in the credential's language (the OB 3.0 model has one
 * string and `inLanguage` for them); the credential's own name and description and the issuer's
 * name, which VC 2.0 lets be language-tagged values, carry every language given.
 */
export function openBadgeCredential(input: OpenBadgeInput): Credential {
  const { language, achievement, recipient, status } = input;
  const inLanguage = (text: Localised, what: string) => {
    const value = text[language];
    if (!value) throw new Error(`The achievement's ${what} has no text in "${language}".`);
    return value;
  };
  const subject: Record<string, unknown> = {
    type: ['AchievementSubject'],
    name: recipient.name,
    achievement: {
      id: achievement.id,
      type: ['Achievement'],
      name: inLanguage(achievement.name, 'name'),
      description: inLanguage(achievement.description, 'description'),
      criteria: { narrative: inLanguage(achievement.criteria, 'criteria') },
      inLanguage: language,
    },
  };
  if (recipient.email) subject.identifier = [hashedEmail(recipient.email, recipient.salt)];
  return {
    '@context': [CREDENTIALS_V2_CONTEXT, OPEN_BADGES_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: languageValues(achievement.name),
    description: languageValues(achievement.description),
    issuer: {
      id: input.issuer.id,
      type: ['Profile'],
      name: languageValues(input.issuer.name),
      ...(input.issuer.url ? { url: input.issuer.url } : {}),
    },
    validFrom: input.validFrom,
    ...(input.validUntil ? { validUntil: input.validUntil } : {}),
    credentialSubject: subject,
    credentialStatus: [
      statusEntry('revocation', status.revocationList, status.index),
      statusEntry('suspension', status.suspensionList, status.index),
    ],
  };
}

/**
 * OB 3.0's IdentityObject for an email: `sha256$` and the hex SHA-256 of the address (trimmed,
 * lower-cased) followed by the salt. A fresh random salt unless one is given.
 */
export function hashedEmail(email: string, salt = randomBytes(16).toString('hex')) {
  const identity = email.trim().toLowerCase();
  return {
    type: 'IdentityObject',
    identityHash: `sha256$${createHash('sha256')
      .update(identity + salt)
      .digest('hex')}`,
    identityType: 'emailAddress',
    hashed: true,
    salt,
  };
}

function languageValues(text: Localised) {
  return LANGUAGES.filter((l) => text[l]).map((l) => ({ '@value': text[l], '@language': l }));
}

function statusEntry(statusPurpose: 'revocation' | 'suspension', list: string, index: number) {
  if (!Number.isInteger(index) || index < 0)
    throw new Error(`A status list index is a natural number, not ${index}.`);
  return {
    id: `${list}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose,
    statusListIndex: String(index),
    statusListCredential: list,
  };
}
