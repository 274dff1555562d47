import type { ApiRecord } from '../../api/record-fields';
import { textField } from '../../api/record-fields';

export interface Outcome {
  status: string;
  /** Why it was not sent (a skip reason's code) or why it failed (the transport's words). */
  reason?: { kind: 'skip'; code: string } | { kind: 'failure'; text: string };
}

/**
 * How a notice ended, as the proof shows it: delivered; skipped with its reason (a code the page
 * translates); failed, retrying or bounced with the last failure as the transport wrote it.
 */
export function outcomeOf(notification: ApiRecord): Outcome {
  const status = textField(notification, 'status') ?? '';
  const skip = textField(notification, 'skipReason');
  if (status === 'skipped' && skip) return { status, reason: { kind: 'skip', code: skip } };
  const failure = textField(notification, 'lastFailure');
  if (['failed', 'retrying', 'bounced'].includes(status) && failure)
    return { status, reason: { kind: 'failure', text: failure } };
  return { status };
}
