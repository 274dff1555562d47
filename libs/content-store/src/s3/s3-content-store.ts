import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { FileHandle, mkdir, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { ContentBody, ContentStore, PutOptions, StoredContent, assertContentKey } from '../content-store';
import { streamBody, verifyingStream } from '../content-streams';
import { STALE_UPLOAD_MS, removeStaleFiles } from '../stale-files';

export interface S3ContentStoreOptions {
  /** The server's URL, e.g. http://127.0.0.1:8333; omitted for AWS itself. */
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style URLs (http://host/bucket/key), which most self-hosted servers need. */
  forcePathStyle?: boolean;
  /** Prepended to every key, e.g. `documents/`. Default none. */
  prefix?: string;
  /** Where a put spools the body while hashing it. Default: `tadamon-content-spool` in the system's temporary folder. */
  spoolDir?: string;
  /** Spooled files older than this are removed at open (left by a crash). Default 1 hour. */
  staleUploadMs?: number;
}

const missing = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);

/**
 * Objects in an S3-compatible bucket, keyed `<prefix><sha256>`.
 *
 * The key is known only once the body is read, so a put first spools the body to a local file
 * while hashing it (memory stays flat), then sends that file in one PutObject with its length and
 * SHA-256 checksum: the server refuses bytes that do not match, and S3 makes an object visible
 * whole or not at all. A body that fails or runs over the limit never reaches the server.
 */
export class S3ContentStore implements ContentStore {
  private constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly prefix: string,
    private readonly spoolDir: string,
  ) {}

  static async open(options: S3ContentStoreOptions): Promise<S3ContentStore> {
    const client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle ?? false,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // The SHA-256 checksum is given explicitly; the SDK adds no trailer that servers may not know.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    const spoolDir = options.spoolDir ?? join(tmpdir(), 'tadamon-content-spool');
    await mkdir(spoolDir, { recursive: true });
    await removeStaleFiles(spoolDir, options.staleUploadMs ?? STALE_UPLOAD_MS);
    return new S3ContentStore(client, options.bucket, options.prefix ?? '', spoolDir);
  }

  keyOf(sha256: string): string {
    assertContentKey(sha256);
    return `${this.prefix}${sha256}`;
  }

  async put(body: ContentBody, options: PutOptions): Promise<StoredContent> {
    const spool = join(this.spoolDir, randomUUID());
    const handle = await open(spool, 'wx', 0o600);
    let file: FileHandle | undefined = handle;
    try {
      const stored = await streamBody(body, options.maxBytes, async (chunk) => {
        await handle.write(chunk);
      });
      await handle.close();
      file = undefined;
      if (await this.has(stored.sha256)) return stored;
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.keyOf(stored.sha256),
          Body: createReadStream(spool),
          ContentLength: stored.size,
          ContentType: 'application/octet-stream',
          ChecksumSHA256: Buffer.from(stored.sha256, 'hex').toString('base64'),
        }),
      );
      return stored;
    } finally {
      await file?.close().catch(() => undefined);
      await rm(spool, { force: true });
    }
  }

  async get(sha256: string): Promise<Readable | undefined> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }),
      );
      return verifyingStream(object.Body as Readable, sha256);
    } catch (error) {
      if (missing(error)) return undefined;
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.size(sha256)) !== undefined;
  }

  async size(sha256: string): Promise<number | undefined> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }),
      );
      return head.ContentLength;
    } catch (error) {
      if (missing(error)) return undefined;
      throw error;
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
