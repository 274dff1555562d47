import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  _Object,
} from '@aws-sdk/client-s3';
import { contentStoreContract, readContent } from '../testing';
import { S3ContentStore } from './s3-content-store';
import { testS3Settings } from '../testing/s3-test-server';

// One bucket for the file (SeaweedFS gives each bucket its own volumes); one key prefix per test.
const bucket = `tadamon-content-${randomUUID().slice(0, 8)}`;
let admin: S3Client;

function adminClient(): S3Client {
  const settings = testS3Settings(bucket);
  return new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: true,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
  });
}

async function listAll(prefix: string): Promise<_Object[]> {
  const objects: _Object[] = [];
  let token: string | undefined;
  do {
    const page = await admin.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    objects.push(...(page.Contents ?? []));
    token = page.NextContinuationToken;
  } while (token);
  return objects;
}

beforeAll(async () => {
  admin = adminClient();
  await admin.send(new CreateBucketCommand({ Bucket: bucket }));
});
afterAll(async () => {
  if (!admin) return;
  const keys = (await listAll('')).map((o) => ({ Key: String(o.Key) }));
  for (let i = 0; i < keys.length; i += 1000) {
    await admin.send(
      new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.slice(i, i + 1000) } }),
    );
  }
  await admin.send(new DeleteBucketCommand({ Bucket: bucket }));
  admin.destroy();
});

contentStoreContract('S3 (SeaweedFS)', async () => {
  const prefix = `t-${randomUUID()}/`;
  const spoolDir = await mkdtemp(join(tmpdir(), 'content-spool-'));
  const options = { ...testS3Settings(bucket), prefix, spoolDir };
  const store = await S3ContentStore.open(options);
  const opened: S3ContentStore[] = [store];
  return {
    store,
    tamper: async (sha256, change) => {
      const key = store.keyOf(sha256);
      const object = await admin.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if (!object.Body) throw new Error(`no object at ${key}`);
      const stored = Buffer.from(await object.Body.transformToByteArray());
      await admin.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: change(stored) }));
    },
    storedBytes: async () => (await listAll(prefix)).reduce((sum, o) => sum + (o.Size ?? 0), 0),
    leftovers: async () => [
      ...(await readdir(spoolDir)),
      ...(await listAll(prefix))
        .map((o) => String(o.Key))
        .filter((key) => !/^[0-9a-f]{64}$/.test(key.slice(prefix.length))),
    ],
    published: async () =>
      (await listAll(prefix))
        .map((o) => String(o.Key).slice(prefix.length))
        .filter((key) => /^[0-9a-f]{64}$/.test(key)),
    settings: { kind: 's3', ...options },
    reopen: async () => {
      const other = await S3ContentStore.open(options);
      opened.push(other);
      return other;
    },
    cleanup: async () => {
      await Promise.all(opened.map((s) => s.close()));
      await rm(spoolDir, { recursive: true, force: true });
    },
  };
});

describe('S3ContentStore', () => {
  it('keeps each object at <prefix><sha256>, and the server refuses bytes that miss the checksum', async () => {
    const prefix = `documents-${randomUUID()}/`;
    const store = await S3ContentStore.open({ ...testS3Settings(bucket), prefix });
    try {
      const bytes = randomBytes(70_000);
      const { sha256 } = await store.put(bytes, { maxBytes: 100_000 });
      expect((await listAll(prefix)).map((o) => o.Key)).toEqual([`${prefix}${sha256}`]);
      expect((await readContent(store, sha256)).equals(bytes)).toBe(true);

      const other = randomBytes(10);
      await expect(
        admin.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: `${prefix}checksum-mismatch`,
            Body: other,
            ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
          }),
        ),
      ).rejects.toThrow();
      expect((await listAll(prefix)).map((o) => o.Key)).toEqual([`${prefix}${sha256}`]);
    } finally {
      await store.close();
    }
  });

  it('removes spooled bodies a crash left behind once they are stale', async () => {
    const spoolDir = await mkdtemp(join(tmpdir(), 'content-spool-'));
    try {
      await writeFile(join(spoolDir, 'crashed'), randomBytes(10));
      await writeFile(join(spoolDir, 'in-flight'), randomBytes(10));
      const anHourAgo = new Date(Date.now() - 3_600_001);
      await utimes(join(spoolDir, 'crashed'), anHourAgo, anHourAgo);
      const store = await S3ContentStore.open({ ...testS3Settings(bucket), spoolDir });
      await store.close();
      expect(await readdir(spoolDir)).toEqual(['in-flight']);
    } finally {
      await rm(spoolDir, { recursive: true, force: true });
    }
  });
});
