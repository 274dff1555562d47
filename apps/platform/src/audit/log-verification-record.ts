import { LogBreak, LogVerification, VerifiedSeal } from '@tadamon/event-store';

/** What a verification of the whole log found, as the API gives it (docs/audit.md). */
export interface LogVerificationResult {
  verdict: 'ok' | 'broken';
  /** Events verified (all streams, seals included), up to `head`, the log's head when it began. */
  events: number;
  head: number;
  /** Every stream's hash chain: how many streams, and whether they all hold. */
  chains: { streams: number; ok: boolean };
  seals: { checked: boolean; signaturesChecked: boolean; count: number; last: VerifiedSeal | null };
  unsealed: { count: number; firstPosition: number | null; firstRecordedAt: string | null };
  /** The first broken event in global order; null when the log verifies. */
  firstBreak: LogBreak | null;
  threads: number;
}

export interface LogVerificationRecord {
  id: string;
  status: 'running' | 'done' | 'failed';
  requestedBy: string;
  startedAt: string;
  finishedAt: string | null;
  progress: { checked: number; total: number; percent: number };
  result: LogVerificationResult | null;
  /** Why a failed verification could not complete (the store could not be read). */
  error: string | null;
}

export function verificationResult(v: LogVerification): LogVerificationResult {
  const chainBreak =
    !v.ok && !v.broken.reason.startsWith('seal-') && v.broken.reason !== 'known-seal-missing';
  return {
    verdict: v.ok ? 'ok' : 'broken',
    events: v.events,
    head: v.head,
    chains: { streams: v.streams, ok: !chainBreak },
    seals: {
      checked: v.seals.checked,
      signaturesChecked: v.seals.signaturesChecked,
      count: v.seals.count,
      last: v.seals.last ?? null,
    },
    unsealed: {
      count: v.unsealed.count,
      firstPosition: v.unsealed.firstPosition ?? null,
      firstRecordedAt: v.unsealed.firstRecordedAt ?? null,
    },
    firstBreak: v.ok ? null : v.broken,
    threads: v.threads,
  };
}
