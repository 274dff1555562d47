import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  ANY,
  assertStreamName,
  canonicalJson,
  DuplicateEventId,
  EmptyAppend,
  EventTooLarge,
  GENESIS_HASH,
  InvalidEvent,
  InvalidStreamName,
  NewEvent,
  NO_STREAM,
  RecordedEvent,
  STREAM_EXISTS,
  StreamNotFound,
  WrongExpectedRevision,
} from '@tadamon/eventsourcing';
import { EventStore } from '../event-store';
import { ContractFixture, ContractFixtureFactory } from './contract-fixture';
import { chainTamperingCases } from './chain-tampering-cases';

/** A fresh category: every case writes to its own streams so the suite can share a database. */
export const freshCategory = (): string => `c${randomUUID().replace(/-/g, '')}`;
export const freshStream = (category = 'contract'): string => `${category}-${randomUUID()}`;

export function newEvent(data: unknown = { n: 0 }, type = 'ThingHappened'): NewEvent {
  const commandId = randomUUID();
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      correlationId: commandId,
      causationId: commandId,
      commandId,
      actor: { id: 'contract-suite', roles: ['admin'] },
    },
  };
}

export const newEvents = (count: number, type = 'ThingHappened'): NewEvent[] =>
  Array.from({ length: count }, (_, n) => newEvent({ n }, type));

/** Waits until `condition` holds, failing with `what` after `timeoutMs`. */
export async function eventually(condition: () => boolean, what: string, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Every event of the log after `after`, read in pages. */
async function readAllAfter(
  store: EventStore,
  after: number,
  categories?: string[],
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after, maxCount: 1000, categories });
    events.push(...page);
    if (page.length < 1000) return events;
    after = page[page.length - 1].globalPosition;
  }
}

function expectStrictlyIncreasing(positions: number[]): void {
  positions.forEach((position, i) => {
    if (i > 0 && !(position > positions[i - 1])) {
      throw new Error(`position ${position} at index ${i} does not follow ${positions[i - 1]}`);
    }
  });
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/**
 * The contract every EventStore adapter passes. Call it at the top level of an `*.int.spec.ts`:
 * `eventStoreContract('SQLite', async (options) => ({ store, tamper, reopen, cleanup }))`.
 */
export function eventStoreContract(name: string, fixture: ContractFixtureFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    let context: ContractFixture;
    let second: EventStore | undefined;
    const store = () => context.store;
    /** The store other writers use: an independent one on the same storage when the adapter has it. */
    const other = () => second ?? context.store;

    beforeAll(async () => {
      context = await fixture();
      second = await context.reopen?.();
    }, 60000);
    afterAll(async () => {
      await context?.cleanup();
    }, 60000);

    describe('append and read', () => {
      it('numbers revisions from 0 and reads a stream in order, forwards and backwards', async () => {
        const streamId = freshStream();
        const first = newEvents(3);
        const then = newEvents(2);
        const a = await store().appendToStream(streamId, first, { expectedRevision: NO_STREAM });
        const b = await store().appendToStream(streamId, then, { expectedRevision: 2 });

        expect(a.streamId).toBe(streamId);
        expect(a.nextExpectedRevision).toBe(2);
        expect(b.nextExpectedRevision).toBe(4);
        expect(a.lastPosition).toBe(a.events[2].globalPosition);
        expect(b.lastPosition).toBe(b.events[1].globalPosition);

        const read = await store().readStream(streamId);
        expect(read.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
        expect(read.map((e) => e.id)).toEqual([...first, ...then].map((e) => e.id));
        expect(read.map((e) => e.data)).toEqual([0, 1, 2, 0, 1].map((n) => ({ n })));
        expect(read.every((e) => e.streamId === streamId && e.type === 'ThingHappened')).toBe(true);
        expect(read[0].metadata).toEqual(first[0].metadata);
        expect(read).toEqual([...a.events, ...b.events]);
        expectStrictlyIncreasing(read.map((e) => e.globalPosition));
        expect(read.every((e) => !Number.isNaN(Date.parse(e.recordedAt)))).toBe(true);
        expect(read[0].prevHash).toBe(GENESIS_HASH);
        read.slice(1).forEach((e, i) => expect(e.prevHash).toBe(read[i].hash));

        const backwards = await store().readStream(streamId, { direction: 'backwards' });
        expect(backwards.map((e) => e.revision)).toEqual([4, 3, 2, 1, 0]);
        const page = await store().readStream(streamId, { fromRevision: 1, maxCount: 2 });
        expect(page.map((e) => e.revision)).toEqual([1, 2]);
        const backPage = await store().readStream(streamId, {
          direction: 'backwards',
          fromRevision: 3,
          maxCount: 2,
        });
        expect(backPage.map((e) => e.revision)).toEqual([3, 2]);
        expect(await store().readStream(streamId, { fromRevision: 5 })).toEqual([]);
      });

      it('throws StreamNotFound for a stream with no events', async () => {
        const error = await rejection(store().readStream(freshStream()));
        expect(error).toBeInstanceOf(StreamNotFound);
        expect(await rejection(store().readStoredStream(freshStream()))).toBeInstanceOf(StreamNotFound);
      });
    });

    describe('expected revision', () => {
      async function conflict(
        streamId: string,
        expectedRevision: Parameters<EventStore['appendToStream']>[2],
      ) {
        const error = await rejection(store().appendToStream(streamId, newEvents(1), expectedRevision));
        expect(error).toBeInstanceOf(WrongExpectedRevision);
        expect((error as WrongExpectedRevision).code).toBe('WRONG_EXPECTED_REVISION');
        return error as WrongExpectedRevision;
      }

      it('rejects NO_STREAM on an existing stream with its actual revision', async () => {
        const streamId = freshStream();
        await store().appendToStream(streamId, newEvents(2), { expectedRevision: NO_STREAM });
        const error = await conflict(streamId, { expectedRevision: NO_STREAM });
        expect(error).toMatchObject({ streamId, expected: NO_STREAM, actual: 1 });
        expect(await store().readStream(streamId)).toHaveLength(2);
      });

      it('rejects STREAM_EXISTS on an absent stream with actual -1', async () => {
        const streamId = freshStream();
        const error = await conflict(streamId, { expectedRevision: STREAM_EXISTS });
        expect(error).toMatchObject({ streamId, expected: STREAM_EXISTS, actual: -1 });
        expect(await rejection(store().readStream(streamId))).toBeInstanceOf(StreamNotFound);
        await store().appendToStream(streamId, newEvents(1), { expectedRevision: NO_STREAM });
        await store().appendToStream(streamId, newEvents(1), { expectedRevision: STREAM_EXISTS });
        expect(await store().readStream(streamId)).toHaveLength(2);
      });

      it('rejects a wrong revision number, below or above the actual one, and on an absent stream', async () => {
        const streamId = freshStream();
        expect(await conflict(streamId, { expectedRevision: 0 })).toMatchObject({ expected: 0, actual: -1 });
        await store().appendToStream(streamId, newEvents(3), { expectedRevision: NO_STREAM });
        expect(await conflict(streamId, { expectedRevision: 1 })).toMatchObject({ expected: 1, actual: 2 });
        expect(await conflict(streamId, { expectedRevision: 7 })).toMatchObject({ expected: 7, actual: 2 });
        expect(await store().readStream(streamId)).toHaveLength(3);
      });

      it('accepts ANY on an absent and on an existing stream', async () => {
        const streamId = freshStream();
        const a = await store().appendToStream(streamId, newEvents(1), { expectedRevision: ANY });
        const b = await store().appendToStream(streamId, newEvents(2), { expectedRevision: ANY });
        expect([a.nextExpectedRevision, b.nextExpectedRevision]).toEqual([0, 2]);
      });

      it('lets exactly one of two concurrent writers with the same expected revision win', async () => {
        for (let round = 0; round < 10; round++) {
          const streamId = freshStream();
          await store().appendToStream(streamId, newEvents(1), { expectedRevision: NO_STREAM });
          const writers = round % 2 === 0 ? [store(), other()] : [store(), store()];
          const outcomes = await Promise.allSettled(
            writers.map((writer) => writer.appendToStream(streamId, newEvents(2), { expectedRevision: 0 })),
          );
          const won = outcomes.filter((o) => o.status === 'fulfilled');
          const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
          expect(won).toHaveLength(1);
          expect(lost).toHaveLength(1);
          expect(lost[0].reason).toBeInstanceOf(WrongExpectedRevision);
          expect(lost[0].reason).toMatchObject({ streamId, expected: 0, actual: 2 });
          expect((await store().readStream(streamId)).map((e) => e.revision)).toEqual([0, 1, 2]);
        }
      });

      it('lets concurrent NO_STREAM creators race: exactly one creates the stream', async () => {
        const streamId = freshStream();
        const outcomes = await Promise.allSettled(
          [store(), other(), store(), other()].map((writer) =>
            writer.appendToStream(streamId, newEvents(1), { expectedRevision: NO_STREAM }),
          ),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes) {
          if (o.status === 'rejected') expect(o.reason).toMatchObject({ expected: NO_STREAM, actual: 0 });
        }
      });
    });

    describe('concurrency and global order', () => {
      it('orders 50 concurrent writers by strictly increasing position; a subscriber sees each event once', async () => {
        const category = freshCategory();
        const seen: RecordedEvent[] = [];
        const subscription = store().subscribe({ categories: [category], onEvent: (e) => void seen.push(e) });
        try {
          const streams = Array.from({ length: 50 }, () => freshStream(category));
          await Promise.all(
            streams.map(async (streamId, w) => {
              const writer = w % 2 === 0 ? store() : other();
              let expectedRevision: number | typeof NO_STREAM = NO_STREAM;
              for (let i = 0; i < 4; i++) {
                const result = await writer.appendToStream(streamId, newEvents(1 + (i % 2)), {
                  expectedRevision,
                });
                expectedRevision = result.nextExpectedRevision;
              }
            }),
          );
          const total = 50 * 6;
          const all = await readAllAfter(store(), 0, [category]);
          expect(all).toHaveLength(total);
          expectStrictlyIncreasing(all.map((e) => e.globalPosition));
          for (const streamId of streams) {
            const revisions = all.filter((e) => e.streamId === streamId).map((e) => e.revision);
            expect(revisions).toEqual([0, 1, 2, 3, 4, 5]);
          }
          await eventually(() => seen.length >= total, `the subscriber to see ${total} events`);
          await new Promise((resolve) => setTimeout(resolve, 100));
          expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
          expect(seen.map((e) => e.globalPosition)).toEqual(all.map((e) => e.globalPosition));
          expect(subscription.position).toBe(all[all.length - 1].globalPosition);

          const unfiltered = await store().readAll({ after: all[0].globalPosition - 1, maxCount: 2 * total });
          expectStrictlyIncreasing(unfiltered.map((e) => e.globalPosition));
        } finally {
          await subscription.stop();
        }
      }, 60000);
    });

    describe('idempotent retries', () => {
      it('stores a retried append once and returns the original result', async () => {
        const streamId = freshStream();
        const events = newEvents(3);
        const original = await store().appendToStream(streamId, events, { expectedRevision: NO_STREAM });
        const retried = await store().appendToStream(streamId, events, { expectedRevision: NO_STREAM });
        expect(retried).toEqual(original);
        await store().appendToStream(streamId, newEvents(1), { expectedRevision: 2 });
        const late = await other().appendToStream(streamId, events, { expectedRevision: NO_STREAM });
        expect(late).toEqual(original);
        expect((await store().readStream(streamId)).map((e) => e.revision)).toEqual([0, 1, 2, 3]);
      });

      it('property: retrying any append any number of times stores it once', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
            fc.array(fc.nat(), { maxLength: 6 }),
            async (sizes, retryPicks) => {
              const streamId = freshStream();
              const appends: NewEvent[][] = sizes.map((n) => newEvents(n));
              const results = [];
              let expectedRevision: number | typeof NO_STREAM = NO_STREAM;
              for (const events of appends) {
                const result = await store().appendToStream(streamId, events, { expectedRevision });
                results.push(result);
                expectedRevision = result.nextExpectedRevision;
              }
              for (const pick of retryPicks) {
                const i = pick % appends.length;
                const again = await store().appendToStream(streamId, appends[i], { expectedRevision: ANY });
                expect(again).toEqual(results[i]);
              }
              const stored = await store().readStream(streamId);
              expect(stored.map((e) => e.id)).toEqual(appends.flat().map((e) => e.id));
            },
          ),
          { numRuns: 15, seed: 3 },
        );
      }, 60000);

      it('rejects an append that only partly repeats stored ids with DuplicateEventId, writing nothing', async () => {
        const streamId = freshStream();
        const events = newEvents(2);
        await store().appendToStream(streamId, events, { expectedRevision: NO_STREAM });
        const cases: [string, NewEvent[]][] = [
          [streamId, [events[0], newEvent()]],
          [streamId, [newEvent(), events[1]]],
          [freshStream(), [events[0], events[1]]],
        ];
        for (const [target, attempt] of cases) {
          const error = await rejection(store().appendToStream(target, attempt, { expectedRevision: ANY }));
          expect(error).toBeInstanceOf(DuplicateEventId);
          expect((error as DuplicateEventId).streamId).toBe(streamId);
        }
        expect((await store().readStream(streamId)).map((e) => e.id)).toEqual(events.map((e) => e.id));
      });
    });

    describe('readAll', () => {
      it('filters by category and type, in global order, and pages with after and maxCount', async () => {
        const [catA, catB] = [freshCategory(), freshCategory()];
        const written: NewEvent[] = [];
        for (let i = 0; i < 6; i++) {
          const streamId = freshStream(i % 2 === 0 ? catA : catB);
          const events = [newEvent({ i }, 'Opened'), newEvent({ i }, i % 3 === 0 ? 'Closed' : 'Noted')];
          written.push(...events);
          await store().appendToStream(streamId, events, { expectedRevision: NO_STREAM });
        }
        const both = await readAllAfter(store(), 0, [catA, catB]);
        expect(both.map((e) => e.id)).toEqual(written.map((e) => e.id));
        expectStrictlyIncreasing(both.map((e) => e.globalPosition));

        const onlyA = await store().readAll({ categories: [catA] });
        expect(onlyA.map((e) => e.id)).toEqual(
          both.filter((e) => e.streamId.startsWith(`${catA}-`)).map((e) => e.id),
        );
        expect(onlyA).toHaveLength(6);

        const closedInA = await store().readAll({ categories: [catA], types: ['Closed'] });
        expect(closedInA.map((e) => e.id)).toEqual(onlyA.filter((e) => e.type === 'Closed').map((e) => e.id));
        const opened = await store().readAll({ after: both[0].globalPosition - 1, types: ['Opened'] });
        expect(opened.filter((e) => both.some((b) => b.id === e.id))).toHaveLength(6);
        expect(opened.every((e) => e.type === 'Opened')).toBe(true);
        expect(await store().readAll({ categories: [freshCategory()] })).toEqual([]);

        const paged: RecordedEvent[] = [];
        let after = 0;
        for (;;) {
          const page = await store().readAll({ after, maxCount: 5, categories: [catA, catB] });
          expect(page.length).toBeLessThanOrEqual(5);
          expect(page.every((e) => e.globalPosition > after)).toBe(true);
          paged.push(...page);
          if (page.length < 5) break;
          after = page[page.length - 1].globalPosition;
        }
        expect(paged).toEqual(both);

        const window = await store().readAll({ after: both[3].globalPosition, maxCount: 3 });
        expect(window).toHaveLength(3);
        expect(window[0].globalPosition).toBeGreaterThan(both[3].globalPosition);
        expect(window[0].id).toBe(both[4].id);
      });
    });

    describe('subscriptions', () => {
      it('resumes from its checkpoint with no gap and no duplicate while writers keep appending', async () => {
        const category = freshCategory();
        let writing = true;
        let appended = 0;
        const writers = Array.from({ length: 3 }, async (_, w) => {
          const streamId = freshStream(category);
          let expectedRevision: number | typeof NO_STREAM = NO_STREAM;
          while (writing || appended < 60) {
            const result = await (w === 1 ? other() : store()).appendToStream(
              streamId,
              newEvents(1 + (w % 2)),
              {
                expectedRevision,
              },
            );
            appended += 1 + (w % 2);
            expectedRevision = result.nextExpectedRevision;
            await new Promise((resolve) => setTimeout(resolve, 2));
          }
        });

        const delivered: RecordedEvent[] = [];
        const first = store().subscribe({ categories: [category], onEvent: (e) => void delivered.push(e) });
        await eventually(() => delivered.length >= 20, 'the first subscription to see 20 events');
        await first.stop();
        const checkpoint = first.position;
        expect(checkpoint).toBe(delivered[delivered.length - 1].globalPosition);
        const countAtStop = delivered.length;
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(delivered).toHaveLength(countAtStop);

        const resumed = store().subscribe({
          after: checkpoint,
          categories: [category],
          onEvent: (e) => void delivered.push(e),
        });
        await eventually(() => appended >= 60, 'the writers to append 60 events');
        writing = false;
        await Promise.all(writers);
        const all = await readAllAfter(store(), 0, [category]);
        await eventually(() => delivered.length >= all.length, `the subscriber to catch up to ${all.length}`);
        await resumed.stop();
        expect(delivered.map((e) => e.id)).toEqual(all.map((e) => e.id));
        expect(new Set(delivered.map((e) => e.id)).size).toBe(delivered.length);
      }, 60000);

      it('awaits each handler before the next event and stops after the current one', async () => {
        const category = freshCategory();
        const streamId = freshStream(category);
        await store().appendToStream(streamId, newEvents(5), { expectedRevision: NO_STREAM });
        const log: string[] = [];
        let release: () => void = () => undefined;
        const subscription = store().subscribe({
          categories: [category],
          onEvent: async (e) => {
            log.push(`start ${e.revision}`);
            if (e.revision === 1) await new Promise<void>((resolve) => (release = resolve));
            log.push(`end ${e.revision}`);
          },
        });
        await eventually(() => log.includes('start 1'), 'the handler of revision 1 to start');
        const stopping = subscription.stop();
        release();
        await stopping;
        expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1']);
        expect(subscription.position).toBe((await store().readStream(streamId))[1].globalPosition);
      });

      it('stops on a handler error and reports it to onError', async () => {
        const category = freshCategory();
        await store().appendToStream(freshStream(category), newEvents(4), { expectedRevision: NO_STREAM });
        const seen: number[] = [];
        const errors: Error[] = [];
        const failure = new Error('handler failed');
        const subscription = store().subscribe({
          categories: [category],
          onEvent: (e) => {
            if (e.revision === 2) throw failure;
            seen.push(e.revision);
          },
          onError: (error) => errors.push(error),
        });
        await eventually(() => errors.length > 0, 'onError');
        await subscription.stop();
        expect(errors).toEqual([failure]);
        expect(seen).toEqual([0, 1]);
      });
    });

    describe('payloads', () => {
      it('round-trips Arabic and French text and a 1 MB payload byte for byte', async () => {
        const streamId = freshStream();
        const text = {
          ar: 'برنامج التضامن لدعم مشاريع الجمعيات — مغاربة العالم ١٢٣',
          fr: 'Élève à l’école : « déjà vu », cœur, garçon, naïve, Œuvre — Ç ê ï ô ù',
          mixed: 'جمعية Tadamon à Agadir ✓ 😀 \u0000 \u2028 "quoted" \\ back',
          keys: { é: 1, ا: 2, Z: 3, a: [1.5, -0, 1e21, 1e-7, true, null] },
        };
        const chunk = 'عربية français ASCII 0123456789 ';
        const big = { blob: chunk.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(chunk))) };
        expect(Buffer.byteLength(canonicalJson(big))).toBeGreaterThan(1024 * 1024);
        const events = [newEvent(text, 'TextNoted'), newEvent(big, 'BlobAttached')];
        await store().appendToStream(streamId, events, { expectedRevision: NO_STREAM });

        const read = await store().readStream(streamId);
        const viaAll = (await store().readAll({ after: read[0].globalPosition - 1, maxCount: 2 })).filter(
          (e) => e.streamId === streamId,
        );
        const stored = await store().readStoredStream(streamId);
        events.forEach((event, i) => {
          const expected = canonicalJson(event.data);
          expect(canonicalJson(read[i].data)).toBe(expected);
          expect(canonicalJson(viaAll[i].data)).toBe(expected);
          expect(stored[i].dataJson).toBe(expected);
          expect(Buffer.from(stored[i].dataJson).equals(Buffer.from(expected))).toBe(true);
          expect(stored[i].metadataJson).toBe(canonicalJson(event.metadata));
        });
        expect(read[0].data).toEqual({
          ...text,
          keys: { ...text.keys, a: [1.5, 0, 1e21, 1e-7, true, null] },
        });
      }, 60000);
    });

    describe('hash chain', () => {
      chainTamperingCases(() => context, store);
    });

    describe('bad input writes nothing', () => {
      /** Appends a marker and returns a check that none of the given ids reached the log after it. */
      async function nothingWrittenSince(): Promise<(ids: string[]) => Promise<void>> {
        const marker = await store().appendToStream(freshStream(), newEvents(1), {
          expectedRevision: NO_STREAM,
        });
        return async (ids) => {
          const after = await readAllAfter(store(), marker.lastPosition);
          const wanted = new Set(ids);
          expect(after.filter((e) => wanted.has(e.id))).toEqual([]);
        };
      }

      it('rejects bad stream names with InvalidStreamName (property)', async () => {
        const check = await nothingWrittenSince();
        const ids: string[] = [];
        const isValid = (name: string) => {
          try {
            assertStreamName(name);
            return true;
          } catch {
            return false;
          }
        };
        const badName = fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.constantFrom(
            '',
            'nodash',
            'Upper-1',
            '-x',
            'cat-',
            'ca t-1',
            'cat-!x',
            'naïve-1',
            'a_b-1',
            'ع-1',
          ),
          fc.string({ minLength: 1, maxLength: 10 }).map((s) => `${'a'.repeat(200)}-${s}`),
        );
        await fc.assert(
          fc.asyncProperty(
            badName.filter((name) => !isValid(name)),
            async (name) => {
              const events = newEvents(1);
              ids.push(events[0].id);
              const error = await rejection(store().appendToStream(name, events, { expectedRevision: ANY }));
              expect(error).toBeInstanceOf(InvalidStreamName);
              expect(await rejection(store().readStream(name))).toBeInstanceOf(InvalidStreamName);
            },
          ),
          { numRuns: 60, seed: 42 },
        );
        for (const name of [undefined, null, 42]) {
          const error = await rejection(
            store().appendToStream(name as unknown as string, newEvents(1), { expectedRevision: ANY }),
          );
          expect(error).toBeInstanceOf(InvalidStreamName);
        }
        await check(ids);
      });

      it('rejects an empty event list with EmptyAppend', async () => {
        const streamId = freshStream();
        const error = await rejection(store().appendToStream(streamId, [], { expectedRevision: ANY }));
        expect(error).toBeInstanceOf(EmptyAppend);
        expect(await rejection(store().readStream(streamId))).toBeInstanceOf(StreamNotFound);
      });

      it('rejects data that is not JSON with InvalidEvent, and writes no event of that append', async () => {
        const check = await nothingWrittenSince();
        const cyclic: Record<string, unknown> = { a: 1 };
        cyclic.self = cyclic;
        const notJson: unknown[] = [
          () => 1,
          Number.NaN,
          Number.POSITIVE_INFINITY,
          { nested: [1, Number.NEGATIVE_INFINITY] },
          cyclic,
          BigInt(10),
          { big: BigInt(1) },
          Symbol('s'),
          undefined,
          { missing: undefined },
          new Date(0),
          new Map([[1, 2]]),
        ];
        const ids: string[] = [];
        for (const data of notJson) {
          const streamId = freshStream();
          const good = newEvent();
          const bad = { ...newEvent(), data };
          ids.push(good.id, bad.id);
          const error = await rejection(
            store().appendToStream(streamId, [good, bad], { expectedRevision: ANY }),
          );
          expect(error).toBeInstanceOf(InvalidEvent);
          expect((error as InvalidEvent).eventId).toBe(bad.id);
          expect(await rejection(store().readStream(streamId))).toBeInstanceOf(StreamNotFound);
        }
        const badEnvelopes: Partial<NewEvent>[] = [
          { id: 'not-a-uuid' },
          { type: '' },
          { type: 'has space' },
          { schemaVersion: 0 },
          { schemaVersion: 1.5 },
          { metadata: undefined },
        ];
        for (const override of badEnvelopes) {
          const event = { ...newEvent(), ...override } as NewEvent;
          ids.push(event.id);
          const error = await rejection(
            store().appendToStream(freshStream(), [event], { expectedRevision: ANY }),
          );
          expect(error).toBeInstanceOf(InvalidEvent);
        }
        const twice = newEvent();
        ids.push(twice.id);
        const error = await rejection(
          store().appendToStream(freshStream(), [twice, twice], { expectedRevision: ANY }),
        );
        expect(error).toBeInstanceOf(InvalidEvent);
        await check(ids);
      });

      it('rejects an event over the configured maxEventBytes with EventTooLarge', async () => {
        const small = await fixture({ maxEventBytes: 2048 });
        try {
          const streamId = freshStream();
          const fits = newEvent({ text: 'x'.repeat(1000) });
          await small.store.appendToStream(streamId, [fits], { expectedRevision: NO_STREAM });
          const tooBig = newEvent({ text: 'é'.repeat(1100) });
          const error = await rejection(
            small.store.appendToStream(streamId, [newEvent(), tooBig], { expectedRevision: 0 }),
          );
          expect(error).toBeInstanceOf(EventTooLarge);
          expect(error).toMatchObject({ eventId: tooBig.id, maxBytes: 2048 });
          expect((error as EventTooLarge).bytes).toBeGreaterThan(2048);
          expect((await small.store.readStream(streamId)).map((e) => e.id)).toEqual([fits.id]);
        } finally {
          await small.cleanup();
        }
      });
    });
  });
}
