import { canonicalJson } from './canonical-json';
import { EventStreamStore, handleCommand } from './command-handler';
import { Command, Decider, DomainEvent } from './decider';
import { NewEvent, RecordedEvent } from './envelope';
import { DuplicateEventId, StreamNotFound, WrongExpectedRevision } from './errors';
import { eventIdFor } from './event-id';
import { ExpectedRevision, NO_STREAM, revisionMatches } from './expected-revision';
import { chainHash, GENESIS_HASH, hashInput } from './hash-chain';
import { UpcasterRegistry } from './upcasters';
import { LruStreamStates } from './stream-states';

/** Only for these pure tests: the real adapters live in @tadamon/event-store. */
class InMemoryStreams implements EventStreamStore {
  readonly streams = new Map<string, RecordedEvent[]>();
  private readonly ids = new Set<string>();
  private position = 0;
  appends = 0;
  reads = 0;
  /** Runs before each append is checked: lets a test play a concurrent writer. */
  beforeAppend: (() => Promise<void>) | undefined;

  eventsRead = 0;

  async readStream(streamId: string, options: { fromRevision?: number } = {}): Promise<RecordedEvent[]> {
    this.reads++;
    const stream = this.streams.get(streamId);
    if (!stream) throw new StreamNotFound(streamId);
    const events = stream.slice(options.fromRevision ?? 0);
    this.eventsRead += events.length;
    return events;
  }

  async appendToStream(
    streamId: string,
    events: NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ) {
    await this.beforeAppend?.();
    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length - 1;
    if (!revisionMatches(options.expectedRevision, actual)) {
      throw new WrongExpectedRevision(streamId, options.expectedRevision, actual);
    }
    for (const event of events) if (this.ids.has(event.id)) throw new DuplicateEventId(event.id, streamId);
    let prevHash = stream.at(-1)?.hash ?? GENESIS_HASH;
    const sealed: RecordedEvent[] = events.map((event, i) => {
      const fields = {
        ...event,
        streamId,
        revision: actual + 1 + i,
        recordedAt: '2025-03-01T10:00:00.000Z',
        prevHash,
      };
      const hash = chainHash(
        hashInput(fields, canonicalJson(event.data), canonicalJson(event.metadata)),
        prevHash,
      );
      prevHash = hash;
      return { ...fields, globalPosition: ++this.position, hash };
    });
    for (const event of sealed) this.ids.add(event.id);
    this.streams.set(streamId, [...stream, ...sealed]);
    this.appends++;
    return { nextExpectedRevision: actual + events.length, events: sealed };
  }
}

// A test-only budget envelope: allocations may not exceed the ceiling set when it was opened.
type BudgetCommand =
  Command<'Open', { ceiling: number }> | Command<'Allocate', { grantId: string; amount: number }>;
type BudgetEvent =
  | DomainEvent<'EnvelopeOpened', { ceiling: number }>
  | DomainEvent<'AmountAllocated', { grantId: string; amount: number }>;
type BudgetState = { ceiling: number; allocated: number; grants: string[] } | null;

class BudgetExceeded extends Error {}

let decisions = 0;
const budget: Decider<BudgetCommand, BudgetEvent, BudgetState> = {
  initialState: () => null,
  decide(command, state) {
    decisions++;
    switch (command.type) {
      case 'Open':
        return state ? [] : [{ type: 'EnvelopeOpened', data: command.data }];
      case 'Allocate':
        if (!state) throw new Error('no envelope');
        if (state.grants.includes(command.data.grantId)) return [];
        if (state.allocated + command.data.amount > state.ceiling) throw new BudgetExceeded();
        return [{ type: 'AmountAllocated', data: command.data, schemaVersion: 2 }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'EnvelopeOpened':
        return { ceiling: event.data.ceiling, allocated: 0, grants: [] };
      case 'AmountAllocated':
        if (!state) throw new Error('an allocation before the envelope was opened');
        return {
          ceiling: state.ceiling,
          allocated: state.allocated + event.data.amount,
          grants: [...state.grants, event.data.grantId],
        };
    }
  },
};

const STREAM = 'budgetEnvelope-call2025';
const actor = { id: 'officer-1', roles: ['budget-officer'] };

function command<C extends BudgetCommand>(
  type: C['type'],
  data: C['data'],
  commandId: string,
): BudgetCommand {
  return { type, data, metadata: { commandId, actor, now: '2025-03-01T10:00:00.000Z' } } as BudgetCommand;
}
const open = (id = 'cmd-open') => command('Open', { ceiling: 100 }, id);
const allocate = (grantId: string, amount: number, id = `cmd-${grantId}`) =>
  command('Allocate', { grantId, amount }, id);

/** Appends an allocation as another process would, once, just before the handler's next append. */
function concurrentAllocation(store: InMemoryStreams, grantId: string, amount: number): void {
  store.beforeAppend = async () => {
    store.beforeAppend = undefined;
    await handleCommand(store, budget, STREAM, allocate(grantId, amount));
  };
}

let store: InMemoryStreams;
const storedEvents = (): RecordedEvent[] => store.streams.get(STREAM) ?? [];
beforeEach(() => {
  store = new InMemoryStreams();
  decisions = 0;
});

describe('handleCommand', () => {
  it('starts a new stream, with ids and metadata derived from the command', async () => {
    const result = await handleCommand(store, budget, STREAM, open());
    expect(result.nextExpectedRevision).toBe(0);
    expect(result.newState).toEqual({ ceiling: 100, allocated: 0, grants: [] });
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({
      id: eventIdFor('cmd-open', 0),
      type: 'EnvelopeOpened',
      schemaVersion: 1,
      streamId: STREAM,
      revision: 0,
      data: { ceiling: 100 },
      metadata: { correlationId: 'cmd-open', causationId: 'cmd-open', commandId: 'cmd-open', actor },
    });
    expect(result.events[0].metadata).not.toHaveProperty('tenant');
  });

  it('reads through readStreamOrEmpty when the store has it, so a new stream costs no error', async () => {
    const plain = new InMemoryStreams();
    const orEmpty: EventStreamStore = {
      readStream: async () => {
        throw new Error('readStream must not be called when readStreamOrEmpty exists');
      },
      readStreamOrEmpty: async (streamId) => plain.streams.get(streamId) ?? [],
      appendToStream: plain.appendToStream.bind(plain),
    };
    const result = await handleCommand(orEmpty, budget, STREAM, open());
    expect(result.nextExpectedRevision).toBe(0);
    expect(plain.streams.get(STREAM)).toHaveLength(1);
  });

  describe('assumeNewStream', () => {
    it('creates the stream without reading it first', async () => {
      const result = await handleCommand(store, budget, STREAM, open(), { assumeNewStream: true });
      expect(store.reads).toBe(0);
      expect(result.nextExpectedRevision).toBe(0);
      expect(result.newState).toEqual({ ceiling: 100, allocated: 0, grants: [] });
      expect(storedEvents()).toHaveLength(1);
    });

    it('decides against the stored stream when it exists: the same outcome as without the option', async () => {
      await handleCommand(store, budget, STREAM, open('first'));
      store.reads = 0;
      const repeated = await handleCommand(store, budget, STREAM, open('second'), { assumeNewStream: true });
      expect(repeated.events).toEqual([]);
      expect(repeated.nextExpectedRevision).toBe(0);
      expect(storedEvents()).toHaveLength(1);
      expect(store.reads).toBe(1);
    });

    it('gives the refusal of the stored state, not of the initial one', async () => {
      await handleCommand(store, budget, STREAM, open());
      await handleCommand(store, budget, STREAM, allocate('g1', 90));
      await expect(
        handleCommand(store, budget, STREAM, allocate('g2', 20), { assumeNewStream: true }),
      ).rejects.toBeInstanceOf(BudgetExceeded);
      expect(storedEvents()).toHaveLength(2);
    });

    it('reads first when the caller gives a revision other than NO_STREAM', async () => {
      await handleCommand(store, budget, STREAM, open());
      store.reads = 0;
      await handleCommand(store, budget, STREAM, allocate('g1', 10), {
        assumeNewStream: true,
        expectedRevision: 0,
      });
      expect(store.reads).toBe(1);
      expect(storedEvents()).toHaveLength(2);
    });

    it('still refuses NO_STREAM from the caller when the stream exists', async () => {
      await handleCommand(store, budget, STREAM, open('first'));
      await expect(
        handleCommand(store, budget, STREAM, open('second'), {
          assumeNewStream: true,
          expectedRevision: NO_STREAM,
        }),
      ).rejects.toBeInstanceOf(WrongExpectedRevision);
    });
  });

  it('appends to an existing stream at the revision it read', async () => {
    await handleCommand(store, budget, STREAM, open());
    await handleCommand(store, budget, STREAM, allocate('g1', 30));
    const result = await handleCommand(store, budget, STREAM, allocate('g2', 50));
    expect(result.nextExpectedRevision).toBe(2);
    expect(result.newState).toEqual({ ceiling: 100, allocated: 80, grants: ['g1', 'g2'] });
    expect(result.events[0]).toMatchObject({ revision: 2, schemaVersion: 2, id: eventIdFor('cmd-g2', 0) });
  });

  it('keeps the correlation, causation and tenant the command carries, and only the actor id and roles', async () => {
    const traced: BudgetCommand = {
      ...open(),
      metadata: {
        commandId: 'cmd-open',
        correlationId: 'corr-1',
        causationId: 'evt-0',
        tenant: 'ministry',
        now: '2025-03-01T10:00:00.000Z',
        actor: { ...actor, displayName: 'not stored' } as typeof actor,
      },
    };
    const { events } = await handleCommand(store, budget, STREAM, traced);
    expect(events[0].metadata).toEqual({
      correlationId: 'corr-1',
      causationId: 'evt-0',
      commandId: 'cmd-open',
      actor,
      tenant: 'ministry',
    });
  });

  it('appends nothing when decide returns no event, and returns the current revision', async () => {
    await handleCommand(store, budget, STREAM, open());
    const again = await handleCommand(store, budget, STREAM, open('cmd-open-again'));
    expect(again).toEqual({
      newState: { ceiling: 100, allocated: 0, grants: [] },
      events: [],
      nextExpectedRevision: 0,
    });
    expect(store.appends).toBe(1);
  });

  it('reports NO_STREAM when nothing was decided on a stream that does not exist', async () => {
    const nothing: Decider<BudgetCommand, BudgetEvent, BudgetState> = { ...budget, decide: () => [] };
    const result = await handleCommand(store, nothing, STREAM, open());
    expect(result).toEqual({ newState: null, events: [], nextExpectedRevision: NO_STREAM });
    expect(store.appends).toBe(0);
  });

  it('lets the decider reject a command, writing nothing', async () => {
    await handleCommand(store, budget, STREAM, open());
    await expect(handleCommand(store, budget, STREAM, allocate('g1', 101))).rejects.toThrow(BudgetExceeded);
    expect(storedEvents()).toHaveLength(1);
  });

  it('appends at the revision the caller gives', async () => {
    await handleCommand(store, budget, STREAM, open());
    const result = await handleCommand(store, budget, STREAM, allocate('g1', 10), { expectedRevision: 0 });
    expect(result.nextExpectedRevision).toBe(1);
  });

  it('does not retry, nor decide, when the caller gave a stale revision', async () => {
    await handleCommand(store, budget, STREAM, open());
    await handleCommand(store, budget, STREAM, allocate('g1', 10));
    decisions = 0;
    const stale = handleCommand(store, budget, STREAM, allocate('g2', 10), { expectedRevision: 0 });
    await expect(stale).rejects.toMatchObject({ name: 'WrongExpectedRevision', expected: 0, actual: 1 });
    expect(decisions).toBe(0);
    expect(storedEvents()).toHaveLength(2);
  });

  it('does not retry a conflict with a concurrent writer when the caller gave the revision', async () => {
    await handleCommand(store, budget, STREAM, open());
    concurrentAllocation(store, 'other', 10);
    decisions = 0;
    store.reads = 0;
    const conflicting = handleCommand(store, budget, STREAM, allocate('g1', 10), { expectedRevision: 0 });
    await expect(conflicting).rejects.toThrow(WrongExpectedRevision);
    // Ours once, and the concurrent writer's once: no second attempt.
    expect(decisions).toBe(2);
    expect(store.reads).toBe(2);
    expect(storedEvents().map((e) => e.data)).toEqual([{ ceiling: 100 }, { grantId: 'other', amount: 10 }]);
  });

  it('rejects NO_STREAM from the caller when the stream exists', async () => {
    await handleCommand(store, budget, STREAM, open());
    await expect(
      handleCommand(store, budget, STREAM, open('cmd-2'), { expectedRevision: NO_STREAM }),
    ).rejects.toThrow(WrongExpectedRevision);
  });

  it('retries a conflict with a concurrent writer when no revision was given, deciding again', async () => {
    await handleCommand(store, budget, STREAM, open());
    concurrentAllocation(store, 'other', 10);
    const result = await handleCommand(store, budget, STREAM, allocate('g1', 20));
    expect(result.nextExpectedRevision).toBe(2);
    expect(result.newState).toEqual({ ceiling: 100, allocated: 30, grants: ['other', 'g1'] });
    expect(result.events.map((e) => e.revision)).toEqual([2]);
  });

  it('decides again on the fresh state when it retries: the invariant holds under the race', async () => {
    await handleCommand(store, budget, STREAM, open());
    concurrentAllocation(store, 'other', 60);
    await expect(handleCommand(store, budget, STREAM, allocate('g1', 50))).rejects.toThrow(BudgetExceeded);
    expect(storedEvents().map((e) => e.data)).toEqual([{ ceiling: 100 }, { grantId: 'other', amount: 60 }]);
  });

  it('gives up after maxRetries conflicts', async () => {
    await handleCommand(store, budget, STREAM, open());
    let rivals = 0;
    store.beforeAppend = async () => {
      const rival = store.beforeAppend;
      store.beforeAppend = undefined;
      await handleCommand(store, budget, STREAM, allocate(`rival-${++rivals}`, 1));
      store.beforeAppend = rival;
    };
    await expect(handleCommand(store, budget, STREAM, allocate('g1', 1), { maxRetries: 2 })).rejects.toThrow(
      WrongExpectedRevision,
    );
    expect(rivals).toBe(3);
    expect(storedEvents().some((e) => (e.data as { grantId?: string }).grantId === 'g1')).toBe(false);
  });

  it('gives the same event ids to the same command on any store', async () => {
    const other = new InMemoryStreams();
    const first = await handleCommand(store, budget, STREAM, open());
    const second = await handleCommand(other, budget, STREAM, open());
    expect(second.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
  });

  it('never appends a re-run command twice: its ids are already stored', async () => {
    const alwaysAllocates: Decider<BudgetCommand, BudgetEvent, BudgetState> = {
      ...budget,
      decide: (cmd, state) => budget.decide(cmd, state && { ...state, grants: [] }),
    };
    await handleCommand(store, budget, STREAM, open());
    await handleCommand(store, alwaysAllocates, STREAM, allocate('g1', 10));
    await expect(handleCommand(store, alwaysAllocates, STREAM, allocate('g1', 10))).rejects.toThrow(
      DuplicateEventId,
    );
    expect(storedEvents()).toHaveLength(2);
  });

  it('passes read errors other than a missing stream through', async () => {
    const broken: EventStreamStore = {
      readStream: async () => {
        throw new Error('disk on fire');
      },
      appendToStream: store.appendToStream.bind(store),
    };
    await expect(handleCommand(broken, budget, STREAM, open())).rejects.toThrow('disk on fire');
  });

  it('upcasts stored events before folding them', async () => {
    await handleCommand(store, budget, STREAM, open());
    // An allocation stored by older code, as v1 with the amount in cents under another name.
    const v1 = await store.appendToStream(
      STREAM,
      [
        {
          id: eventIdFor('legacy', 0),
          type: 'AmountAllocated',
          schemaVersion: 1,
          data: { grantId: 'old', cents: 4000 },
          metadata: { correlationId: 'l', causationId: 'l', commandId: 'l', actor },
        },
      ],
      { expectedRevision: 0 },
    );
    expect(v1.events[0].schemaVersion).toBe(1);
    const upcasters = new UpcasterRegistry().register(
      'AmountAllocated',
      1,
      (data: { grantId: string; cents: number }) => ({
        grantId: data.grantId,
        amount: data.cents / 100,
      }),
    );
    const result = await handleCommand(store, budget, STREAM, allocate('g1', 60), { upcasters });
    expect(result.newState).toEqual({ ceiling: 100, allocated: 100, grants: ['old', 'g1'] });
  });
});

describe('states kept between commands (StreamStates)', () => {
  const allocations = (count: number, prefix = 'g') =>
    Array.from({ length: count }, (_, i) => allocate(`${prefix}${i}`, 1));

  it('reads only the last event kept and what came after it, and decides as on the whole stream', async () => {
    const states = new LruStreamStates<unknown>(10);
    await handleCommand(store, budget, STREAM, open(), { states });
    for (const cmd of allocations(20)) await handleCommand(store, budget, STREAM, cmd, { states });
    store.eventsRead = 0;
    const result = await handleCommand(store, budget, STREAM, allocate('last', 5), { states });
    expect(store.eventsRead).toBe(1);
    expect(result.newState).toEqual({
      ceiling: 100,
      allocated: 25,
      grants: [...allocations(20).map((c) => (c.data as { grantId: string }).grantId), 'last'],
    });
    const unkept = await handleCommand(store, budget, STREAM, allocate('last', 5));
    expect(unkept.newState).toEqual(result.newState);
  });

  it('folds what another process appended since the state was kept', async () => {
    const states = new LruStreamStates<unknown>(10);
    await handleCommand(store, budget, STREAM, open(), { states });
    await handleCommand(store, budget, STREAM, allocate('mine', 60), { states });
    await handleCommand(store, budget, STREAM, allocate('theirs', 30)); // another process: no states
    await expect(
      handleCommand(store, budget, STREAM, allocate('too-much', 20), { states }),
    ).rejects.toBeInstanceOf(BudgetExceeded);
    const result = await handleCommand(store, budget, STREAM, allocate('fits', 10), { states });
    expect(result.newState).toMatchObject({ allocated: 100 });
  });

  it('keeps the state a refusal was decided on, and refuses the same way from it', async () => {
    const states = new LruStreamStates<unknown>(10);
    await handleCommand(store, budget, STREAM, open(), { states });
    await expect(
      handleCommand(store, budget, STREAM, allocate('big', 101), { states }),
    ).rejects.toBeInstanceOf(BudgetExceeded);
    store.eventsRead = 0;
    await expect(
      handleCommand(store, budget, STREAM, allocate('big', 101), { states }),
    ).rejects.toBeInstanceOf(BudgetExceeded);
    expect(store.eventsRead).toBe(1);
  });

  it('reads the whole stream again when the stream is not the one folded (its last event has another id)', async () => {
    const states = new LruStreamStates<unknown>(10);
    await handleCommand(store, budget, STREAM, open(), { states });
    await handleCommand(store, budget, STREAM, allocate('a', 90), { states });
    // The store emptied and written again (tests do it): same revisions, other events.
    store.streams.delete(STREAM);
    await handleCommand(store, budget, STREAM, open('cmd-open-again'));
    await handleCommand(store, budget, STREAM, allocate('b', 10, 'cmd-b'));
    const result = await handleCommand(store, budget, STREAM, allocate('c', 50), { states });
    expect(result.newState).toEqual({ ceiling: 100, allocated: 60, grants: ['b', 'c'] });
  });

  it('never applies an event twice when an evolve changes its state in place and the append loses a race', async () => {
    const inPlace: typeof budget = {
      ...budget,
      evolve(state, event) {
        if (event.type === 'AmountAllocated' && state) {
          state.allocated += event.data.amount;
          state.grants.push(event.data.grantId);
          return state;
        }
        return budget.evolve(state, event);
      },
    };
    const states = new LruStreamStates<unknown>(10);
    await handleCommand(store, inPlace, STREAM, open(), { states });
    concurrentAllocation(store, 'theirs', 10);
    const result = await handleCommand(store, inPlace, STREAM, allocate('mine', 20), { states });
    expect(result.newState).toEqual({ ceiling: 100, allocated: 30, grants: ['theirs', 'mine'] });
    const next = await handleCommand(store, inPlace, STREAM, allocate('next', 1), { states });
    expect(next.newState).toEqual({ ceiling: 100, allocated: 31, grants: ['theirs', 'mine', 'next'] });
  });

  it('does not keep a state when the store answers a retried command with the events it stored earlier', async () => {
    const states = new LruStreamStates<unknown>(10);
    await handleCommand(store, budget, STREAM, open(), { states });
    const first = await handleCommand(store, budget, STREAM, allocate('a', 10), { states });
    await handleCommand(store, budget, STREAM, allocate('b', 10), { states });
    // The store answers a command id it holds with its first events (as the real adapters do).
    const append = store.appendToStream.bind(store);
    store.appendToStream = async (streamId, events, options) =>
      events[0].id === first.events[0].id
        ? { nextExpectedRevision: first.events[0].revision, events: first.events }
        : append(streamId, events, options);
    await handleCommand(
      store,
      budget,
      STREAM,
      command('Allocate', { grantId: 'a-again', amount: 10 }, 'cmd-a'),
      {
        states,
      },
    );
    const result = await handleCommand(store, budget, STREAM, allocate('c', 10), { states });
    expect(result.newState).toEqual({ ceiling: 100, allocated: 30, grants: ['a', 'b', 'c'] });
  });

  it('forgets the least recently used stream beyond its capacity', () => {
    const states = new LruStreamStates<number>(2);
    states.keep('s-1', { state: 1, revision: 0, lastEventId: 'e1' });
    states.keep('s-2', { state: 2, revision: 0, lastEventId: 'e2' });
    states.keep('s-1', { state: 11, revision: 1, lastEventId: 'e11' });
    states.keep('s-3', { state: 3, revision: 0, lastEventId: 'e3' });
    expect(states.size).toBe(2);
    expect(states.take('s-2')).toBeUndefined();
    expect(states.take('s-1')).toEqual({ state: 11, revision: 1, lastEventId: 'e11' });
    expect(states.take('s-1')).toBeUndefined();
    expect(() => new LruStreamStates(0)).toThrow(RangeError);
  });
});
