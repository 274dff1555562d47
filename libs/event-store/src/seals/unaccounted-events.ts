import { KeyObject, sign } from 'node:crypto';
import { canonicalJson, eventIdFor, NewEvent } from '@tadamon/eventsourcing';
import { StoredEvent } from '../event-store';

/** The stream where an operator's acknowledgement of unaccounted events is recorded (category `logSealAck`). */
export const SEAL_ACKNOWLEDGEMENT_STREAM = 'logSealAck-global';
export const SEAL_ACKNOWLEDGEMENT_EVENT_TYPE = 'UnaccountedEventsAcknowledged';

/** Positions named one by one in a report; the rest are counted. */
const LISTED_POSITIONS = 20;

/** How the sealer's previous run ended, as far as this process can tell (its stop marker). */
export type PreviousStop = { clean: true; headPosition: number; stoppedAt: string } | { clean: false };

/** Events in the log that the sealer cannot account for: not written by this process, not acknowledged. */
export interface UnaccountedReport {
  count: number;
  firstPosition: number;
  lastPosition: number;
  /** The first positions, in order (at most 20). */
  positions: number[];
  /** Stream id → events. */
  streams: Record<string, number>;
  firstRecordedAt: string;
  lastRecordedAt: string;
  /** Sealing stops here: the position before the first unaccounted event. */
  sealedUpTo: number;
  previousStop: PreviousStop;
}

/** Gathers the unaccounted rows the sealer meets, in global order. */
export class UnaccountedEvents {
  private report: UnaccountedReport | undefined;

  constructor(private readonly previousStop: () => PreviousStop) {}

  get current(): UnaccountedReport | undefined {
    return this.report;
  }

  /** Adds a row; true when it is new to the report. */
  add(row: StoredEvent, sealedUpTo: number): boolean {
    const report = this.report;
    if (report && row.globalPosition <= report.lastPosition) return false;
    if (!report) {
      this.report = {
        count: 1,
        firstPosition: row.globalPosition,
        lastPosition: row.globalPosition,
        positions: [row.globalPosition],
        streams: { [row.streamId]: 1 },
        firstRecordedAt: row.recordedAt,
        lastRecordedAt: row.recordedAt,
        sealedUpTo,
        previousStop: this.previousStop(),
      };
      return true;
    }
    report.count++;
    report.lastPosition = row.globalPosition;
    if (report.positions.length < LISTED_POSITIONS) report.positions.push(row.globalPosition);
    report.streams[row.streamId] = (report.streams[row.streamId] ?? 0) + 1;
    report.lastRecordedAt = row.recordedAt;
    return true;
  }

  clear(): void {
    this.report = undefined;
  }
}

/** The loud line an operator reads (log, /health): what was found, why it is not sealed, what to do. */
export function describeUnaccounted(report: UnaccountedReport, acknowledgeVariable: string): string {
  const more =
    report.count > report.positions.length ? ` and ${report.count - report.positions.length} more` : '';
  const streams = Object.entries(report.streams)
    .map(([stream, n]) => `${stream} (${n})`)
    .join(', ');
  const when =
    report.previousStop.clean && report.firstPosition > report.previousStop.headPosition
      ? `they appeared while the platform was stopped (it stopped cleanly at position ${report.previousStop.headPosition}, ${report.previousStop.stoppedAt}), so something else wrote them`
      : report.previousStop.clean
        ? 'something other than this platform wrote them into its log'
        : 'the platform did not stop cleanly, so they may be its own last appends before the crash (at most one sealing interval) or added by someone else: they cannot be told apart';
  return (
    `UNACCOUNTED EVENTS IN THE LOG: ${report.count} event(s) this platform did not write, at position(s) ` +
    `${report.positions.join(', ')}${more} (streams ${streams}; recorded ${report.firstRecordedAt} to ${report.lastRecordedAt}); ` +
    `${when}. They are NOT sealed: sealing stops at position ${report.sealedUpTo} until an operator who has ` +
    `checked them restarts the platform with ${acknowledgeVariable}=${report.lastPosition}`
  );
}

/** What an acknowledgement states; signed with the seal key, then covered by the next seal. */
export interface SealAcknowledgementClaim {
  /** Every event up to this position is acknowledged (the last unaccounted one reported). */
  upToPosition: number;
  count: number;
  firstPosition: number;
  positions: number[];
  streams: Record<string, number>;
  acknowledgedAt: string;
  /** Who acknowledged, as the operator gave it (free text), and how. */
  acknowledgedBy: string;
  keyId: string;
}

export function sealAcknowledgementEvent(
  claim: SealAcknowledgementClaim,
  privateKey: KeyObject,
  actor: { id: string; roles: string[] },
): NewEvent {
  const signature = sign(null, Buffer.from(canonicalJson(claim), 'utf8'), privateKey).toString('base64');
  const commandId = eventIdFor(`log-seal-ack:${claim.upToPosition}:${claim.acknowledgedAt}`, 0);
  return {
    id: eventIdFor(commandId, 0),
    type: SEAL_ACKNOWLEDGEMENT_EVENT_TYPE,
    schemaVersion: 1,
    data: { ...claim, signature },
    metadata: { correlationId: commandId, causationId: commandId, commandId, actor },
  };
}
