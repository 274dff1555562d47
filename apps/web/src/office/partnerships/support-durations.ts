/** A duration in the reader's words, at most two units: "3 d 4 h", "5 h 10 min", "12 min". */
export function durationParts(ms: number): { unit: 'days' | 'hours' | 'minutes'; count: number }[] {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0)
    return hours > 0
      ? [
          { unit: 'days', count: days },
          { unit: 'hours', count: hours },
        ]
      : [{ unit: 'days', count: days }];
  if (hours > 0)
    return rest > 0
      ? [
          { unit: 'hours', count: hours },
          { unit: 'minutes', count: rest },
        ]
      : [{ unit: 'hours', count: hours }];
  return [{ unit: 'minutes', count: rest }];
}

export type SupportNextStep = 'assign' | 'answer' | 'close' | 'none';

/** What the officer does next on a request of the queue, from its status. */
export const supportNextStep = (status: string | undefined): SupportNextStep =>
  status === 'received'
    ? 'assign'
    : status === 'assigned'
      ? 'answer'
      : status === 'answered'
        ? 'close'
        : 'none';
