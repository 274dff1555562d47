import { CommandMetadata, DeciderSpecification } from '@tadamon/eventsourcing';
import { AlreadyRegistered, InvalidTransition, NotRegistered, ValidationFailed } from '../errors';
import { parseSealedPersonalData, SealedPersonalData } from '../personal-data/sealed-personal-data';
import {
  ContactPersonCommand,
  contactPersonDecider,
  ContactPersonEvent,
  contactPersonStreamName,
  PersonalDataWasErased,
} from './contact-person';

const now = '2025-03-01T10:00:00.000Z';
const metadata: CommandMetadata = {
  commandId: 'cmd-1',
  actor: { id: 'user-7', roles: ['association'] },
  now,
};
const spec = DeciderSpecification.for(contactPersonDecider);
const subjectId = 'person-1';
const associationId = 'md-0001';
const sealed: SealedPersonalData = {
  subjectId,
  keyId: 'key-person-1-v1',
  ciphertext: 'c2VhbGVkIGNvbnRhY3QgY2FyZA==',
  iv: 'AAECAwQFBgcICQoL',
  tag: 'AAECAwQFBgcICQoLDA0ODw==',
};
const resealed: SealedPersonalData = { ...sealed, ciphertext: 'bmV3IGNhcmQ=' };
const command = <C extends ContactPersonCommand>(type: C['type'], data: C['data']): C =>
  ({ type, data, metadata }) as C;

const added: ContactPersonEvent = {
  type: 'ContactPersonAdded',
  data: { subjectId, associationId, role: 'president', personalData: sealed, addedAt: now },
};
const removed: ContactPersonEvent = {
  type: 'ContactPersonRemoved',
  data: { subjectId, associationId, removedAt: now },
};
const erased: ContactPersonEvent = {
  type: 'PersonalDataErased',
  data: { subjectId, associationId, erasedAt: now, by: 'user-7' },
};
const consentGiven: ContactPersonEvent = {
  type: 'ConsentRecorded',
  data: { subjectId, purpose: 'public-directory', legalBasis: 'gdpr', decision: 'given', at: now },
};
const add = command('AddContactPerson', {
  subjectId,
  associationId,
  role: 'president',
  personalData: sealed,
});

describe('sealed personal data', () => {
  it('accepts base64 with a 12-byte iv and a 16-byte tag', () => {
    expect(parseSealedPersonalData(sealed)).toEqual(sealed);
  });
  it('refuses plaintext, wrong GCM sizes and extra fields', () => {
    expect(() =>
      parseSealedPersonalData({
        ...sealed,
        ciphertext: 'Fatima Zahra, +33 6 12 34 56 78',
        iv: 'AAEC',
        email: 'x',
      }),
    ).toThrow(
      expect.objectContaining({
        issues: [
          { field: 'personalData.email', reason: 'is not allowed' },
          { field: 'personalData.ciphertext', reason: 'must be base64' },
          { field: 'personalData.iv', reason: 'must encode 12 bytes' },
        ],
      }),
    );
  });
});

describe('contact person', () => {
  it('lives in streams of the contactPerson category, one per data subject', () => {
    expect(contactPersonStreamName(subjectId)).toBe('contactPerson-person-1');
  });

  describe('AddContactPerson', () => {
    it('adds a contact person with only sealed personal data', () => {
      spec.when(add).then([added]);
    });
    it('changes nothing when the same person is added again', () => {
      spec.given([added]).when(add).thenNothingHappened();
    });
    it('refuses other data under the same subject', () => {
      spec
        .given([added])
        .when(command('AddContactPerson', { ...add.data, role: 'treasurer' }))
        .thenThrows(AlreadyRegistered);
    });
    it('refuses data sealed for another subject', () => {
      spec
        .when(
          command('AddContactPerson', { ...add.data, personalData: { ...sealed, subjectId: 'person-2' } }),
        )
        .thenThrows(ValidationFailed, (e) => e.issues[0].field === 'personalData.subjectId');
    });
  });

  describe('ChangeContactPerson', () => {
    it('records a new role and newly sealed data', () => {
      spec
        .given([added])
        .when(command('ChangeContactPerson', { subjectId, role: 'treasurer', personalData: resealed }))
        .then([
          {
            type: 'ContactPersonChanged',
            data: { subjectId, role: 'treasurer', personalData: resealed, changedAt: now },
          },
        ]);
    });
    it('changes nothing when role and data are the same', () => {
      spec
        .given([added])
        .when(command('ChangeContactPerson', { subjectId, role: 'president' }))
        .thenNothingHappened();
    });
    it('refuses changes to a removed contact person', () => {
      spec
        .given([added, removed])
        .when(command('ChangeContactPerson', { subjectId, role: 'treasurer' }))
        .thenThrows(InvalidTransition);
    });
    it('refuses changes on a person who was never added', () => {
      spec.when(command('ChangeContactPerson', { subjectId, role: 'treasurer' })).thenThrows(NotRegistered);
    });
  });

  describe('RemoveContactPerson', () => {
    it('removes the contact person from the association', () => {
      spec.given([added]).when(command('RemoveContactPerson', { subjectId })).then([removed]);
    });
    it('changes nothing when already removed', () => {
      spec.given([added, removed]).when(command('RemoveContactPerson', { subjectId })).thenNothingHappened();
    });
  });

  describe('RecordConsent', () => {
    const give = command('RecordConsent', {
      subjectId,
      purpose: 'public-directory',
      legalBasis: 'gdpr',
      decision: 'given',
    });
    it('records consent with its purpose, legal basis and time', () => {
      spec.given([added]).when(give).then([consentGiven]);
    });
    it('records a withdrawal of consent', () => {
      spec
        .given([added, consentGiven])
        .when(command('RecordConsent', { ...give.data, decision: 'withdrawn' }))
        .then([
          {
            type: 'ConsentRecorded',
            data: { ...consentGiven.data, decision: 'withdrawn' },
          } as ContactPersonEvent,
        ]);
    });
    it('changes nothing when the same decision is already recorded', () => {
      spec.given([added, consentGiven]).when(give).thenNothingHappened();
    });
    it('refuses an unknown legal basis', () => {
      spec
        .given([added])
        .when(command('RecordConsent', { ...give.data, legalBasis: 'ccpa' as 'gdpr' }))
        .thenThrows(ValidationFailed);
    });
    it('refuses new consent from a removed contact person', () => {
      spec.given([added, removed]).when(give).thenThrows(InvalidTransition);
    });
  });

  describe('ErasePersonalData', () => {
    it('erases the person, recording who asked', () => {
      spec
        .given([added, consentGiven, removed])
        .when(command('ErasePersonalData', { subjectId }))
        .then([erased]);
    });
    it('changes nothing when already erased', () => {
      spec.given([added, erased]).when(command('ErasePersonalData', { subjectId })).thenNothingHappened();
    });
    it('shows the person as erased, without sealed data', () => {
      const state = [added, erased].reduce(contactPersonDecider.evolve, contactPersonDecider.initialState());
      expect(state).toMatchObject({ status: 'erased', personalData: null });
    });
    it('refuses every further change after erasure', () => {
      spec
        .given([added, erased])
        .when(command('ChangeContactPerson', { subjectId, personalData: resealed }))
        .thenThrows(PersonalDataWasErased);
      spec.given([added, erased]).when(add).thenThrows(PersonalDataWasErased);
    });
  });
});
