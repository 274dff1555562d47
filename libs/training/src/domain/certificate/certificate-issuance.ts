import {
  checkDate,
  checkId,
  checkInstant,
  checkInteger,
  checkList,
  checkLocalizedText,
  checkOneOf,
  FieldIssues,
  isBefore,
} from '../field-validation';
import { STATUS_LIST_SIZE } from '../status-list/status-list-index';
import {
  CertificateIssuance,
  CREDENTIAL_FORMATS,
  IssueCertificate,
  SealedCredential,
} from './certificate-commands';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The issuance as the stream keeps it: every field checked, formats sorted, no validUntil is null. */
export const checkIssuance = (
  issues: FieldIssues,
  data: IssueCertificate['data'],
  now: string,
): CertificateIssuance => {
  const input = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const id = (field: string) => checkId(issues, field, input[field]);
  const certificateId = id('certificateId');
  const traineeId = id('traineeId');
  const associationId = id('associationId');
  const sessionId = id('sessionId');
  const moduleId = id('moduleId');
  const achievement = checkLocalizedText(issues, 'achievement', input['achievement']);
  const completedOn = checkDate(issues, 'completedOn', input['completedOn'], now);
  const statusListId = id('statusListId');
  const statusListIndex = checkInteger(
    issues,
    'statusListIndex',
    input['statusListIndex'],
    0,
    STATUS_LIST_SIZE - 1,
  );
  const sha = input['credentialSha256'];
  if (typeof sha !== 'string' || !SHA256_HEX.test(sha))
    issues.add('credentialSha256', 'must be a SHA-256 in lower-case hex (64 characters)');
  const formats = checkList(
    issues,
    'formats',
    input['formats'],
    (f, v) => checkOneOf(issues, f, v, CREDENTIAL_FORMATS),
    { min: 1, key: String },
  ).sort();
  const validFrom = checkInstant(issues, 'validFrom', input['validFrom']);
  if (issues.count === 0 && validFrom.slice(0, 10) < completedOn)
    issues.add('validFrom', `must not be before ${completedOn}, the day the module was completed`);
  const until = input['validUntil'];
  const validUntil = until === undefined || until === null ? null : checkInstant(issues, 'validUntil', until);
  if (issues.count === 0 && validUntil !== null && !isBefore(validFrom, validUntil))
    issues.add('validUntil', 'must be after validFrom');
  return {
    certificateId,
    traineeId,
    associationId,
    sessionId,
    moduleId,
    achievement,
    completedOn,
    statusListId,
    statusListIndex,
    credentialSha256: String(sha),
    formats,
    validFrom,
    validUntil,
  };
};

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Ciphertext of a credential: a few kilobytes; 256 KiB is far above any credential of ours. */
const MAX_CIPHERTEXT = 262_144;

const decodedLength = (base64: string) =>
  (base64.length * 3) / 4 - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);

/** The sealed credential: a key id and base64 ciphertext, IV (12 bytes) and tag (16 bytes). */
export const checkSealedCredential = (issues: FieldIssues, value: unknown): SealedCredential => {
  const input = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof value !== 'object' || value === null)
    issues.add('sealedCredential', 'must be an object with keyId, ciphertext, iv and tag');
  const keyId = checkId(issues, 'sealedCredential.keyId', input['keyId']);
  const base64 = (field: string, bytes?: number) => {
    const text = input[field];
    if (
      typeof text !== 'string' ||
      !BASE64.test(text) ||
      text.length > MAX_CIPHERTEXT ||
      (bytes !== undefined && decodedLength(text) !== bytes)
    )
      issues.add(
        `sealedCredential.${field}`,
        bytes === undefined ? 'must be base64 (at most 256 KiB)' : `must be ${bytes} bytes in base64`,
      );
    return String(text);
  };
  return { keyId, ciphertext: base64('ciphertext'), iv: base64('iv', 12), tag: base64('tag', 16) };
};
