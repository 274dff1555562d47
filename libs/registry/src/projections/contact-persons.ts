import { Document, Projection, ProjectionWrite } from '@tadamon/read-store';
import {
  CONTACT_PERSON_CATEGORY,
  ConsentDecision,
  ConsentPurpose,
  ContactPersonEvent,
  ContactPersonStatus,
  ContactRole,
  LegalBasis,
} from '../domain/contact-person/contact-person';
import { SealedPersonalData } from '../domain/personal-data/sealed-personal-data';

export const CONTACT_PERSONS = 'contact_persons';

/**
 * A contact person of an association, for its own account and the back office. The personal data
 * stays sealed here (the API opens it with the person's key); once erased, the sealed copy is
 * dropped and the person shows as erased.
 */
export interface ContactPersonDoc extends Document {
  subjectId: string;
  associationId: string;
  role: ContactRole;
  status: ContactPersonStatus;
  personalData: SealedPersonalData | null;
  /** The current decision per purpose and legal basis, keyed `<purpose>|<legalBasis>`. */
  consents: Record<
    string,
    { purpose: ConsentPurpose; legalBasis: LegalBasis; decision: ConsentDecision; at: string }
  >;
  addedAt: string;
  erasedAt: string | null;
}

const write = (id: string, set: Record<string, unknown>): ProjectionWrite[] => [
  { collection: CONTACT_PERSONS, upsert: { id, update: { $set: set } } },
];

export const contactPersonsProjection: Projection = {
  name: 'registry-contact-persons',
  version: 1,
  collections: [CONTACT_PERSONS],
  categories: [CONTACT_PERSON_CATEGORY],
  project(recorded) {
    const event = { type: recorded.type, data: recorded.data } as ContactPersonEvent;
    const id = event.data.subjectId;
    switch (event.type) {
      case 'ContactPersonAdded':
        return write(id, {
          subjectId: id,
          associationId: event.data.associationId,
          role: event.data.role,
          status: 'active',
          personalData: event.data.personalData,
          consents: {},
          addedAt: event.data.addedAt,
          erasedAt: null,
        });
      case 'ContactPersonChanged': {
        const set: Record<string, unknown> = {};
        if (event.data.role !== undefined) set['role'] = event.data.role;
        if (event.data.personalData !== undefined) set['personalData'] = event.data.personalData;
        return write(id, set);
      }
      case 'ContactPersonRemoved':
        return write(id, { status: 'removed' });
      case 'ConsentRecorded': {
        const { purpose, legalBasis, decision, at } = event.data;
        // `|` because keys may not hold `.`; purposes and bases are fixed lists without it.
        return write(id, { [`consents.${purpose}|${legalBasis}`]: { purpose, legalBasis, decision, at } });
      }
      case 'PersonalDataErased':
        return write(id, { status: 'erased', personalData: null, erasedAt: event.data.erasedAt });
      default:
        return [];
    }
  },
};
