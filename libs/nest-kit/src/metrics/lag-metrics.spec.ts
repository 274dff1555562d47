import { KitMetrics } from './kit-metrics';
import { LagMetrics, LagReading, LagSource } from './lag-metrics';

async function series(metrics: KitMetrics, name: string) {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  return (await metric.get()).values.map(({ labels, value }) => ({ labels, value }));
}

/** A source whose answers the test gives, one call at a time. */
function controlledSource() {
  let answer: () => Promise<LagReading[]> = async () => [];
  let calls = 0;
  const source: LagSource = () => {
    calls += 1;
    return answer();
  };
  return {
    source,
    calls: () => calls,
    answers: (readings: LagReading[]) => (answer = async () => readings),
    fails: (message: string) => (answer = async () => Promise.reject(new Error(message))),
    hangs: () => (answer = () => new Promise<LagReading[]>(() => undefined)),
  };
}

describe('LagMetrics', () => {
  let lags: LagMetrics | undefined;
  afterEach(async () => {
    await lags?.stop();
    lags = undefined;
  });

  it("removes a failing source's series instead of keeping its last value, and counts the failure", async () => {
    const metrics = new KitMetrics();
    const relay = controlledSource();
    lags = new LagMetrics(metrics, { relay: relay.source });

    relay.answers([{ kind: 'relay', relay: 'relay:registry', lag: 7 }]);
    await lags.refresh();
    expect(await series(metrics, 'relay_lag_events')).toEqual([
      { labels: { relay: 'relay:registry' }, value: 7 },
    ]);

    relay.fails('connection terminated');
    await lags.refresh();
    expect(await series(metrics, 'relay_lag_events')).toEqual([]);
    expect(await series(metrics, 'lag_measurement_failures_total')).toEqual([
      { labels: { source: 'relay' }, value: 1 },
    ]);

    relay.answers([{ kind: 'relay', relay: 'relay:registry', lag: 0 }]);
    await lags.refresh();
    expect(await series(metrics, 'relay_lag_events')).toEqual([
      { labels: { relay: 'relay:registry' }, value: 0 },
    ]);
  });

  it('gives up on a hung source after the timeout without holding up the others, and does not call it again until it answers', async () => {
    const metrics = new KitMetrics();
    const consumer = controlledSource();
    const projections = controlledSource();
    lags = new LagMetrics(
      metrics,
      { consumer: consumer.source, projections: projections.source },
      { timeoutMs: 50 },
    );
    consumer.answers([{ kind: 'consumer', consumer: 'funding', lag: 3 }]);
    projections.answers([{ kind: 'projection', projection: 'board', lag: 1 }]);
    await lags.refresh();

    consumer.hangs();
    projections.answers([{ kind: 'projection', projection: 'board', lag: 2 }]);
    const started = Date.now();
    await lags.refresh();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await series(metrics, 'consumer_lag_messages')).toEqual([]);
    expect(await series(metrics, 'projection_lag_events')).toEqual([
      { labels: { projection: 'board' }, value: 2 },
    ]);

    // Still hung: not called again, counted again, and the other source keeps being measured.
    projections.answers([{ kind: 'projection', projection: 'board', lag: 5 }]);
    await lags.refresh();
    expect(consumer.calls()).toBe(2);
    expect(await series(metrics, 'projection_lag_events')).toEqual([
      { labels: { projection: 'board' }, value: 5 },
    ]);
    expect(await series(metrics, 'lag_measurement_failures_total')).toEqual([
      { labels: { source: 'consumer' }, value: 2 },
    ]);
  });

  it('keeps refreshing the other sources on its timer while one source hangs', async () => {
    const metrics = new KitMetrics();
    const hung = controlledSource();
    hung.hangs();
    let lag = 0;
    const counting: LagSource = async () => [{ kind: 'relay', relay: 'relay:funding', lag: ++lag }];
    lags = new LagMetrics(
      metrics,
      { consumer: hung.source, relay: counting },
      { intervalMs: 30, timeoutMs: 20 },
    );
    lags.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [reading] = await series(metrics, 'relay_lag_events');
    expect(reading.value).toBeGreaterThanOrEqual(4);
    expect(hung.calls()).toBe(1);
  });

  it('removes the series a source no longer reports, and stamps each successful measurement', async () => {
    const metrics = new KitMetrics();
    const projections = controlledSource();
    lags = new LagMetrics(metrics, { projections: projections.source });
    projections.answers([
      { kind: 'projection', projection: 'board', lag: 1 },
      { kind: 'projection', projection: 'directory', lag: 4 },
    ]);
    const before = Date.now() / 1000;
    await lags.refresh();
    const [stamp] = await series(metrics, 'lag_measured_timestamp_seconds');
    expect(stamp.labels).toEqual({ source: 'projections' });
    expect(stamp.value).toBeGreaterThanOrEqual(before - 1);

    projections.answers([{ kind: 'projection', projection: 'board', lag: 0 }]);
    await lags.refresh();
    expect(await series(metrics, 'projection_lag_events')).toEqual([
      { labels: { projection: 'board' }, value: 0 },
    ]);
  });
});
