import { Counter, LabelValues } from 'prom-client';

/** A relay's running totals (KafkaRelay.metrics() has this shape). */
export interface RelayCounts {
  published: number;
  batches: number;
  sendFailures: number;
  reconnects: number;
}

/** A consumer's running totals (KafkaEventConsumer.metrics() and EmbeddedEventTransport.metrics()). */
export interface ConsumerCounts {
  processed: number;
  duplicates: number;
  retries: number;
  deadLettered: number;
}

/** One series of a counter, created at 0 so it is exposed before its first increment. */
export interface CounterSeries {
  inc(by: number): void;
}

export function counterSeries<L extends string>(counter: Counter<L>, labels: LabelValues<L>): CounterSeries {
  counter.inc(labels, 0);
  return { inc: (by) => counter.inc(labels, by) };
}

/**
 * Feeds counters from a component's running totals: each call adds what every total grew by since
 * the previous call, so the counters stay monotonic whatever the component reports. A total lower
 * than last time is a component counting afresh (a new instance): it counts from its zero.
 */
export function countsFeeder<K extends string>(
  read: () => Readonly<Record<K, number>>,
  series: Record<K, CounterSeries>,
): () => void {
  const last = new Map<K, number>();
  return () => {
    const totals = read();
    for (const key of Object.keys(series) as K[]) {
      const total = totals[key];
      const before = last.get(key) ?? 0;
      const grown = total >= before ? total - before : total;
      if (grown > 0) series[key].inc(grown);
      last.set(key, total);
    }
  };
}
