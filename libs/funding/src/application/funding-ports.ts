import type { EventStore } from '@tadamon/event-store';
import type { DocumentStore } from '@tadamon/read-store';
import type { AssociationStatus } from '../domain/grant-application/eligibility-screening';

/** The event store Funding appends to and folds streams from. */
export const FUNDING_EVENT_STORE = Symbol('FUNDING_EVENT_STORE');
/** The read models Funding's projections keep (MongoDB, or mingo in memory). */
export const FUNDING_READ_MODELS = Symbol('FUNDING_READ_MODELS');
/** Told after every append (the embedded profile wakes its in-memory projections). */
export const FUNDING_APPEND_LISTENER = Symbol('FUNDING_APPEND_LISTENER');
/** What Funding learnt from the Registry's integration events (applicant statuses, networks). */
export const FUNDING_REGISTRY_FACTS = Symbol('FUNDING_REGISTRY_FACTS');
/** The organisations an evaluator belongs to (the identity provider's users), for conflicts. */
export const FUNDING_EVALUATOR_AFFILIATIONS = Symbol('FUNDING_EVALUATOR_AFFILIATIONS');
/** Who sits on the selection committee: the users a decision may name. */
export const FUNDING_COMMITTEE_DIRECTORY = Symbol('FUNDING_COMMITTEE_DIRECTORY');

/** Told after every append (the kit's ContextCommands calls it). */
export type { AppendListener } from '@tadamon/nest-kit';

/** What Funding needs from the profile that hosts it: injection tokens of the host's providers. */
export interface FundingInfrastructure {
  eventStore: symbol | string;
  readModels: symbol | string;
  /**
   * Where the Registry policy keeps applicant statuses and network memberships. Omitted: an
   * in-memory store (tests, or a host that delivers no Registry events: every applicant unknown).
   */
  registryFacts?: symbol | string;
  appendListener?: symbol | string;
  /** Omitted: evaluators belong to no organisation, so no conflict is detected automatically. */
  evaluatorAffiliations?: symbol | string;
  /** Required: a decision names only known committee users (the embedded user store, or a list). */
  committeeDirectory: symbol | string;
}

export type FundingEventStore = EventStore;
export type FundingReadModels = DocumentStore;

/** An applicant as Funding knows it from the Registry's integration events. */
export interface ApplicantRecord {
  associationId: string;
  status: AssociationStatus;
  hostCountries: string[];
  /** Set when the association was merged into another one. */
  survivorId: string | null;
  /** The Registry log position of the last event applied: older or repeated events change nothing. */
  position: number;
  changedAt: string;
}

/** One change the Registry policy learnt from an integration event. */
export type RegistryFactChange =
  | {
      kind: 'applicant';
      associationId: string;
      status: AssociationStatus;
      /** Given by AssociationRegistered only; the other events keep what is known. */
      hostCountries?: string[];
      survivorId?: string;
      position: number;
      at: string;
    }
  | { kind: 'network-member'; networkId: string; associationId: string; member: boolean; position: number }
  | { kind: 'actor'; actorId: string; actorKind: string; position: number };

/**
 * Funding's own copy of the Registry facts it decides with. `record` writes inside the delivery's
 * transaction `tx` (committed with the consumer's inbox row), so an event is applied once.
 */
export interface RegistryFacts<Tx = unknown> {
  record(tx: Tx, change: RegistryFactChange): void | Promise<void>;
  applicant(associationId: string): ApplicantRecord | undefined | Promise<ApplicantRecord | undefined>;
  /** The networks the organisation is a member of, sorted. */
  networksOf(organisationId: string): string[] | Promise<string[]>;
  /** A Registry actor (funder, ministry, agency...) the Registry announced. */
  actor(actorId: string): ActorRecord | undefined | Promise<ActorRecord | undefined>;
}

/** A user of the selection committee, as the identity side knows them. */
export interface CommitteeUser {
  userId: string;
  /** The organisation the user's account acts for, if any (an applicant's account may not judge it). */
  organisationId: string | null;
}

export interface CommitteeDirectory {
  /** The user when they are a member of the selection committee, else undefined. */
  committeeUser(userId: string): CommitteeUser | undefined | Promise<CommitteeUser | undefined>;
}

/** A Registry actor (not an association) as Funding knows it: the funders and the ministry. */
export interface ActorRecord {
  actorId: string;
  /** The Registry's actor kind: funder, ministry, development-agency, local-association... */
  kind: string;
  position: number;
}

export interface EvaluatorAffiliations {
  /** The Registry organisations (associations, actors) the evaluator acts for or belongs to. */
  organisationsOf(evaluatorId: string): Promise<readonly string[]> | readonly string[];
}
