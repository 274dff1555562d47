import { checkId, FieldIssues } from '../field-validation';

/**
 * A person's data as the application layer's cipher sealed it (AES-256-GCM, one key per data
 * subject, keys outside the log). The domain stores and compares it, never opens it: erasing the
 * key makes every copy in the log unreadable while the hash chain still verifies.
 */
export type SealedPersonalData = {
  readonly subjectId: string;
  readonly keyId: string;
  /** base64 */
  readonly ciphertext: string;
  /** base64 of the 12-byte GCM nonce */
  readonly iv: string;
  /** base64 of the 16-byte GCM authentication tag */
  readonly tag: string;
};

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** A sealed contact card is small; this bounds what a command can push into the log. */
export const MAX_CIPHERTEXT_BYTES = 16 * 1024;

const decodedBytes = (base64: string): number =>
  (base64.length / 4) * 3 - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);

const checkBase64 = (
  issues: FieldIssues,
  field: string,
  value: unknown,
  bytes: { exactly?: number; max?: number; min?: number },
): string => {
  if (typeof value !== 'string' || value === '' || !BASE64.test(value)) {
    issues.add(field, 'must be base64');
    return String(value);
  }
  const n = decodedBytes(value);
  if (bytes.exactly !== undefined && n !== bytes.exactly)
    issues.add(field, `must encode ${bytes.exactly} bytes`);
  if (bytes.min !== undefined && n < bytes.min) issues.add(field, `must encode at least ${bytes.min} byte`);
  if (bytes.max !== undefined && n > bytes.max) issues.add(field, `must encode at most ${bytes.max} bytes`);
  return value;
};

/** Checks the shape of sealed data (ids, base64, GCM sizes) into `issues`, under `field`. */
export const checkSealedPersonalData = (
  issues: FieldIssues,
  field: string,
  value: unknown,
): SealedPersonalData => {
  const input = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof value !== 'object' || value === null) issues.add(field, 'must be sealed personal data');
  for (const key of Object.keys(input)) {
    if (!['subjectId', 'keyId', 'ciphertext', 'iv', 'tag'].includes(key))
      issues.add(`${field}.${key}`, 'is not allowed');
  }
  return {
    subjectId: checkId(issues, `${field}.subjectId`, input['subjectId']),
    keyId: checkId(issues, `${field}.keyId`, input['keyId']),
    ciphertext: checkBase64(issues, `${field}.ciphertext`, input['ciphertext'], {
      min: 1,
      max: MAX_CIPHERTEXT_BYTES,
    }),
    iv: checkBase64(issues, `${field}.iv`, input['iv'], { exactly: 12 }),
    tag: checkBase64(issues, `${field}.tag`, input['tag'], { exactly: 16 }),
  };
};

/** Validates untrusted input as SealedPersonalData; throws ValidationFailed listing every issue. */
export const parseSealedPersonalData = (value: unknown): SealedPersonalData => {
  const issues = new FieldIssues();
  const sealed = checkSealedPersonalData(issues, 'personalData', value);
  issues.throwIfAny();
  return sealed;
};
