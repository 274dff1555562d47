import {
  Decider,
  DomainEvent,
  EventStreamStore,
  NewEvent,
  RecordedEvent,
  revisionMatches,
  StreamNotFound,
  WrongExpectedRevision,
} from '@tadamon/eventsourcing';
import { KitMetrics } from '../metrics/kit-metrics';
import { RequestContext } from '../request-context/request-context';
import { ContextCommands, publicOutcome } from './context-commands';

class Refused extends Error {}

type CounterCommand =
  { type: 'Open'; data: { id: string } } | { type: 'Add'; data: { id: string; by: number } };
type CounterEvent = DomainEvent<'Opened', { id: string }> | DomainEvent<'Added', { by: number }>;
type Counter = { total: number } | null;

const counter: Decider<CounterCommand & { metadata: never }, CounterEvent, Counter> = {
  initialState: () => null,
  decide(command, state) {
    if (command.type === 'Open') return state ? [] : [{ type: 'Opened', data: { id: command.data.id } }];
    if (!state) throw new Refused('no counter');
    if (command.data.by === 0) return [];
    return [{ type: 'Added', data: { by: command.data.by } }];
  },
  evolve: (state, event) =>
    event.type === 'Opened' ? { total: 0 } : { total: (state?.total ?? 0) + event.data.by },
};

/** Streams in memory, counting reads; `conflictOnce` makes the next append lose a race. */
class Streams implements EventStreamStore {
  readonly streams = new Map<string, RecordedEvent[]>();
  reads = 0;
  conflictOnce = false;
  failOnce = false;
  private position = 0;

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    this.reads++;
    const stream = this.streams.get(streamId);
    if (!stream) throw new StreamNotFound(streamId);
    return [...stream];
  }

  async appendToStream(streamId: string, events: NewEvent[], options: { expectedRevision: never }) {
    if (this.failOnce) {
      this.failOnce = false;
      throw new Error('disk full');
    }
    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length - 1;
    if (this.conflictOnce || !revisionMatches(options.expectedRevision, actual)) {
      this.conflictOnce = false;
      throw new WrongExpectedRevision(streamId, options.expectedRevision, actual);
    }
    const recorded = events.map((event, i) => ({
      ...event,
      streamId,
      revision: actual + 1 + i,
      globalPosition: ++this.position,
      recordedAt: '2026-01-01T00:00:00.000Z',
      prevHash: '',
      hash: '',
    }));
    this.streams.set(streamId, [...stream, ...recorded]);
    return { nextExpectedRevision: actual + events.length, events: recorded };
  }
}

const AGGREGATES = { counter: { decider: counter, stream: (id: string) => `counter-${id}` } };
const actor = { id: 'officer-1', roles: ['officer'] };

function setup() {
  const streams = new Streams();
  const metrics = new KitMetrics({ app: 'test' });
  const appended: Array<[number, string]> = [];
  const commands = new ContextCommands(AGGREGATES, streams, {
    context: 'test',
    isDomainError: (error) => error instanceof Refused,
    creating: new Set(['Open']),
    listener: { appended: (position, streamId) => appended.push([position, streamId]) },
    metrics,
  });
  const outcomes = async () =>
    (await metrics.registry.getSingleMetric('commands_total')?.get())?.values.map((v) => [
      v.labels.command,
      v.labels.outcome,
      v.value,
    ]) ?? [];
  return { streams, commands, appended, outcomes };
}

describe('ContextCommands', () => {
  it('runs a command with the request metadata, tells the host of the append and counts it', async () => {
    const { streams, commands, appended, outcomes } = setup();
    const opened = await RequestContext.run({ correlationId: 'corr-1' }, () =>
      commands.run('counter', 'a', { type: 'Open', data: { id: 'a' } }, actor, { commandId: 'cmd-1' }),
    );
    expect(opened).toMatchObject({ revision: 0, position: 1, events: ['Opened'] });
    expect(opened.recorded[0].metadata).toMatchObject({ correlationId: 'corr-1', commandId: 'cmd-1', actor });
    expect(publicOutcome(opened)).toEqual({ revision: 0, position: 1, events: ['Opened'] });
    expect(streams.reads).toBe(0); // a creating command does not read its new stream
    expect(appended).toEqual([[1, 'counter-a']]);
    expect(await outcomes()).toEqual([['Open', 'accepted', 1]]);
  });

  it('runs many commands on one stream at once one after another, in order, with no lost race', async () => {
    const { streams, commands, outcomes } = setup();
    await commands.run('counter', 'a', { type: 'Open', data: { id: 'a' } }, actor);
    const adds = Array.from({ length: 50 }, (_, i) =>
      commands.run('counter', 'a', { type: 'Add', data: { id: 'a', by: i + 1 } }, actor, { maxRetries: 0 }),
    );
    const results = await Promise.all(adds);
    expect(results.map((r) => r.revision)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const added = (streams.streams.get('counter-a') ?? []).slice(1).map((e) => (e.data as { by: number }).by);
    expect(added).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await outcomes()).toEqual([
      ['Open', 'accepted', 1],
      ['Add', 'accepted', 50],
    ]);
  });

  it('counts unchanged, rejected, conflict and failed outcomes', async () => {
    const { streams, commands, appended, outcomes } = setup();
    await commands.run('counter', 'a', { type: 'Open', data: { id: 'a' } }, actor);
    expect(
      await commands.run('counter', 'a', { type: 'Add', data: { id: 'a', by: 0 } }, actor),
    ).toMatchObject({
      position: null,
      events: [],
    });
    await expect(
      commands.run('counter', 'b', { type: 'Add', data: { id: 'b', by: 1 } }, actor),
    ).rejects.toThrow(Refused);
    streams.conflictOnce = true;
    await expect(
      commands.run('counter', 'a', { type: 'Add', data: { id: 'a', by: 2 } }, actor, { expectedRevision: 0 }),
    ).rejects.toThrow(WrongExpectedRevision);
    streams.failOnce = true;
    await expect(
      commands.run('counter', 'a', { type: 'Add', data: { id: 'a', by: 1 } }, actor),
    ).rejects.toThrow('disk full');
    expect(appended).toHaveLength(1);
    expect((await outcomes()).sort()).toEqual([
      ['Add', 'conflict', 1],
      ['Add', 'failed', 1],
      ['Add', 'rejected', 1],
      ['Add', 'unchanged', 1],
      ['Open', 'accepted', 1],
    ]);
  });

  it('loads the folded state with its revision, or undefined for an empty stream', async () => {
    const { commands } = setup();
    expect(await commands.load('counter', 'a')).toBeUndefined();
    await commands.run('counter', 'a', { type: 'Open', data: { id: 'a' } }, actor);
    await commands.run('counter', 'a', { type: 'Add', data: { id: 'a', by: 5 } }, actor);
    expect(await commands.load('counter', 'a')).toMatchObject({ state: { total: 5 }, revision: 1 });
  });
});
