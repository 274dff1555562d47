import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Pool } from 'pg';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { ContentStore, FolderContentStore, PostgresContentStore } from '@tadamon/content-store';
import { S3ContentStore } from '@tadamon/content-store/s3';

/**
 * `npm run bench:content-store`: put and get throughput of each adapter, in MiB/s, beside the raw
 * limits measured in the same run (a file written with fsync and read back; SHA-256 alone; S3
 * PutObject/GetObject without the store), and the resident memory a streamed 64 MiB put adds.
 * Servers: DATABASE_URL and S3_URL (http://KEY:SECRET@host:port), as the tests find them.
 */
const MiB = 1024 * 1024;
const OBJECTS = 8;
const OBJECT_BYTES = 8 * MiB;
const STREAMED_BYTES = 64 * MiB;
const log = (line: string) => process.stdout.write(`${line}\n`);
const mibPerSec = (bytes: number, ms: number) => Math.round((bytes / MiB / (ms / 1000)) * 10) / 10;

async function timed(run: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function drain(stream: Readable): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  return bytes;
}

/** 64 MiB made on the fly in 256 KiB pieces, never held whole: what an upload looks like. */
async function* streamedBody(): AsyncIterable<Buffer> {
  const piece = randomBytes(256 * 1024);
  for (let offset = 0; offset < STREAMED_BYTES; offset += piece.length) {
    piece.writeUInt32BE(offset / piece.length, 0);
    yield Buffer.from(piece);
  }
}

async function peakRssDelta(run: () => Promise<void>): Promise<number> {
  global.gc?.();
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  try {
    await run();
  } finally {
    clearInterval(timer);
  }
  return Math.round(((peak - base) / MiB) * 10) / 10;
}

async function measureStore(name: string, store: ContentStore, payloads: Buffer[]) {
  const keys: string[] = [];
  const putMs = await timed(async () => {
    for (const payload of payloads) keys.push((await store.put(payload, { maxBytes: 128 * MiB })).sha256);
  });
  const getMs = await timed(async () => {
    for (const key of keys) {
      const stream = await store.get(key);
      if (!stream) throw new Error(`${name}: ${key} not found`);
      await drain(stream);
    }
  });
  let streamedKey = '';
  const rss = await peakRssDelta(async () => {
    streamedKey = (await store.put(streamedBody(), { maxBytes: 128 * MiB })).sha256;
  });
  const rssGet = await peakRssDelta(async () => {
    const stream = await store.get(streamedKey);
    if (!stream) throw new Error(`${name}: streamed object not found`);
    await drain(stream);
  });
  const total = payloads.length * OBJECT_BYTES;
  const result = {
    [`${name}.put.MiBps`]: mibPerSec(total, putMs),
    [`${name}.get.MiBps`]: mibPerSec(total, getMs),
    [`${name}.put64MiB.peakRssDeltaMiB`]: rss,
    [`${name}.get64MiB.peakRssDeltaMiB`]: rssGet,
  };
  log(`${name}: ${JSON.stringify(result)}`);
  return result;
}

async function rawFs(dir: string, payloads: Buffer[]) {
  const files = payloads.map((_, i) => join(dir, `raw-${i}`));
  const writeMs = await timed(async () => {
    for (const [i, payload] of payloads.entries()) {
      const file = await open(files[i], 'w');
      await file.write(payload);
      await file.sync();
      await file.close();
    }
  });
  const readMs = await timed(async () => {
    for (const file of files) await readFile(file);
  });
  const hashMs = await timed(async () => {
    for (const payload of payloads) createHash('sha256').update(payload).digest();
  });
  const total = payloads.length * OBJECT_BYTES;
  return {
    'raw.fsWriteFsync.MiBps': mibPerSec(total, writeMs),
    'raw.fsRead.MiBps': mibPerSec(total, readMs),
    'raw.sha256.MiBps': mibPerSec(total, hashMs),
  };
}

function s3Settings(bucket: string) {
  const url = new URL(process.env.S3_URL ?? 'http://tadamon:tadamon-local-secret@127.0.0.1:8333');
  return {
    endpoint: `${url.protocol}//${url.host}`,
    bucket,
    region: 'us-east-1',
    accessKeyId: decodeURIComponent(url.username),
    secretAccessKey: decodeURIComponent(url.password),
    forcePathStyle: true,
  };
}

async function s3Section(payloads: Buffer[], spoolDir: string) {
  const bucket = `bench-content-${randomUUID().slice(0, 8)}`;
  const settings = s3Settings(bucket);
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: true,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
  });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  try {
    const rawKeys = payloads.map((_, i) => `raw/${i}`);
    const putMs = await timed(async () => {
      for (const [i, payload] of payloads.entries()) {
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: rawKeys[i], Body: payload }));
      }
    });
    const getMs = await timed(async () => {
      for (const key of rawKeys) {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        await drain(object.Body as Readable);
      }
    });
    const total = payloads.length * OBJECT_BYTES;
    const raw = {
      'raw.s3Put.MiBps': mibPerSec(total, putMs),
      'raw.s3Get.MiBps': mibPerSec(total, getMs),
    };
    log(`raw s3: ${JSON.stringify(raw)}`);
    const store = await S3ContentStore.open({ ...settings, prefix: 'store/', spoolDir });
    try {
      return { ...raw, ...(await measureStore('s3', store, payloads)) };
    } finally {
      await store.close();
    }
  } finally {
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
      const keys = (page.Contents ?? []).map((o) => ({ Key: String(o.Key) }));
      if (keys.length)
        await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys } }));
      token = page.NextContinuationToken;
    } while (token);
    await client.send(new DeleteBucketCommand({ Bucket: bucket }));
    client.destroy();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'bench-content-'));
  const payloads = Array.from({ length: OBJECTS }, () => randomBytes(OBJECT_BYTES));
  const metrics: Record<string, number> = {};
  const skipped: Record<string, string> = {};
  try {
    Object.assign(metrics, await rawFs(dir, payloads));
    log(`raw fs: ${JSON.stringify(metrics)}`);
    const folder = await FolderContentStore.open({ dir: join(dir, 'folder') });
    Object.assign(metrics, await measureStore('folder', folder, payloads));

    const connectionString =
      process.env.DATABASE_URL ?? 'postgres://tadamon:tadamon@127.0.0.1:5432/tadamon_test';
    const schema = `bench_content_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
    const pool = new Pool({ connectionString, max: 2 });
    try {
      const postgres = await PostgresContentStore.connect({ pool, schema });
      Object.assign(metrics, await measureStore('postgres', postgres, payloads));
    } catch (error) {
      skipped.postgres = (error as Error).message;
      log(`postgres: NOT MEASURED: ${skipped.postgres}`);
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
      await pool.end();
    }

    try {
      Object.assign(metrics, await s3Section(payloads, join(dir, 'spool')));
    } catch (error) {
      skipped.s3 = (error as Error).message;
      log(`s3: NOT MEASURED: ${skipped.s3}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const result = {
    name: 'content-store',
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    params: { objects: OBJECTS, objectBytes: OBJECT_BYTES, streamedBytes: STREAMED_BYTES, pgChunkBytes: MiB },
    metrics,
    ...(Object.keys(skipped).length ? { skipped } : {}),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  const out = join(__dirname, '..', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'content-store.json'), `${JSON.stringify(result, null, 2)}\n`);
  log(JSON.stringify(result, null, 2));
  log(`written ${join('bench', 'results', 'content-store.json')} in ${result.seconds} s`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
