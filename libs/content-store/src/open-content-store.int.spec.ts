import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { requireServer } from '@tadamon/testing';
import { ContentStore } from './content-store';
import { FolderContentStore } from './folder/folder-content-store';
import { openContentStore } from './open-content-store';
import { PostgresContentStore } from './postgres/postgres-content-store';
import { S3ContentStore } from './s3/s3-content-store';
import { testS3Settings } from './testing/s3-test-server';
import { readContent } from './testing';

async function roundTrip(store: ContentStore): Promise<void> {
  try {
    const { sha256 } = await store.put(Buffer.from('procès-verbal du comité'), { maxBytes: 1000 });
    expect((await readContent(store, sha256)).toString()).toBe('procès-verbal du comité');
  } finally {
    await store.close();
  }
}

describe('openContentStore', () => {
  it('opens a folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'content-store-'));
    try {
      const store = await openContentStore({ kind: 'folder', dir });
      expect(store).toBeInstanceOf(FolderContentStore);
      await roundTrip(store);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('opens PostgreSQL on its own pool or on the service pool, in the schema given', async () => {
    const url = requireServer('postgres');
    const schema = `cs_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const pool = new Pool({ connectionString: url, max: 2 });
    try {
      const own = await openContentStore({ kind: 'postgres', url, schema });
      expect(own).toBeInstanceOf(PostgresContentStore);
      await roundTrip(own);
      await roundTrip(await openContentStore({ kind: 'postgres', url, schema }, pool));
      const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "${schema}".objects`);
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    }
  });

  it('opens an S3 bucket', async () => {
    const bucket = `tadamon-open-${randomUUID().slice(0, 8)}`;
    const settings = testS3Settings(bucket);
    const { S3Client, CreateBucketCommand, DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command } =
      await import('@aws-sdk/client-s3');
    const admin = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: true,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    });
    await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    try {
      const store = await openContentStore({ kind: 's3', ...settings });
      expect(store).toBeInstanceOf(S3ContentStore);
      await roundTrip(store);
    } finally {
      const listed = await admin.send(new ListObjectsV2Command({ Bucket: bucket }));
      const keys = (listed.Contents ?? []).map((o) => ({ Key: String(o.Key) }));
      if (keys.length)
        await admin.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys } }));
      await admin.send(new DeleteBucketCommand({ Bucket: bucket }));
      admin.destroy();
    }
  });
});
