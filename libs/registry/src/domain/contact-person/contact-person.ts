import { Command, Decider, DomainEvent, streamName } from '@tadamon/eventsourcing';
import { AlreadyRegistered, InvalidTransition, NotRegistered, RegistryError } from '../errors';
import { checkId, checkOneOf, FieldIssues, sameJson } from '../field-validation';
import { checkSealedPersonalData, SealedPersonalData } from '../personal-data/sealed-personal-data';

/** One stream per data subject: erasure ends the stream's life without touching the association's. */
export const CONTACT_PERSON_CATEGORY = 'contactPerson';
export const contactPersonStreamName = (subjectId: string): string =>
  streamName(CONTACT_PERSON_CATEGORY, subjectId);

export const CONTACT_ROLES = [
  'president',
  'secretary-general',
  'treasurer',
  'project-manager',
  'other',
] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];
export const CONSENT_PURPOSES = ['registry-contact', 'programme-communications', 'public-directory'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
/** Moroccan law 09-08, or the GDPR for associations based in the EU. */
export const LEGAL_BASES = ['law-09-08', 'gdpr'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
export type ConsentDecision = 'given' | 'withdrawn';

export type AddContactPerson = Command<
  'AddContactPerson',
  { subjectId: string; associationId: string; role: ContactRole; personalData: SealedPersonalData }
>;
export type ChangeContactPerson = Command<
  'ChangeContactPerson',
  { subjectId: string; role?: ContactRole; personalData?: SealedPersonalData }
>;
export type RemoveContactPerson = Command<'RemoveContactPerson', { subjectId: string }>;
export type RecordConsent = Command<
  'RecordConsent',
  { subjectId: string; purpose: ConsentPurpose; legalBasis: LegalBasis; decision: ConsentDecision }
>;
export type ErasePersonalData = Command<'ErasePersonalData', { subjectId: string }>;
export type ContactPersonCommand =
  AddContactPerson | ChangeContactPerson | RemoveContactPerson | RecordConsent | ErasePersonalData;

export type ContactPersonAdded = DomainEvent<
  'ContactPersonAdded',
  {
    subjectId: string;
    associationId: string;
    role: ContactRole;
    personalData: SealedPersonalData;
    addedAt: string;
  }
>;
export type ContactPersonChanged = DomainEvent<
  'ContactPersonChanged',
  { subjectId: string; role?: ContactRole; personalData?: SealedPersonalData; changedAt: string }
>;
export type ContactPersonRemoved = DomainEvent<
  'ContactPersonRemoved',
  { subjectId: string; associationId: string; removedAt: string }
>;
export type ConsentRecorded = DomainEvent<
  'ConsentRecorded',
  {
    subjectId: string;
    purpose: ConsentPurpose;
    legalBasis: LegalBasis;
    decision: ConsentDecision;
    at: string;
  }
>;
/** The key is destroyed by the application layer; from here on the person shows as erased. */
export type PersonalDataErased = DomainEvent<
  'PersonalDataErased',
  { subjectId: string; associationId: string; erasedAt: string; by: string }
>;
export type ContactPersonEvent =
  ContactPersonAdded | ContactPersonChanged | ContactPersonRemoved | ConsentRecorded | PersonalDataErased;

export type ContactPersonStatus = 'active' | 'removed' | 'erased';
export type KnownContactPerson = {
  readonly status: ContactPersonStatus;
  readonly subjectId: string;
  readonly associationId: string;
  readonly role: ContactRole;
  /** null once erased */
  readonly personalData: SealedPersonalData | null;
  readonly consents: readonly {
    purpose: ConsentPurpose;
    legalBasis: LegalBasis;
    decision: ConsentDecision;
  }[];
};
export type ContactPersonState = { readonly status: 'none' } | KnownContactPerson;

export const initialContactPersonState = (): ContactPersonState => ({ status: 'none' });

export class PersonalDataWasErased extends RegistryError {
  readonly code = 'PERSONAL_DATA_ERASED';
  constructor(readonly subjectId: string) {
    super(`the personal data of ${subjectId} was erased`);
  }
}

const CONTACT_PERSON = 'contactPerson';

const checkSealedFor = (issues: FieldIssues, subjectId: string, value: unknown): SealedPersonalData => {
  const sealed = checkSealedPersonalData(issues, 'personalData', value);
  if (sealed.subjectId !== subjectId) issues.add('personalData.subjectId', 'must be the contact person');
  return sealed;
};

const consentOf = (state: KnownContactPerson, purpose: ConsentPurpose, legalBasis: LegalBasis) =>
  state.consents.find((c) => c.purpose === purpose && c.legalBasis === legalBasis);

export const decideContactPerson = (
  command: ContactPersonCommand,
  state: ContactPersonState,
): ContactPersonEvent[] => {
  const { now, actor } = command.metadata;
  const issues = new FieldIssues();
  const subjectId = checkId(issues, 'subjectId', command.data.subjectId);
  if (state.status !== 'none' && subjectId !== state.subjectId) {
    issues.add('subjectId', `must be ${state.subjectId}, the person of this stream`);
  }
  if (state.status === 'none') {
    if (command.type !== 'AddContactPerson') throw new NotRegistered(CONTACT_PERSON, command.type);
    const associationId = checkId(issues, 'associationId', command.data.associationId);
    const role = checkOneOf(issues, 'role', command.data.role, CONTACT_ROLES);
    const personalData = checkSealedFor(issues, subjectId, command.data.personalData);
    issues.throwIfAny();
    return [
      { type: 'ContactPersonAdded', data: { subjectId, associationId, role, personalData, addedAt: now } },
    ];
  }
  issues.throwIfAny();
  if (state.status === 'erased') {
    if (command.type === 'ErasePersonalData') return [];
    throw new PersonalDataWasErased(subjectId);
  }
  switch (command.type) {
    case 'AddContactPerson': {
      const same =
        command.data.associationId === state.associationId &&
        command.data.role === state.role &&
        sameJson(command.data.personalData, state.personalData);
      if (same && state.status === 'active') return [];
      throw new AlreadyRegistered(CONTACT_PERSON, subjectId);
    }
    case 'ChangeContactPerson': {
      if (state.status !== 'active') throw new InvalidTransition(CONTACT_PERSON, state.status, command.type);
      const { role, personalData } = command.data;
      const changes: { role?: ContactRole; personalData?: SealedPersonalData } = {};
      if (role !== undefined && checkOneOf(issues, 'role', role, CONTACT_ROLES) !== state.role)
        changes.role = role;
      if (personalData !== undefined) {
        const sealed = checkSealedFor(issues, subjectId, personalData);
        if (!sameJson(sealed, state.personalData)) changes.personalData = sealed;
      }
      issues.throwIfAny();
      if (Object.keys(changes).length === 0) return [];
      return [{ type: 'ContactPersonChanged', data: { subjectId, ...changes, changedAt: now } }];
    }
    case 'RemoveContactPerson':
      if (state.status === 'removed') return [];
      return [
        {
          type: 'ContactPersonRemoved',
          data: { subjectId, associationId: state.associationId, removedAt: now },
        },
      ];
    case 'RecordConsent': {
      // Consent may still be withdrawn after removal: the data lives until erased.
      const purpose = checkOneOf(issues, 'purpose', command.data.purpose, CONSENT_PURPOSES);
      const legalBasis = checkOneOf(issues, 'legalBasis', command.data.legalBasis, LEGAL_BASES);
      const decision = checkOneOf(issues, 'decision', command.data.decision, ['given', 'withdrawn'] as const);
      issues.throwIfAny();
      if (state.status === 'removed' && decision === 'given') {
        throw new InvalidTransition(CONTACT_PERSON, state.status, command.type);
      }
      if ((consentOf(state, purpose, legalBasis)?.decision ?? 'withdrawn') === decision) return [];
      return [{ type: 'ConsentRecorded', data: { subjectId, purpose, legalBasis, decision, at: now } }];
    }
    case 'ErasePersonalData':
      return [
        {
          type: 'PersonalDataErased',
          data: { subjectId, associationId: state.associationId, erasedAt: now, by: actor.id },
        },
      ];
  }
};

export const evolveContactPerson = (
  state: ContactPersonState,
  event: ContactPersonEvent,
): ContactPersonState => {
  if (event.type === 'ContactPersonAdded') {
    const { subjectId, associationId, role, personalData } = event.data;
    return { status: 'active', subjectId, associationId, role, personalData, consents: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ContactPersonChanged':
      return {
        ...state,
        role: event.data.role ?? state.role,
        personalData: event.data.personalData ?? state.personalData,
      };
    case 'ContactPersonRemoved':
      return { ...state, status: 'removed' };
    case 'ConsentRecorded': {
      const { purpose, legalBasis, decision } = event.data;
      const others = state.consents.filter((c) => !(c.purpose === purpose && c.legalBasis === legalBasis));
      return { ...state, consents: [...others, { purpose, legalBasis, decision }] };
    }
    case 'PersonalDataErased':
      return { ...state, status: 'erased', personalData: null };
  }
};

export const contactPersonDecider: Decider<ContactPersonCommand, ContactPersonEvent, ContactPersonState> = {
  decide: decideContactPerson,
  evolve: evolveContactPerson,
  initialState: initialContactPersonState,
};
