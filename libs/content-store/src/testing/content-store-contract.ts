import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ContentCorrupted, ContentStore, ContentTooLarge, InvalidContentKey } from '../content-store';
import type { ContentStoreSettings } from '../open-content-store';

export interface ContentStoreFixture {
  store: ContentStore;
  /** Replaces the stored bytes of an object behind the store's back (disk, row, object). */
  tamper(sha256: string, change: (stored: Buffer) => Buffer): Promise<void>;
  /** Bytes the store's backend holds in all, published or not (a second copy would show here). */
  storedBytes(): Promise<number>;
  /** Anything the store holds that is not a published object: uploads a failed put left behind. */
  leftovers(): Promise<string[]>;
  /** Keys of the objects the backend holds as published (files at a key, rows, objects). */
  published(): Promise<string[]>;
  /** A second store on the same backend, as another process would open it. */
  reopen(): Promise<ContentStore>;
  /** The same backend as settings for openContentStore, for a store in another process. */
  settings: ContentStoreSettings;
  cleanup(): Promise<void>;
}

const MiB = 1024 * 1024;
const ROOT = join(__dirname, '..', '..', '..', '..');
const PUT_THEN_HANG = join(__dirname, 'put-then-hang.ts');

/** Runs a put in another process and kills it (SIGKILL) once 2 MiB have gone into the store. */
async function killMidPut(settings: ContentStoreSettings): Promise<void> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', PUT_THEN_HANG, JSON.stringify(settings)],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "halfway" in 30 s (stderr: ${stderr})`)), 30_000);
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        if (chunk.includes('halfway')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the put process exited (${code}) before halfway: ${stderr}`));
      });
    });
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}
const LIMIT = 16 * MiB;
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The object's bytes, read and verified to the end; fails when the store does not hold it. */
export async function readContent(store: ContentStore, sha256: string): Promise<Buffer> {
  const stream = await store.get(sha256);
  if (!stream) throw new Error(`the store does not hold ${sha256}`);
  return readAll(stream);
}

/** Yields `bytes` in pieces of `piece` bytes, then fails when `failAfter` bytes have gone out. */
async function* pieces(bytes: Buffer, piece: number, failAfter = Infinity): AsyncIterable<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += piece) {
    if (offset >= failAfter) throw new Error('the client went away');
    yield bytes.subarray(offset, offset + piece);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The behaviour every ContentStore adapter must have; run against each one. */
export function contentStoreContract(name: string, fixture: () => Promise<ContentStoreFixture>): void {
  describe(`ContentStore contract: ${name}`, () => {
    let context: ContentStoreFixture;
    const store = () => context.store;

    beforeEach(async () => {
      context = await fixture();
    });
    afterEach(async () => {
      await context?.cleanup();
    });

    async function roundTrip(bytes: Buffer, body: Parameters<ContentStore['put']>[0] = bytes) {
      const stored = await store().put(body, { maxBytes: LIMIT });
      expect(stored).toEqual({ sha256: sha256Of(bytes), size: bytes.length });
      expect((await readContent(store(), stored.sha256)).equals(bytes)).toBe(true);
      expect(await store().has(stored.sha256)).toBe(true);
      expect(await store().size(stored.sha256)).toBe(bytes.length);
      return stored;
    }

    it('stores empty content under the SHA-256 of nothing', async () => {
      const stored = await roundTrip(Buffer.alloc(0));
      expect(stored.sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    });

    it('round-trips one byte', async () => {
      await roundTrip(Buffer.from([0x2a]));
    });

    it('round-trips 5 MiB given as a Buffer, a Readable and an async iterable', async () => {
      const bytes = randomBytes(5 * MiB);
      await roundTrip(bytes);
      await roundTrip(bytes, Readable.from(pieces(bytes, 64 * 1024)));
      await roundTrip(bytes, pieces(bytes, 300_001));
      expect(await context.storedBytes()).toBe(bytes.length);
    });

    it('keeps one copy of the same content put twice, and the reopened store reads it', async () => {
      const bytes = randomBytes(3 * MiB + 17);
      const first = await store().put(bytes, { maxBytes: LIMIT });
      const second = await store().put(Readable.from(pieces(bytes, 100_000)), { maxBytes: LIMIT });
      expect(second).toEqual(first);
      expect(await context.storedBytes()).toBe(bytes.length);
      const other = await context.reopen();
      try {
        expect((await readContent(other, first.sha256)).equals(bytes)).toBe(true);
      } finally {
        await other.close();
      }
    });

    it('keeps one copy when the same content is put concurrently, from two stores', async () => {
      const bytes = randomBytes(2 * MiB + 3);
      const other = await context.reopen();
      try {
        const results = await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            (i % 2 ? other : store()).put(Readable.from(pieces(bytes, 256 * 1024)), { maxBytes: LIMIT }),
          ),
        );
        for (const result of results) expect(result).toEqual({ sha256: sha256Of(bytes), size: bytes.length });
        expect(await context.storedBytes()).toBe(bytes.length);
        expect(await context.leftovers()).toEqual([]);
        expect((await readContent(store(), sha256Of(bytes))).equals(bytes)).toBe(true);
      } finally {
        await other.close();
      }
    });

    it('answers undefined and false for content it does not hold', async () => {
      const absent = sha256Of(randomBytes(8));
      expect(await store().get(absent)).toBeUndefined();
      expect(await store().has(absent)).toBe(false);
      expect(await store().size(absent)).toBeUndefined();
    });

    it.each([
      ['upper-case hex', 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855'],
      ['63 digits', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85'],
      ['a path', '../../../../etc/passwd'],
      ['a non-hex letter', 'g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
      ['a trailing newline', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n'],
      ['the empty string', ''],
    ])('refuses a key that is %s', async (_what, key) => {
      await expect(store().get(key)).rejects.toBeInstanceOf(InvalidContentKey);
      await expect(store().has(key)).rejects.toBeInstanceOf(InvalidContentKey);
      await expect(store().size(key)).rejects.toBeInstanceOf(InvalidContentKey);
    });

    it('refuses a body over maxBytes and keeps nothing of it, streamed or whole', async () => {
      const bytes = randomBytes(MiB + 1);
      await expect(store().put(bytes, { maxBytes: MiB })).rejects.toBeInstanceOf(ContentTooLarge);
      const streamed = Readable.from(pieces(bytes, 64 * 1024));
      await expect(store().put(streamed, { maxBytes: MiB })).rejects.toMatchObject({
        code: 'CONTENT_TOO_LARGE',
        maxBytes: MiB,
      });
      expect(streamed.destroyed).toBe(true);
      expect(await store().has(sha256Of(bytes))).toBe(false);
      expect(await store().has(sha256Of(bytes.subarray(0, MiB)))).toBe(false);
      expect(await context.storedBytes()).toBe(0);
      expect(await context.leftovers()).toEqual([]);
      // Exactly at the limit is accepted.
      await roundTrip(bytes.subarray(0, MiB), Readable.from(pieces(bytes.subarray(0, MiB), 64 * 1024)));
    });

    it('leaves no object and no upload behind when the body fails half way', async () => {
      const bytes = randomBytes(4 * MiB);
      await expect(store().put(pieces(bytes, 256 * 1024, 2 * MiB), { maxBytes: LIMIT })).rejects.toThrow(
        'the client went away',
      );
      expect(await store().has(sha256Of(bytes))).toBe(false);
      expect(await store().has(sha256Of(bytes.subarray(0, 2 * MiB)))).toBe(false);
      expect(await context.storedBytes()).toBe(0);
      expect(await context.leftovers()).toEqual([]);
      await roundTrip(bytes);
    });

    it('publishes nothing when the process putting is killed half way', async () => {
      await killMidPut(context.settings);
      expect(await context.published()).toEqual([]);
      // Nothing is left locked or half-published: the store takes the next put.
      await roundTrip(randomBytes(3 * MiB));
    }, 60_000);

    describe('detects stored bytes that no longer match their key', () => {
      const cases: Array<[string, (stored: Buffer) => Buffer]> = [
        ['one bit flipped', (stored) => Buffer.from(stored.map((b, i) => (i === 1000 ? b ^ 1 : b)))],
        ['truncated', (stored) => stored.subarray(0, stored.length - 1)],
        ['a byte appended', (stored) => Buffer.concat([stored, Buffer.from([0])])],
        ['swapped for other bytes', (stored) => randomBytes(stored.length)],
      ];
      it.each(cases)('%s', async (_what, change) => {
        const bytes = randomBytes(MiB + 5000);
        const { sha256 } = await store().put(bytes, { maxBytes: LIMIT });
        await context.tamper(sha256, change);
        expect(await store().has(sha256)).toBe(true);
        const failure = await readContent(store(), sha256).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(failure).toBeInstanceOf(ContentCorrupted);
        expect(failure).toMatchObject({ code: 'CONTENT_CORRUPTED', sha256 });
      });
    });

    it('refuses an invalid maxBytes', async () => {
      await expect(store().put(Buffer.from('x'), { maxBytes: -1 })).rejects.toBeInstanceOf(RangeError);
      await expect(store().put(Buffer.from('x'), { maxBytes: 1.5 })).rejects.toBeInstanceOf(RangeError);
    });
  });
}
