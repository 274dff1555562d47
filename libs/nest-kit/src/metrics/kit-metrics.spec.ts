import { KitMetrics } from './kit-metrics';
import { ConsumerCounts, RelayCounts } from './operator-counts';

const line = (text: string, series: string) =>
  text.split('\n').find((candidate) => candidate.startsWith(`${series} `));

describe('KitMetrics', () => {
  it("adds what a relay's totals grew by at each scrape, and stays monotonic when they start afresh", async () => {
    const metrics = new KitMetrics();
    let totals: RelayCounts = { published: 0, batches: 0, sendFailures: 0, reconnects: 0 };
    metrics.trackRelay('relay:registry', () => totals);

    const first = await metrics.scrape();
    expect(line(first, 'relay_events_published_total{relay="relay:registry"}')).toMatch(/ 0$/);
    expect(line(first, 'relay_send_failures_total{relay="relay:registry"}')).toMatch(/ 0$/);

    totals = { published: 12, batches: 3, sendFailures: 2, reconnects: 1 };
    const second = await metrics.scrape();
    expect(line(second, 'relay_events_published_total{relay="relay:registry"}')).toMatch(/ 12$/);
    expect(line(second, 'relay_batches_total{relay="relay:registry"}')).toMatch(/ 3$/);
    expect(line(second, 'relay_send_failures_total{relay="relay:registry"}')).toMatch(/ 2$/);
    expect(line(second, 'relay_reconnects_total{relay="relay:registry"}')).toMatch(/ 1$/);

    // A new relay instance counts from 0: its 5 are added, the counter never goes down.
    totals = { published: 5, batches: 1, sendFailures: 0, reconnects: 0 };
    const third = await metrics.scrape();
    expect(line(third, 'relay_events_published_total{relay="relay:registry"}')).toMatch(/ 17$/);
    expect(line(third, 'relay_send_failures_total{relay="relay:registry"}')).toMatch(/ 2$/);
  });

  it("counts a consumer's messages by outcome", async () => {
    const metrics = new KitMetrics({ app: 'funding' });
    const totals: ConsumerCounts = { processed: 7, duplicates: 2, retries: 3, deadLettered: 1 };
    metrics.trackConsumer('tadamon-funding', () => totals);
    const text = await metrics.scrape();
    const outcome = (name: string) =>
      line(text, `consumer_messages_total{consumer="tadamon-funding",outcome="${name}",app="funding"}`);
    expect(outcome('processed')).toMatch(/ 7$/);
    expect(outcome('duplicate')).toMatch(/ 2$/);
    expect(outcome('retried')).toMatch(/ 3$/);
    expect(outcome('dead_lettered')).toMatch(/ 1$/);
  });

  it("reads a pool's clients at each scrape", async () => {
    const metrics = new KitMetrics();
    const pool = { totalCount: 4, idleCount: 1, waitingCount: 0, options: { max: 10 } };
    metrics.trackPool('service', pool);
    expect(line(await metrics.scrape(), 'db_pool_connections{pool="service",state="total"}')).toMatch(/ 4$/);

    Object.assign(pool, { totalCount: 10, idleCount: 0, waitingCount: 6 });
    const text = await metrics.scrape();
    expect(line(text, 'db_pool_connections{pool="service",state="total"}')).toMatch(/ 10$/);
    expect(line(text, 'db_pool_connections{pool="service",state="idle"}')).toMatch(/ 0$/);
    expect(line(text, 'db_pool_connections{pool="service",state="waiting"}')).toMatch(/ 6$/);
    expect(line(text, 'db_pool_max{pool="service"}')).toMatch(/ 10$/);
  });

  it('exposes the event-loop lag and the process series when asked to', async () => {
    const text = await new KitMetrics({ app: 'registry', processMetrics: true }).scrape();
    for (const series of [
      'nodejs_eventloop_lag_seconds{app="registry"}',
      'nodejs_eventloop_lag_p99_seconds{app="registry"}',
      'nodejs_heap_size_used_bytes{app="registry"}',
      'process_cpu_seconds_total{app="registry"}',
    ])
      expect(line(text, series)).toBeDefined();
    expect(await new KitMetrics().scrape()).not.toContain('nodejs_eventloop_lag_seconds');
  });
});
