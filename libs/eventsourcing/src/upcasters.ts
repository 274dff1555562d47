import { DEFAULT_SCHEMA_VERSION } from './decider';
import { InvalidUpcaster, UnknownSchemaVersion } from './errors';

/** The fields of a stored event an upcaster reads and rewrites. */
export interface VersionedEvent {
  type: string;
  schemaVersion: number;
  data: unknown;
}

/** Turns the data of version n of an event type into the data of version n + 1. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Upcaster = (data: any, event: VersionedEvent) => unknown;

/**
 * Old event versions are upcast on read; stored events are never rewritten. Each event type has a
 * chain v1 -> v2 -> ... -> latest, registered in order (no duplicate, no gap); types keep their
 * name across versions (event types are never renamed).
 */
export class UpcasterRegistry {
  /** chains.get(type)[i] upcasts version i + 1 to version i + 2. */
  private readonly chains = new Map<string, Upcaster[]>();

  register(type: string, fromVersion: number, upcaster: Upcaster): this {
    if (!Number.isInteger(fromVersion) || fromVersion < DEFAULT_SCHEMA_VERSION) {
      throw new InvalidUpcaster(
        type,
        fromVersion,
        `the version must be an integer >= ${DEFAULT_SCHEMA_VERSION}`,
      );
    }
    const latest = this.latestVersion(type);
    if (fromVersion < latest) {
      throw new InvalidUpcaster(
        type,
        fromVersion,
        `v${fromVersion} -> v${fromVersion + 1} is already registered`,
      );
    }
    if (fromVersion > latest) {
      throw new InvalidUpcaster(type, fromVersion, `leaves a gap: the chain ends at v${latest}`);
    }
    const chain = this.chains.get(type) ?? [];
    chain.push(upcaster);
    this.chains.set(type, chain);
    return this;
  }

  /** The version upcast brings events of this type to (1 when none is registered). */
  latestVersion(type: string): number {
    return DEFAULT_SCHEMA_VERSION + (this.chains.get(type)?.length ?? 0);
  }

  /** The event in its type's latest shape: the same object when it already is, else a copy. */
  upcast<T extends VersionedEvent>(event: T): T {
    const chain = this.chains.get(event.type);
    if (chain === undefined) return event;
    const latest = DEFAULT_SCHEMA_VERSION + chain.length;
    const from = event.schemaVersion;
    if (from === latest) return event;
    if (!Number.isInteger(from) || from < DEFAULT_SCHEMA_VERSION || from > latest) {
      throw new UnknownSchemaVersion(event.type, from, latest);
    }
    let current: VersionedEvent = event;
    for (let version = from; version < latest; version++) {
      const data = chain[version - DEFAULT_SCHEMA_VERSION](current.data, current);
      current = { type: event.type, schemaVersion: version + 1, data };
    }
    return { ...event, schemaVersion: latest, data: current.data };
  }
}
