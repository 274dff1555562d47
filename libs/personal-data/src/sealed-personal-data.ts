/** Personal data of one data subject as stored in events: only ciphertext ever reaches the log. */
export interface SealedPersonalData {
  subjectId: string;
  /** Which of the subject's keys sealed it (keys may be rotated). */
  keyId: string;
  /** AES-256-GCM, base64. */
  ciphertext: string;
  iv: string;
  tag: string;
}

/** What opening sealed data gives once the subject's key was destroyed (crypto-shredding). */
export interface ErasedPersonalData {
  erased: true;
  subjectId: string;
}

export function isErased(value: unknown): value is ErasedPersonalData {
  return typeof value === 'object' && value !== null && (value as ErasedPersonalData).erased === true;
}
