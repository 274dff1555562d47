import { RecordedEvent } from '@tadamon/eventsourcing';
import { SubscribeOptions, Subscription } from './event-store';

export interface PollingSource {
  /** Up to `maxCount` events after `after` in global order, already filtered. */
  read(after: number, maxCount: number): Promise<RecordedEvent[]> | RecordedEvent[];
  /** Registers a callback run after a local append; returns the unregister function. */
  onAppend?(wake: () => void): () => void;
}

export interface PollingSettings {
  pollIntervalMs: number;
  batchSize: number;
}

/**
 * Catch-up then live delivery over a store whose positions become visible in order (no late
 * commits below a visible position): read pages after the last delivered position; when a page
 * comes back short, wait for a local append or the poll interval, then read again.
 */
export function pollingSubscription(
  source: PollingSource,
  settings: PollingSettings,
  options: SubscribeOptions,
): Subscription {
  let position = options.after;
  let stopped = false;
  let wakeUp: (() => void) | undefined;
  let woken = false;
  const wake = () => {
    woken = true;
    wakeUp?.();
  };
  const unregister = source.onAppend?.(wake);

  const idle = () =>
    new Promise<void>((resolve) => {
      if (woken || stopped) return resolve();
      const timer = setTimeout(done, settings.pollIntervalMs);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });

  const run = async () => {
    try {
      while (!stopped) {
        woken = false;
        const page = await source.read(position ?? 0, settings.batchSize);
        for (const event of page) {
          if (stopped) return;
          await options.onEvent(event);
          position = event.globalPosition;
        }
        if (page.length < settings.batchSize) await idle();
      }
    } catch (error) {
      stopped = true;
      options.onError?.(error instanceof Error ? error : new Error(String(error)));
    } finally {
      unregister?.();
    }
  };
  const running = run();

  return {
    get position() {
      return position;
    },
    stop() {
      stopped = true;
      wakeUp?.();
      return running;
    },
  };
}

/** Keeps a subscription in its store's set while it runs, so closing the store can stop it. */
export function trackedSubscription(running: Set<Subscription>, subscription: Subscription): Subscription {
  running.add(subscription);
  return {
    get position() {
      return subscription.position;
    },
    stop: async () => {
      await subscription.stop();
      running.delete(subscription);
    },
  };
}
