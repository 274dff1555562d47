import { randomBytes, randomUUID } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { requireServer, serverSource } from '@tadamon/testing';

function client(secret?: string): S3Client {
  const url = new URL(requireServer('s3'));
  return new S3Client({
    endpoint: `${url.protocol}//${url.host}`,
    region: 'us-east-1',
    forcePathStyle: true,
    maxAttempts: 1,
    credentials: {
      accessKeyId: decodeURIComponent(url.username),
      secretAccessKey: secret ?? decodeURIComponent(url.password),
    },
  });
}

describe('S3 smoke test (real server)', () => {
  const s3 = client();
  const bucket = `smoke-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });
  afterAll(async () => {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    for (const object of listed.Contents ?? []) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: String(object.Key) }));
    }
    await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
    s3.destroy();
  });

  it('reports the server it talks to', async () => {
    const url = new URL(requireServer('s3'));
    // An unsigned request is refused, and the refusal names the server.
    const answer = await fetch(`${url.protocol}//${url.host}/`);
    console.log(`S3 (${serverSource()}): ${url.host}, ${answer.headers.get('server') ?? 'no Server header'}`);
    expect(answer.status).toBe(403);
  });

  it('keeps an object byte for byte and lists it', async () => {
    const bytes = randomBytes(6 * 1024 * 1024);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'a/b', Body: bytes }));
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'a/b' }));
    if (!object.Body) throw new Error('no body');
    expect(Buffer.from(await object.Body.transformToByteArray()).equals(bytes)).toBe(true);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'a/' }));
    expect(listed.Contents?.map((o) => [o.Key, o.Size])).toEqual([['a/b', bytes.length]]);
  });

  it('refuses a request signed with the wrong secret', async () => {
    const intruder = client('not-the-secret');
    try {
      await expect(intruder.send(new ListObjectsV2Command({ Bucket: bucket }))).rejects.toMatchObject({
        $metadata: { httpStatusCode: 403 },
      });
    } finally {
      intruder.destroy();
    }
  });
});
