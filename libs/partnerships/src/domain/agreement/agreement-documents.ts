import { checkInteger, checkObject, checkOneOf, checkText, FieldIssues } from '../field-validation';

export const AGREEMENT_DOCUMENT_KINDS = [
  'signed-convention',
  'amendment',
  'annex',
  'report',
  'correspondence',
  'other',
] as const;
export type AgreementDocumentKind = (typeof AGREEMENT_DOCUMENT_KINDS)[number];

export const MAX_AGREEMENT_DOCUMENT_BYTES = 50 * 1024 * 1024;
const SHA256 = /^[0-9a-f]{64}$/;
// type/subtype, as RFC 6838 restricts their characters.
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** The file itself sits in a content-addressed store; the agreement records what identifies it. */
export type AgreementDocumentInput = {
  readonly sha256: string;
  readonly name: string;
  readonly mediaType: string;
  /** Bytes, 1 to 50 MiB. */
  readonly size: number;
  readonly kind: AgreementDocumentKind;
};

export const checkDocumentSha256 = (issues: FieldIssues, field: string, value: unknown): string => {
  if (typeof value !== 'string' || !SHA256.test(value))
    issues.add(field, 'must be a lower-case hex SHA-256 (64 characters)');
  return String(value);
};

export const checkAgreementDocument = (
  issues: FieldIssues,
  field: string,
  value: unknown,
): AgreementDocumentInput => {
  const input = checkObject(issues, field, value);
  const sha256 = checkDocumentSha256(issues, `${field}.sha256`, input['sha256']);
  const name = checkText(issues, `${field}.name`, input['name']);
  const mediaType = input['mediaType'];
  if (typeof mediaType !== 'string' || !MEDIA_TYPE.test(mediaType))
    issues.add(`${field}.mediaType`, 'must be a media type such as application/pdf');
  const size = checkInteger(issues, `${field}.size`, input['size'], 1, MAX_AGREEMENT_DOCUMENT_BYTES);
  const kind = checkOneOf(issues, `${field}.kind`, input['kind'], AGREEMENT_DOCUMENT_KINDS);
  return { sha256, name, mediaType: String(mediaType), size, kind };
};
