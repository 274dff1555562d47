/** A data key of one subject, as the key store keeps it: wrapped (encrypted) under the master key. */
export interface WrappedKey {
  subjectId: string;
  keyId: string;
  wrapped: string;
  createdAt: string;
}

/**
 * Keys live outside the event log, one per data subject. Destroying a subject's keys makes every
 * copy of their sealed data, in events, read models and Kafka messages, unreadable for good.
 */
export interface KeyStore {
  /** The subject's current key, or undefined (never had one, or erased). */
  current(subjectId: string): Promise<WrappedKey | undefined>;
  find(subjectId: string, keyId: string): Promise<WrappedKey | undefined>;
  /**
   * Stores the key unless the subject already has one, and returns the subject's key after the
   * call (so two concurrent first seals agree on one key). Fails with SubjectErased for a subject
   * whose keys were destroyed.
   */
  addIfAbsent(key: WrappedKey): Promise<WrappedKey>;
  /** Deletes every key of the subject and remembers the erasure (idempotent). */
  destroy(subjectId: string, at: string): Promise<void>;
  isErased(subjectId: string): Promise<boolean>;
  close(): Promise<void>;
}

export class SubjectErased extends Error {
  constructor(readonly subjectId: string) {
    super(`the personal data of ${subjectId} was erased: no new key can be made for it`);
    this.name = 'SubjectErased';
  }
}

/** A key as both SQL key stores keep it in their `subject_keys` table. */
export interface KeyRow {
  subject_id: string;
  key_id: string;
  wrapped: string;
  created_at: string;
}

export const keyFromRow = (row: KeyRow | undefined): WrappedKey | undefined =>
  row && { subjectId: row.subject_id, keyId: row.key_id, wrapped: row.wrapped, createdAt: row.created_at };
