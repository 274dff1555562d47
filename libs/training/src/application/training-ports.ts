import type { EventStore } from '@tadamon/event-store';
import type { DocumentStore } from '@tadamon/read-store';

/** The event store Training appends to and folds streams from. */
export const TRAINING_EVENT_STORE = Symbol('TRAINING_EVENT_STORE');
/** The read models Training's projections keep (MongoDB, or mingo in memory). */
export const TRAINING_READ_MODELS = Symbol('TRAINING_READ_MODELS');
/** Told after every append (the embedded profile wakes its in-memory projections). */
export const TRAINING_APPEND_LISTENER = Symbol('TRAINING_APPEND_LISTENER');
/** The Registry's facts about trainees: who is a contact person of which association, and its standing. */
export const TRAINING_TRAINEES = Symbol('TRAINING_TRAINEES');
/** The keys the check-in codes are signed with. */
export const TRAINING_CHECK_IN_KEYS = Symbol('TRAINING_CHECK_IN_KEYS');

export type { AppendListener } from '@tadamon/nest-kit';

/** A trainee as the Registry knows them: the facts enrolment is decided on. */
export interface TraineeStanding {
  traineeId: string;
  associationId: string;
  /** The association is verified (not submitted, rejected, suspended, dissolved or merged). */
  associationVerified: boolean;
  /** The person is still a contact person of the association (not removed, not erased). */
  contactActive: boolean;
}

/** A trainee's card, opened only to put their name on a certificate: never stored in clear, never logged. */
export interface TraineeCard {
  fullName: string;
  email: string | null;
  language: 'ar' | 'fr' | 'en' | null;
}

/**
 * The Registry's contact persons seen from Training. In the platform, the Registry's read models
 * (a card opened with the person's key); in the distributed service, a directory its Registry
 * consumer keeps from the Registry's topics.
 */
export interface TraineeDirectory {
  standing(traineeId: string): Promise<TraineeStanding | undefined>;
  /** The card, or 'erased' (the key is destroyed), or undefined (no such person). */
  openCard(traineeId: string): Promise<TraineeCard | 'erased' | undefined>;
  associationNames(associationId: string): Promise<{ ar?: string; fr?: string; en?: string } | undefined>;
}

/** What Training needs from the profile that hosts it: injection tokens of the host's providers. */
export interface TrainingInfrastructure {
  eventStore: symbol | string;
  readModels: symbol | string;
  trainees: symbol | string;
  appendListener?: symbol | string;
}

export type TrainingEventStore = EventStore;
export type TrainingReadModels = DocumentStore;
