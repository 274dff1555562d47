import { definePublication } from './publication';
import { REGISTRY_CONTEXT } from './registry-events';

/**
 * The Registry's contact persons, for Notifications and Training only (topic
 * `tadamon.registry.contacts.v1`: grant it to no other consumer). A card travels **sealed**
 * (AES-256-GCM under the person's own key, which never travels): Notifications opens it with the
 * Registry's key store only to send a message, Training only to put a trainee's name on a
 * certificate; erasure destroys the key, so every copy of the card, Kafka's included, is unreadable.
 * Each event carries what its domain event carries: a consumer folds them per subject (the events of
 * one person share a key, so a partition keeps their order).
 */
export const REGISTRY_CONTACTS_TOPIC = 'tadamon.registry.contacts.v1';

/** A card as PersonalDataCipher sealed it: ciphertext, nonce and tag, and the ids of the key. */
export interface SealedCardV1 {
  subjectId: string;
  keyId: string;
  ciphertext: string;
  iv: string;
  tag: string;
}
export interface ContactPersonAddedV1 {
  subjectId: string;
  associationId: string;
  role: string;
  personalData: SealedCardV1;
  addedAt: string;
}
/** Only what changed: the role, the sealed card, or both. */
export interface ContactPersonChangedV1 {
  subjectId: string;
  role?: string;
  personalData?: SealedCardV1;
  changedAt: string;
}
export interface ContactPersonRemovedV1 {
  subjectId: string;
  associationId: string;
  removedAt: string;
}
export interface ConsentRecordedV1 {
  subjectId: string;
  purpose: string;
  legalBasis: string;
  decision: 'given' | 'withdrawn';
  at: string;
}
/** The key is destroyed: every sealed card of the person opens as erased from now on. */
export interface PersonalDataErasedV1 {
  subjectId: string;
  associationId: string;
  erasedAt: string;
}

type Data = Record<string, unknown>;

const sealed = (value: unknown): SealedCardV1 => {
  const card = value as SealedCardV1;
  return {
    subjectId: card.subjectId,
    keyId: card.keyId,
    ciphertext: card.ciphertext,
    iv: card.iv,
    tag: card.tag,
  };
};

export const registryContactsPublication = definePublication({
  context: REGISTRY_CONTEXT,
  topic: REGISTRY_CONTACTS_TOPIC,
  categories: ['contactPerson'],
  events: {
    ContactPersonAdded: {
      type: 'ContactPersonAdded',
      schemaVersion: 1,
      toData: (d: Data): ContactPersonAddedV1 => ({
        subjectId: d['subjectId'] as string,
        associationId: d['associationId'] as string,
        role: d['role'] as string,
        personalData: sealed(d['personalData']),
        addedAt: d['addedAt'] as string,
      }),
    },
    ContactPersonChanged: {
      type: 'ContactPersonChanged',
      schemaVersion: 1,
      toData: (d: Data): ContactPersonChangedV1 => ({
        subjectId: d['subjectId'] as string,
        ...(d['role'] !== undefined ? { role: d['role'] as string } : {}),
        ...(d['personalData'] !== undefined ? { personalData: sealed(d['personalData']) } : {}),
        changedAt: d['changedAt'] as string,
      }),
    },
    ContactPersonRemoved: {
      type: 'ContactPersonRemoved',
      schemaVersion: 1,
      toData: (d: Data): ContactPersonRemovedV1 => ({
        subjectId: d['subjectId'] as string,
        associationId: d['associationId'] as string,
        removedAt: d['removedAt'] as string,
      }),
    },
    ConsentRecorded: {
      type: 'ConsentRecorded',
      schemaVersion: 1,
      toData: (d: Data): ConsentRecordedV1 => ({
        subjectId: d['subjectId'] as string,
        purpose: d['purpose'] as string,
        legalBasis: d['legalBasis'] as string,
        decision: d['decision'] as ConsentRecordedV1['decision'],
        at: d['at'] as string,
      }),
    },
    // Who erased (an officer's id) stays in the Registry's log.
    PersonalDataErased: {
      type: 'PersonalDataErased',
      schemaVersion: 1,
      toData: (d: Data): PersonalDataErasedV1 => ({
        subjectId: d['subjectId'] as string,
        associationId: d['associationId'] as string,
        erasedAt: d['erasedAt'] as string,
      }),
    },
  },
});
