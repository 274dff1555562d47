import { describeExpectedRevision, ExpectedRevision } from './expected-revision';

/** Base of every typed error of the event-sourcing core and the event store. */
export abstract class EventSourcingError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream is not at the revision the caller expected (optimistic concurrency). */
export class WrongExpectedRevision extends EventSourcingError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision, or -1 when it does not exist. */
    readonly actual: number,
  ) {
    super(
      `stream ${streamId}: expected ${describeExpectedRevision(expected)}, ` +
        `but it is ${actual < 0 ? 'absent' : `at revision ${actual}`}`,
    );
  }
}

export class StreamNotFound extends EventSourcingError {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(readonly streamId: string) {
    super(`stream ${streamId} does not exist`);
  }
}

export class InvalidStreamName extends EventSourcingError {
  readonly code = 'INVALID_STREAM_NAME';
  constructor(
    readonly streamId: string,
    readonly reason: string,
  ) {
    super(`invalid stream name ${JSON.stringify(streamId)}: ${reason}`);
  }
}

export class EmptyAppend extends EventSourcingError {
  readonly code = 'EMPTY_APPEND';
  constructor(readonly streamId: string) {
    super(`append to ${streamId} has no events`);
  }
}

/** Event data or metadata that is not plain JSON, or an envelope field of the wrong shape. */
export class InvalidEvent extends EventSourcingError {
  readonly code = 'INVALID_EVENT';
  constructor(
    readonly eventId: string,
    readonly reason: string,
  ) {
    super(`invalid event ${eventId}: ${reason}`);
  }
}

export class EventTooLarge extends EventSourcingError {
  readonly code = 'EVENT_TOO_LARGE';
  constructor(
    readonly eventId: string,
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`event ${eventId} is ${bytes} bytes, over the limit of ${maxBytes}`);
  }
}

/** Some event ids of an append are already stored, but not as that same append (not a retry). */
export class DuplicateEventId extends EventSourcingError {
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(
    readonly eventId: string,
    readonly streamId: string,
  ) {
    super(`event id ${eventId} is already stored (in ${streamId}) by a different append`);
  }
}

/** An upcaster registration that would leave a type's version chain ambiguous or incomplete. */
export class InvalidUpcaster extends EventSourcingError {
  readonly code = 'INVALID_UPCASTER';
  constructor(
    readonly eventType: string,
    readonly fromVersion: number,
    readonly reason: string,
  ) {
    super(`upcaster for ${eventType} v${fromVersion}: ${reason}`);
  }
}

/** A stored event of a schema version this code does not know (written by newer code?). */
export class UnknownSchemaVersion extends EventSourcingError {
  readonly code = 'UNKNOWN_SCHEMA_VERSION';
  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
    readonly latestVersion: number,
  ) {
    super(`${eventType} v${schemaVersion} is unknown: the latest known version is v${latestVersion}`);
  }
}
