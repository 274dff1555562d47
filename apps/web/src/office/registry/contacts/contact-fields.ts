import { ApiRecord, recordField, textField } from '../../../api/record-fields';

export const CONTACT_ROLES = [
  'president',
  'secretary-general',
  'treasurer',
  'project-manager',
  'other',
] as const;
export const CONSENT_PURPOSES = ['registry-contact', 'programme-communications', 'public-directory'] as const;
export const LEGAL_BASES = ['law-09-08', 'gdpr'] as const;

/** A contact person's card as the API opened it; `erased` once the person's key was destroyed. */
export function cardOf(contact: ApiRecord): {
  erased: boolean;
  fullName?: string;
  email?: string;
  phone?: string;
} {
  const card = recordField(contact, 'card') ?? {};
  if (card['erased'] === true) return { erased: true };
  return {
    erased: false,
    fullName: textField(card, 'fullName'),
    email: textField(card, 'email'),
    phone: textField(card, 'phone'),
  };
}

/** A name for the JSON file of an access export: the person's id and the day. */
export const exportFileName = (subjectId: string, exportedAt: string | undefined) =>
  `access-export-${subjectId}-${(exportedAt ?? '').slice(0, 10) || 'now'}.json`.replace(
    /[^A-Za-z0-9._-]/g,
    '_',
  );
