import {
  ActorRegisteredV1,
  AssociationRegisteredV1,
  ConsentRecordedV1,
  ContactPersonAddedV1,
  ContactPersonChangedV1,
  ContactPersonRemovedV1,
  IntegrationEvent,
  PersonalDataErasedV1,
  SealedCardV1,
} from '@tadamon/contracts';

type LocalizedText = { ar?: string; fr?: string; en?: string };

/** An organisation's names, as the Registry's public topic gives them. */
export interface OrganisationNamed {
  id: string;
  names: LocalizedText;
  position: number;
}

/** What an event of the Registry's contacts topic changes in the directory of contact persons. */
export type ContactChange = { subjectId: string; position: number } & (
  | { kind: 'added'; associationId: string; role: string; card: SealedCardV1 }
  | { kind: 'changed'; role?: string; card?: SealedCardV1 }
  | { kind: 'consent'; purpose: string; legalBasis: string; decision: 'given' | 'withdrawn' }
  | { kind: 'removed' }
  | { kind: 'erased'; associationId: string }
);

/**
 * What the Registry's public topic says of an association that its consumers decide on: its
 * regions, sectors and host countries (at registration: whom a call is for), and whether it is
 * verified (verified or reinstated, and not since suspended, rejected, dissolved or merged: a call
 * reaches it, its contact persons may enrol in a training session).
 */
export type AssociationChange = { id: string; position: number } & (
  | { kind: 'profile'; originRegions: string[]; sectors: string[]; hostCountries: string[] }
  | { kind: 'standing'; verified: boolean }
);

const VERIFIED_AFTER: Readonly<Record<string, boolean>> = {
  AssociationVerified: true,
  AssociationReinstated: true,
  AssociationRejected: false,
  AssociationSuspended: false,
  AssociationDissolved: false,
  AssociationMerged: false,
};

export const associationChangeOf = (event: IntegrationEvent): AssociationChange | undefined => {
  const position = event.globalPosition;
  if (event.type === 'AssociationRegistered') {
    const data = event.data as unknown as AssociationRegisteredV1;
    return {
      kind: 'profile',
      id: data.associationId,
      position,
      originRegions: (data.originRegions ?? []).map((region) => region.code),
      sectors: data.sectors ?? [],
      hostCountries: data.hostCountries ?? [],
    };
  }
  const verified = VERIFIED_AFTER[event.type];
  if (verified === undefined) return undefined;
  return {
    kind: 'standing',
    id: (event.data as { associationId: string }).associationId,
    position,
    verified,
  };
};

/** The names an event of the Registry's public topic gives an organisation, if any. */
export const organisationNamedBy = (event: IntegrationEvent): OrganisationNamed | undefined => {
  if (event.type === 'AssociationRegistered') {
    const data = event.data as unknown as AssociationRegisteredV1;
    return { id: data.associationId, names: data.names, position: event.globalPosition };
  }
  if (event.type === 'ActorRegistered') {
    const data = event.data as unknown as ActorRegisteredV1;
    return { id: data.actorId, names: data.names, position: event.globalPosition };
  }
  return undefined;
};

/** The change an event of the Registry's contacts topic makes, if it is one of its events. */
export const contactChangeOf = (event: IntegrationEvent): ContactChange | undefined => {
  const position = event.globalPosition;
  switch (event.type) {
    case 'ContactPersonAdded': {
      const d = event.data as unknown as ContactPersonAddedV1;
      const { associationId, role, personalData: card } = d;
      return { kind: 'added', subjectId: d.subjectId, position, associationId, role, card };
    }
    case 'ContactPersonChanged': {
      const d = event.data as unknown as ContactPersonChangedV1;
      return { kind: 'changed', subjectId: d.subjectId, position, role: d.role, card: d.personalData };
    }
    case 'ConsentRecorded': {
      const d = event.data as unknown as ConsentRecordedV1;
      const { purpose, legalBasis, decision } = d;
      return { kind: 'consent', subjectId: d.subjectId, position, purpose, legalBasis, decision };
    }
    case 'ContactPersonRemoved': {
      const d = event.data as unknown as ContactPersonRemovedV1;
      return { kind: 'removed', subjectId: d.subjectId, position };
    }
    case 'PersonalDataErased': {
      const d = event.data as unknown as PersonalDataErasedV1;
      return { kind: 'erased', subjectId: d.subjectId, position, associationId: d.associationId };
    }
    default:
      return undefined;
  }
};
