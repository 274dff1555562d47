import { IntegrationEvent } from '@tadamon/contracts';
import { of, throwError } from 'rxjs';
import { retryPolicy } from '../retry-policy';
import { assertSingleHandlers, deliver, invokeNestHandler } from './delivery';
import { Inbox } from './inbox';

/** An inbox whose "transaction" is a list of effects, kept only when the effect returns. */
class ListInbox implements Inbox<string[]> {
  readonly recorded = new Set<string>();
  readonly committed: string[] = [];
  failNext = false;
  async processOnce(consumer: string, eventId: string, effect: (tx: string[]) => Promise<void>) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('database unavailable');
    }
    if (this.recorded.has(`${consumer}/${eventId}`)) return 'duplicate' as const;
    const tx: string[] = [];
    await effect(tx);
    this.committed.push(...tx);
    this.recorded.add(`${consumer}/${eventId}`);
    return 'processed' as const;
  }
}

const event = { eventId: 'e-1', type: 'Counted', data: { n: 1 } } as IntegrationEvent;
const policy = retryPolicy({ maxAttempts: 3, initialBackoffMs: 10, maxBackoffMs: 40 });

describe('deliver', () => {
  let inbox: ListInbox;
  let waits: number[];
  const wait = async (ms: number) => void waits.push(ms);
  beforeEach(() => {
    inbox = new ListInbox();
    waits = [];
  });

  it('commits the effect with the inbox record on the first attempt', async () => {
    const outcome = await deliver({
      consumer: 'c',
      event,
      inbox,
      policy,
      wait,
      handle: async (tx) => void tx.push('x'),
    });
    expect(outcome).toEqual({ status: 'processed', attempts: 1 });
    expect(inbox.committed).toEqual(['x']);
  });

  it('does nothing for an event already in the inbox', async () => {
    const handle = jest.fn(async (tx: string[]) => void tx.push('x'));
    await deliver({ consumer: 'c', event, inbox, policy, wait, handle });
    expect(await deliver({ consumer: 'c', event, inbox, policy, wait, handle })).toEqual({
      status: 'duplicate',
      attempts: 1,
    });
    expect(handle).toHaveBeenCalledTimes(1);
    expect(inbox.committed).toEqual(['x']);
  });

  it('retries with backoff and keeps only the successful attempt', async () => {
    const outcome = await deliver({
      consumer: 'c',
      event,
      inbox,
      policy,
      wait,
      handle: async (tx, attempt) => {
        tx.push(`attempt ${attempt}`);
        if (attempt < 3) throw new Error('not yet');
      },
    });
    expect(outcome).toEqual({ status: 'processed', attempts: 3 });
    expect(waits).toEqual([10, 20]);
    expect(inbox.committed).toEqual(['attempt 3']);
  });

  it('gives up after the configured attempts with the handler error and records nothing', async () => {
    const beforeRetry = jest.fn(async () => undefined);
    const outcome = await deliver({
      consumer: 'c',
      event,
      inbox,
      policy,
      wait,
      beforeRetry,
      handle: async () => {
        throw new TypeError('poison');
      },
    });
    expect(outcome).toMatchObject({ status: 'failed', attempts: 3, error: new TypeError('poison') });
    expect(beforeRetry).toHaveBeenCalledTimes(2);
    expect(inbox.recorded.size).toBe(0);
  });

  it('throws an inbox error instead of counting it as a handler failure', async () => {
    inbox.failNext = true;
    await expect(
      deliver({ consumer: 'c', event, inbox, policy, wait, handle: async () => undefined }),
    ).rejects.toThrow('database unavailable');
    expect(waits).toEqual([]);
  });
});

describe('deliver, while a dependency is unavailable', () => {
  const refused = () =>
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  let waits: number[];
  const wait = async (ms: number) => void waits.push(ms);
  beforeEach(() => (waits = []));

  it('waits a database outage out without counting attempts, so the message is not dead-lettered', async () => {
    const inbox = new ListInbox();
    const unavailable: number[] = [];
    const outcome = await deliver({
      consumer: 'c',
      event,
      inbox,
      policy,
      wait,
      onUnavailable: (_error, inARow) => unavailable.push(inARow),
      handle: async (tx, attempt) => {
        if (unavailable.length < 6) throw refused();
        tx.push(`attempt ${attempt}`);
      },
    });
    expect(outcome).toEqual({ status: 'processed', attempts: 1 });
    expect(unavailable).toEqual([1, 2, 3, 4, 5, 6]);
    expect(waits).toEqual([10, 20, 40, 80, 160, 320]);
    expect(inbox.committed).toEqual(['attempt 1']);
  });

  it('waits out the inbox own unreachable database, and a lock timeout of the handler', async () => {
    let failures = 0;
    const inbox: Inbox<string[]> = {
      processOnce: async (_c, _e, effect) => {
        failures += 1;
        if (failures === 1) throw refused();
        if (failures === 2) await effect([]);
        return 'processed';
      },
    };
    const outcome = await deliver({
      consumer: 'c',
      event,
      inbox,
      policy,
      wait,
      handle: async () => {
        if (failures === 2)
          throw Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' });
      },
    });
    expect(outcome).toEqual({ status: 'processed', attempts: 1 });
    expect(waits).toEqual([10, 20]);
  });

  it('gives up without committing when the consumer stops meanwhile', async () => {
    let stopping = false;
    const inbox = new ListInbox();
    const attempt = deliver({
      consumer: 'c',
      event,
      inbox,
      policy,
      wait: async () => void (stopping = true),
      stopping: () => stopping,
      handle: async () => {
        throw refused();
      },
    });
    await expect(attempt).rejects.toThrow('ECONNREFUSED');
    expect(inbox.recorded.size).toBe(0);
  });

  it('still dead-letters a handler error that is not about availability', async () => {
    const outcome = await deliver({
      consumer: 'c',
      event,
      inbox: new ListInbox(),
      policy,
      wait,
      handle: async () => {
        throw Object.assign(new Error('null value in column "name"'), { code: '23502' });
      },
    });
    expect(outcome).toMatchObject({ status: 'failed', attempts: 3 });
  });
});

describe('invokeNestHandler', () => {
  it('waits for an Observable result and rethrows its error', async () => {
    await expect(invokeNestHandler(() => of(1), {}, {})).resolves.toBeUndefined();
    await expect(invokeNestHandler(() => throwError(() => new Error('filtered')), {}, {})).rejects.toThrow(
      'filtered',
    );
  });

  it('refuses two handlers chained on one topic', () => {
    const first = Object.assign(() => undefined, { next: () => undefined });
    expect(() => assertSingleHandlers(new Map([['tadamon.a.events.v1', first]]))).toThrow(
      /one handler per topic/,
    );
  });
});
