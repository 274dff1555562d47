import { createPublicKey, KeyObject } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  verifyLogSealSignature,
  WrongExpectedRevision,
} from '@tadamon/eventsourcing';
import { AppendResult, EventStore, StoredEvent } from '../event-store';
import { parseSealPrivateKey } from './seal-keys';
import {
  describeUnaccounted,
  PreviousStop,
  SEAL_ACKNOWLEDGEMENT_STREAM,
  sealAcknowledgementEvent,
  UnaccountedEvents,
  UnaccountedReport,
} from './unaccounted-events';

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
  /**
   * Seal only what this sealer can account for (the embedded profile, one writer): events the
   * store object committed in this process (`store.onCommitted`), the sealer's own previous seals
   * (signature checked), and what an operator acknowledged. Anything else stops the sealing before
   * it and is reported (onUnaccounted). Default false: every event is sealed (several writers).
   */
  onlyOwnWrites?: boolean;
  /**
   * With onlyOwnWrites: the position an operator acknowledges (TADAMON_SEAL_ACKNOWLEDGE). It must
   * be the last unaccounted event reported; everything up to it is then recorded as acknowledged
   * (a signed event of `logSealAck-global`) and sealed.
   */
  acknowledge?: { upToPosition: number; by: string };
  /** The variable named in reports for the acknowledgement. Default TADAMON_SEAL_ACKNOWLEDGE. */
  acknowledgeVariable?: string;
  /**
   * With onlyOwnWrites: a file where stop() notes the head it left (a clean stop); read and removed
   * at start, so a report can tell events added while the platform was stopped from a crash window.
   */
  stopMarkerFile?: string;
  /** Called when unaccounted events are found (again when more appear). Default: a line on stderr. */
  onUnaccounted?: (report: UnaccountedReport, message: string) => void;
  /** Called with what the acknowledgement did (or why it was refused). Default: a line on stderr. */
  onAcknowledgement?: (message: string, ok: boolean) => void;
}

export interface LogSealerStatus {
  /** The position the last seal covers (0: none). */
  sealedUpTo: number;
  /** Events the sealer cannot account for, which stop the sealing (onlyOwnWrites). */
  unaccounted?: UnaccountedReport;
  /** The operator's line about them. */
  message?: string;
}

/** Where the last seal left the log. */
interface SealState {
  position: number;
  count: number;
  digest: string;
  /** Revision of the last seal event in the seal stream, -1 when there is none. */
  revision: number;
  /**
   * onlyOwnWrites: the position of the last seal this sealer's key signed, when the last seal is
   * not one (another key, a bad signature): what lies after it is not accounted for.
   */
  vouchedUpTo?: number;
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
  private readonly onlyOwnWrites: boolean;
  private readonly publicKey: KeyObject;
  /** Positions this process committed that are not sealed yet (onlyOwnWrites). */
  private readonly ownWrites = new Set<number>();
  private stopCommitted: (() => void) | undefined;
  private acknowledgedUpTo = 0;
  private pendingAcknowledgement: { upToPosition: number; by: string } | undefined;
  private readonly acknowledgeVariable: string;
  private readonly unaccounted: UnaccountedEvents;
  /** The last position looked at for unaccounted events. */
  private surveyedTo = 0;
  private readonly stopMarkerFile?: string;
  private previousStop: PreviousStop | undefined;
  private readonly onUnaccounted: (report: UnaccountedReport, message: string) => void;
  private readonly onAcknowledgement: (message: string, ok: boolean) => void;

  constructor(options: LogSealerOptions) {
    this.store = options.store;
    this.privateKey =
      typeof options.privateKey === 'string' ? parseSealPrivateKey(options.privateKey) : options.privateKey;
    this.publicKey = createPublicKey(this.privateKey);
    this.keyId = options.keyId ?? sealKeyId(this.publicKey);
    this.intervalMs = positiveInteger('intervalMs', options.intervalMs ?? 1000);
    this.everyEvents = positiveInteger('everyEvents', options.everyEvents ?? 1000);
    this.pageSize = positiveInteger('pageSize', options.pageSize ?? 1000);
    this.sealOnStop = options.sealOnStop ?? true;
    this.now = options.now ?? (() => new Date());
    this.onSeal = options.onSeal;
    this.onError = options.onError ?? ((error) => process.stderr.write(`log sealer: ${error.message}\n`));
    this.onlyOwnWrites = options.onlyOwnWrites ?? false;
    this.pendingAcknowledgement = options.acknowledge;
    this.acknowledgeVariable = options.acknowledgeVariable ?? 'TADAMON_SEAL_ACKNOWLEDGE';
    this.stopMarkerFile = options.stopMarkerFile;
    this.unaccounted = new UnaccountedEvents(() => this.previousStop ?? { clean: false });
    this.onUnaccounted =
      options.onUnaccounted ?? ((_report, message) => process.stderr.write(`log sealer: ${message}\n`));
    this.onAcknowledgement =
      options.onAcknowledgement ?? ((message) => process.stderr.write(`log sealer: ${message}\n`));
    if (this.onlyOwnWrites) {
      if (!this.store.onCommitted)
        throw new Error('onlyOwnWrites needs a store that reports its commits (onCommitted): SQLite');
      this.stopCommitted = this.store.onCommitted((result) => {
        for (const event of result.events) this.ownWrites.add(event.globalPosition);
      });
      this.previousStop = this.readStopMarker();
    }
  }

  /** Where sealing stands, and what stops it. */
  status(): LogSealerStatus {
    const report = this.unaccounted.current;
    return {
      sealedUpTo: this.state?.position ?? 0,
      ...(report && { unaccounted: report, message: describeUnaccounted(report, this.acknowledgeVariable) }),
    };
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
    let sealed = true;
    if (wasRunning && this.sealOnStop) {
      await this.sealNow().catch((error: unknown) => {
        sealed = false;
        this.onError(toError(error));
      });
    }
    // A stop whose last round failed left its own events unsealed: not a clean stop.
    if (wasRunning && sealed && this.stopMarkerFile) {
      try {
        const marker = { headPosition: await this.store.headPosition(), stoppedAt: this.now().toISOString() };
        writeFileSync(this.stopMarkerFile, `${JSON.stringify(marker)}\n`, { mode: 0o644 });
      } catch (error) {
        this.onError(toError(error));
      }
    }
    this.stopCommitted?.();
    this.stopCommitted = undefined;
  }

  /** The previous run's stop marker, removed so that a crash of this run leaves none. */
  private readStopMarker(): PreviousStop {
    if (!this.stopMarkerFile) return { clean: false };
    try {
      const marker = JSON.parse(readFileSync(this.stopMarkerFile, 'utf8')) as Record<string, unknown>;
      rmSync(this.stopMarkerFile, { force: true });
      if (Number.isSafeInteger(marker.headPosition) && typeof marker.stoppedAt === 'string')
        return { clean: true, headPosition: marker.headPosition as number, stoppedAt: marker.stoppedAt };
    } catch {
      // No marker (first start, or a crash), or an unreadable one: not a clean stop.
    }
    return { clean: false };
  }

  /** Whether the sealer can vouch for this row (always, without onlyOwnWrites). */
  private accounts(row: StoredEvent): boolean {
    if (
      !this.onlyOwnWrites ||
      row.globalPosition <= this.acknowledgedUpTo ||
      this.ownWrites.has(row.globalPosition)
    )
      return true;
    // A seal this sealer's key signed, in an earlier run (its row lies after what it covers).
    if (row.streamId !== LOG_SEAL_STREAM || row.type !== LOG_SEAL_EVENT_TYPE) return false;
    let seal: LogSeal | string;
    try {
      seal = parseLogSeal(JSON.parse(row.dataJson));
    } catch {
      return false;
    }
    return typeof seal !== 'string' && this.signedIt(seal);
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
      if (state.vouchedUpTo !== undefined && this.acknowledgedUpTo < state.position) {
        // The last seal is not this sealer's: what it covers after the last own seal is unaccounted.
        await this.survey(state.vouchedUpTo, state.vouchedUpTo);
        if (this.pendingAcknowledgement && (await this.acknowledgePending())) continue;
        return seals;
      }
      const digest = new SealDigest(state.digest);
      let position = state.position;
      let sealable = false;
      let caughtUp = false;
      let foreign: StoredEvent | undefined;
      pages: while (digest.count < this.everyEvents) {
        const wanted = Math.min(this.pageSize, this.everyEvents - digest.count);
        const page = await this.store.readAllStored({ after: position, maxCount: wanted });
        for (const row of page) {
          if (!this.accounts(row)) {
            foreign = row;
            caughtUp = true;
            break pages;
          }
          digest.add(row.hash);
          position = row.globalPosition;
          if (row.streamId !== LOG_SEAL_STREAM) sealable = true;
        }
        if (page.length < wanted) {
          caughtUp = true;
          break;
        }
      }
      if (foreign && !sealable) {
        await this.survey(foreign.globalPosition - 1, position);
        if (this.pendingAcknowledgement && (await this.acknowledgePending())) continue;
        return seals;
      }
      if (!foreign && caughtUp && this.pendingAcknowledgement) {
        this.onAcknowledgement(
          `${this.acknowledgeVariable}=${this.pendingAcknowledgement.upToPosition}: the log holds no unaccounted event, nothing to acknowledge (remove the variable)`,
          false,
        );
        this.pendingAcknowledgement = undefined;
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
      for (const own of this.ownWrites) if (own <= stored.position) this.ownWrites.delete(own);
      seals.push(stored);
      this.onSeal?.(stored);
      // The next pass meets the unaccounted event again, reports it and stops there.
      if (foreign) continue;
      if (caughtUp) return seals;
    }
  }

  /** Reads the log from the first unaccounted event to its head, adding what cannot be accounted for. */
  private async survey(from: number, sealedUpTo: number): Promise<void> {
    let grew = false;
    let after = Math.max(this.surveyedTo, from);
    for (;;) {
      const page = await this.store.readAllStored({ after, maxCount: this.pageSize });
      for (const row of page) {
        if (!this.accounts(row)) grew = this.unaccounted.add(row, sealedUpTo) || grew;
        after = row.globalPosition;
      }
      if (page.length < this.pageSize) break;
    }
    this.surveyedTo = after;
    const report = this.unaccounted.current;
    if (grew && report) this.onUnaccounted(report, describeUnaccounted(report, this.acknowledgeVariable));
  }

  /**
   * Records the operator's acknowledgement when it names the last unaccounted event reported: a
   * signed event, after which everything up to that position is accounted for. True when recorded.
   */
  private async acknowledgePending(): Promise<boolean> {
    const wanted = this.pendingAcknowledgement as { upToPosition: number; by: string };
    this.pendingAcknowledgement = undefined;
    const report = this.unaccounted.current;
    if (report === undefined) return false;
    if (wanted.upToPosition !== report.lastPosition) {
      this.onAcknowledgement(
        `${this.acknowledgeVariable}=${wanted.upToPosition} is refused: it must name the last unaccounted event, position ${report.lastPosition} (${report.count} event(s) from position ${report.firstPosition}); nothing acknowledged, nothing sealed past position ${report.sealedUpTo}`,
        false,
      );
      return false;
    }
    const acknowledgedAt = this.now().toISOString();
    const event = sealAcknowledgementEvent(
      {
        upToPosition: report.lastPosition,
        count: report.count,
        firstPosition: report.firstPosition,
        positions: report.positions,
        streams: report.streams,
        acknowledgedAt,
        acknowledgedBy: wanted.by,
        keyId: this.keyId,
      },
      this.privateKey,
      SEALER_ACTOR,
    );
    let revision: number;
    try {
      revision = (
        await this.store.readStream(SEAL_ACKNOWLEDGEMENT_STREAM, { direction: 'backwards', maxCount: 1 })
      )[0].revision;
    } catch (error) {
      if (!(error instanceof StreamNotFound)) throw error;
      revision = -1;
    }
    await this.store.appendToStream(SEAL_ACKNOWLEDGEMENT_STREAM, [event], {
      expectedRevision: revision < 0 ? NO_STREAM : revision,
    });
    this.acknowledgedUpTo = report.lastPosition;
    this.unaccounted.clear();
    this.surveyedTo = 0;
    this.onAcknowledgement(
      `${report.count} unaccounted event(s) up to position ${report.lastPosition} acknowledged by ${wanted.by} (recorded in ${SEAL_ACKNOWLEDGEMENT_STREAM}, signed): they are sealed now`,
      true,
    );
    return true;
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
    const state = {
      position: seal.position,
      count: seal.count,
      digest: seal.digest,
      revision: events[0].revision,
    };
    if (!this.onlyOwnWrites) return state;
    if (this.signedIt(seal)) return state;
    return { ...state, vouchedUpTo: await this.lastOwnSealPosition(events[0].revision) };
  }

  private signedIt(seal: LogSeal): boolean {
    return seal.keyId === this.keyId && verifyLogSealSignature(seal, this.publicKey);
  }

  /** The position covered by the newest seal before `revision` that this sealer's key signed (0: none). */
  private async lastOwnSealPosition(revision: number): Promise<number> {
    for (let before = revision - 1; before >= 0; before -= this.pageSize) {
      const page = await this.store.readStream(LOG_SEAL_STREAM, {
        direction: 'backwards',
        fromRevision: before,
        maxCount: this.pageSize,
      });
      for (const event of page) {
        const seal = parseLogSeal(event.data);
        if (typeof seal !== 'string' && this.signedIt(seal)) return seal.position;
      }
    }
    return 0;
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
