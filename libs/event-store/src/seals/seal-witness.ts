import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { LOG_SEAL_STREAM, LogSeal, parseLogSeal, StreamNotFound } from '@tadamon/eventsourcing';
import { EventStore } from '../event-store';

/** One witnessed seal: a day's latest seal, as published (a line of the witness file, JSON). */
export interface WitnessedSeal {
  /** The UTC day of sealedAt (YYYY-MM-DD). */
  day: string;
  digest: string;
  position: number;
  count: number;
  sealedAt: string;
  keyId: string;
  /** The seal's own signature: the line can be checked with the sealer's public key. */
  signature: string;
}

export function witnessedSeal(seal: LogSeal): WitnessedSeal {
  return {
    day: seal.sealedAt.slice(0, 10),
    digest: seal.digest,
    position: seal.position,
    count: seal.count,
    sealedAt: seal.sealedAt,
    keyId: seal.keyId,
    signature: seal.signature,
  };
}

/**
 * An append-only file outside the log with each day's latest seal, one JSON line a day, for the
 * operator to archive or mail to the auditors (`verify --known-seals FILE` reads it as it is).
 * A line is written when the day of the seals changes, and at stop for the day so far: a day may
 * so have more than one line (its latest at a stop, then at the day's end); each is a real seal.
 */
export class SealWitnessFile {
  private pending: LogSeal | undefined;
  private lastWritten: string | undefined;

  constructor(readonly file: string) {
    this.lastWritten = readWitnessFile(file).at(-1)?.digest;
  }

  /** Notes a new seal (the sealer's onSeal); writes the previous day's latest when the day changes. */
  record(seal: LogSeal): void {
    if (this.pending && this.pending.sealedAt.slice(0, 10) !== seal.sealedAt.slice(0, 10)) this.flush();
    this.pending = seal;
  }

  /** Writes the latest seal noted, unless it is the last line already. */
  flush(): void {
    const seal = this.pending;
    this.pending = undefined;
    if (!seal || seal.digest === this.lastWritten) return;
    mkdirSync(dirname(this.file), { recursive: true });
    appendFileSync(this.file, `${JSON.stringify(witnessedSeal(seal))}\n`, { mode: 0o644 });
    this.lastWritten = seal.digest;
  }

  /** The lines written, oldest first (at most the last `max`). */
  lines(max = Infinity): WitnessedSeal[] {
    const all = readWitnessFile(this.file);
    return max < all.length ? all.slice(all.length - max) : all;
  }
}

/** The witness file's lines that parse; an absent file has none. */
export function readWitnessFile(file: string): WitnessedSeal[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        const value = JSON.parse(line) as WitnessedSeal;
        return typeof value?.digest === 'string' ? [value] : [];
      } catch {
        return [];
      }
    });
}

const DIGEST = /^[0-9a-f]{64}$/;

/**
 * The digests of a known-seals file (`verify --known-seals`): a witness file (JSON lines with a
 * `digest`), or one hex digest a line; blank lines and `#` comments are skipped. Anything else is
 * an error naming the line, so that a mangled witness is never read as an empty one.
 */
export function parseKnownSeals(text: string, what = 'the known-seals file'): string[] {
  const digests: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (DIGEST.test(line)) {
      digests.push(line);
      return;
    }
    let digest: unknown;
    try {
      digest = (JSON.parse(line) as { digest?: unknown })?.digest;
    } catch {
      digest = undefined;
    }
    if (typeof digest !== 'string' || !DIGEST.test(digest))
      throw new Error(
        `${what}, line ${index + 1}: neither a seal digest (64 lower-case hex digits) nor a witness line with one`,
      );
    digests.push(digest);
  });
  if (digests.length === 0) throw new Error(`${what} holds no seal digest`);
  return digests;
}

/** The log's last seal, undefined when it has none (or the last one is malformed). */
export async function lastLogSeal(store: EventStore): Promise<LogSeal | undefined> {
  try {
    const [event] = await store.readStream(LOG_SEAL_STREAM, { direction: 'backwards', maxCount: 1 });
    const seal = event ? parseLogSeal(event.data) : undefined;
    return typeof seal === 'object' ? seal : undefined;
  } catch (error) {
    if (error instanceof StreamNotFound) return undefined;
    throw error;
  }
}

/** What the public witness endpoint answers: the latest seal now, and the days witnessed. */
export interface SealWitnessView {
  latest: WitnessedSeal | null;
  /** The witness file's last lines, oldest first (at most 31). */
  days: WitnessedSeal[];
}

export async function sealWitnessView(
  store: EventStore,
  witness?: SealWitnessFile,
): Promise<SealWitnessView> {
  const latest = await lastLogSeal(store);
  return { latest: latest ? witnessedSeal(latest) : null, days: witness?.lines(31) ?? [] };
}
