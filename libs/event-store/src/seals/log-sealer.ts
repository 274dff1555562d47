import { KeyObject } from 'node:crypto';
import {
  eventIdFor,
  GENESIS_HASH,
  LOG_SEAL_EVENT_TYPE,
  LOG_SEAL_STREAM,
  LOG_SEAL_VERSION,
  LogSeal,
  NO_STREAM,
  NewEvent,
  parseLogSeal,
  SealDigest,
  sealKeyId,
  signLogSeal,
  StreamNotFound,
  WrongExpectedRevision,
} from '@tadamon/eventsourcing';
import { AppendResult, EventStore } from '../event-store';
import { parseSealPrivateKey } from './seal-keys';

export interface LogSealerOptions {
  store: EventStore;
  /** The Ed25519 private key (a KeyObject, or PEM / base64 text). */
  privateKey: KeyObject | string;
  /** Names the key in each seal. Default: sealKeyId of its public key. */
  keyId?: string;
  /** How often pending events are sealed. Default 1000 ms. */
  intervalMs?: number;
  /** The most events one seal covers; a larger backlog gets several seals. Default 1000. */
  everyEvents?: number;
  /** Rows read per page while following the log. Default 1000. */
  pageSize?: number;
  /** Seal what is pending when stop() is called. Default true. */
  sealOnStop?: boolean;
  /** The clock that stamps sealedAt. Default: the system clock. */
  now?: () => Date;
  /** Called after each seal is stored (for logs and metrics). */
  onSeal?: (seal: LogSeal) => void;
  /** Called when a round fails; the next round tries again. Default: a line on stderr. */
  onError?: (error: Error) => void;
}

/** Where the last seal left the log. */
interface SealState {
  position: number;
  count: number;
  digest: string;
  /** Revision of the last seal event in the seal stream, -1 when there is none. */
  revision: number;
}

const SEALER_ACTOR = { id: 'log-sealer', roles: ['system'] };
/** Seal appends lost to other sealers in one round before the round gives up (the next round retries). */
const MAX_CONFLICTS = 5;

/**
 * Follows the global log and appends a signed seal (LOG_SEAL_STREAM, type LogSealed) after new
 * events: every `intervalMs`, in seals of at most `everyEvents` events. Events after the last seal
 * that are only seals themselves are not sealed again (an idle log gets no new seals). Several
 * sealers on one log are safe: a seal is appended at the seal stream's expected revision, and a
 * sealer that lost the race reloads the last seal and continues from there.
 */
export class LogSealer {
  private readonly store: EventStore;
  private readonly privateKey: KeyObject;
  readonly keyId: string;
  private readonly intervalMs: number;
  private readonly everyEvents: number;
  private readonly pageSize: number;
  private readonly sealOnStop: boolean;
  private readonly now: () => Date;
  private readonly onSeal?: (seal: LogSeal) => void;
  private readonly onError: (error: Error) => void;
  private state: SealState | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** The round in progress: rounds never overlap. */
  private round: Promise<LogSeal[]> = Promise.resolve([]);

  constructor(options: LogSealerOptions) {
    this.store = options.store;
    this.privateKey =
      typeof options.privateKey === 'string' ? parseSealPrivateKey(options.privateKey) : options.privateKey;
    this.keyId = options.keyId ?? sealKeyId(this.privateKey);
    this.intervalMs = positiveInteger('intervalMs', options.intervalMs ?? 1000);
    this.everyEvents = positiveInteger('everyEvents', options.everyEvents ?? 1000);
    this.pageSize = positiveInteger('pageSize', options.pageSize ?? 1000);
    this.sealOnStop = options.sealOnStop ?? true;
    this.now = options.now ?? (() => new Date());
    this.onSeal = options.onSeal;
    this.onError = options.onError ?? ((error) => process.stderr.write(`log sealer: ${error.message}\n`));
  }

  /** Seals the backlog now, then every intervalMs. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    // The sealer never keeps a process alive by itself.
    this.timer.unref();
    void this.tick();
  }

  /** Stops the timer, waits for the round in progress, and (sealOnStop) seals what is pending. */
  async stop(): Promise<void> {
    const wasRunning = this.timer !== undefined;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.round.catch(() => undefined);
    if (wasRunning && this.sealOnStop) {
      await this.sealNow().catch((error: unknown) => this.onError(toError(error)));
    }
  }

  /** Seals every pending event now (after the round in progress); returns the seals appended. */
  sealNow(): Promise<LogSeal[]> {
    const next = this.round.catch(() => []).then(() => this.sealPending());
    this.round = next;
    return next;
  }

  private async tick(): Promise<void> {
    try {
      await this.sealNow();
    } catch (error) {
      this.onError(toError(error));
    }
  }

  private async sealPending(): Promise<LogSeal[]> {
    const seals: LogSeal[] = [];
    let conflicts = 0;
    for (;;) {
      const state = this.state ?? (this.state = await this.lastSeal());
      const digest = new SealDigest(state.digest);
      let position = state.position;
      let sealable = false;
      let caughtUp = false;
      while (digest.count < this.everyEvents) {
        const wanted = Math.min(this.pageSize, this.everyEvents - digest.count);
        const page = await this.store.readAllStored({ after: position, maxCount: wanted });
        for (const row of page) {
          digest.add(row.hash);
          position = row.globalPosition;
          if (row.streamId !== LOG_SEAL_STREAM) sealable = true;
        }
        if (page.length < wanted) {
          caughtUp = true;
          break;
        }
      }
      // Nothing new, or only the seals themselves: an idle log gets no new seal.
      if (!sealable) return seals;

      const seal = signLogSeal(
        {
          version: LOG_SEAL_VERSION,
          position,
          count: state.count + digest.count,
          digest: digest.digest(),
          previousSealDigest: state.digest,
          sealedAt: this.now().toISOString(),
          keyId: this.keyId,
        },
        this.privateKey,
      );
      let result: AppendResult;
      try {
        result = await this.store.appendToStream(LOG_SEAL_STREAM, [sealEvent(seal)], {
          expectedRevision: state.revision < 0 ? NO_STREAM : state.revision,
        });
      } catch (error) {
        this.state = undefined;
        // Another sealer sealed meanwhile: continue from its seal.
        if (error instanceof WrongExpectedRevision && ++conflicts < MAX_CONFLICTS) continue;
        throw error;
      }
      // The seal as stored: when another sealer stored the same seal first, the store returns its.
      const stored = parseLogSeal(result.events[0].data);
      if (typeof stored === 'string') throw new Error(`the stored seal is malformed: ${stored}`);
      this.state = {
        position: stored.position,
        count: stored.count,
        digest: stored.digest,
        revision: result.nextExpectedRevision,
      };
      seals.push(stored);
      this.onSeal?.(stored);
      if (caughtUp) return seals;
    }
  }

  /** The last seal of the log (or the start of the log when there is none). */
  private async lastSeal(): Promise<SealState> {
    let events;
    try {
      events = await this.store.readStream(LOG_SEAL_STREAM, { direction: 'backwards', maxCount: 1 });
    } catch (error) {
      if (error instanceof StreamNotFound)
        return { position: 0, count: 0, digest: GENESIS_HASH, revision: -1 };
      throw error;
    }
    if (events.length === 0) return { position: 0, count: 0, digest: GENESIS_HASH, revision: -1 };
    const seal = parseLogSeal(events[0].data);
    if (typeof seal === 'string') {
      throw new Error(
        `the last seal (${LOG_SEAL_STREAM} revision ${events[0].revision}) is malformed: ${seal}`,
      );
    }
    return { position: seal.position, count: seal.count, digest: seal.digest, revision: events[0].revision };
  }
}

/** The seal as an event. Its id is derived from what it seals, so a retried append stores it once. */
function sealEvent(seal: LogSeal): NewEvent {
  const commandId = eventIdFor(`log-seal:${seal.previousSealDigest}:${seal.position}`, 0);
  return {
    id: eventIdFor(commandId, 0),
    type: LOG_SEAL_EVENT_TYPE,
    schemaVersion: 1,
    data: seal,
    metadata: { correlationId: commandId, causationId: commandId, commandId, actor: SEALER_ACTOR },
  };
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got ${value}`);
  return value;
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
