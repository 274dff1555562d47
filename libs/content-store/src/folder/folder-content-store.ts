import { randomUUID } from 'node:crypto';
import { FileHandle, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ContentBody, ContentStore, PutOptions, StoredContent, assertContentKey } from '../content-store';
import { streamBody, verifyingStream } from '../content-streams';
import { STALE_UPLOAD_MS, removeStaleFiles } from '../stale-files';

export interface FolderContentStoreOptions {
  /** The store's folder; created when missing. */
  dir: string;
  /** Unpublished files older than this are removed at open (left by a crash). Default 1 hour. */
  staleUploadMs?: number;
}

/** Where uploads are written before they are published: inside the store, so rename stays atomic. */
export const UPLOADS_FOLDER = '.uploads';

const notFound = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The embedded profile's store: one read-only file per object at `<dir>/ab/cd/<sha256>`.
 *
 * A put writes `<dir>/.uploads/<uuid>`, fsyncs it, renames it to its key and fsyncs the key's
 * folder: after a crash an object is either whole at its key or absent (the upload file is left in
 * `.uploads`, invisible, and removed at a later open).
 */
export class FolderContentStore implements ContentStore {
  private constructor(private readonly dir: string) {}

  static async open(options: FolderContentStoreOptions): Promise<FolderContentStore> {
    const uploads = join(options.dir, UPLOADS_FOLDER);
    await mkdir(uploads, { recursive: true });
    await removeStaleFiles(uploads, options.staleUploadMs ?? STALE_UPLOAD_MS);
    return new FolderContentStore(options.dir);
  }

  /** The file that holds an object (for operators and the tamper tests). */
  pathOf(sha256: string): string {
    assertContentKey(sha256);
    return join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(body: ContentBody, options: PutOptions): Promise<StoredContent> {
    const upload = join(this.dir, UPLOADS_FOLDER, randomUUID());
    const handle = await open(upload, 'wx', 0o444);
    let file: FileHandle | undefined = handle;
    try {
      const stored = await streamBody(body, options.maxBytes, async (chunk) => {
        await handle.write(chunk);
      });
      await handle.sync();
      await handle.close();
      file = undefined;
      const target = this.pathOf(stored.sha256);
      if (await exists(target)) {
        await rm(upload);
        return stored;
      }
      await mkdir(join(target, '..'), { recursive: true });
      // Two writers of the same bytes may both get here: the later rename replaces an identical file.
      await rename(upload, target);
      await syncFolder(join(target, '..'));
      return stored;
    } catch (error) {
      await file?.close().catch(() => undefined);
      await rm(upload, { force: true });
      throw error;
    }
  }

  async get(sha256: string): Promise<Readable | undefined> {
    const path = this.pathOf(sha256);
    // Opened before the stream is handed out, so an absent object is undefined rather than an error.
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (notFound(error)) return undefined;
      throw error;
    }
    return verifyingStream(handle.createReadStream({ autoClose: true }), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }

  async size(sha256: string): Promise<number | undefined> {
    try {
      return (await stat(this.pathOf(sha256))).size;
    } catch (error) {
      if (notFound(error)) return undefined;
      throw error;
    }
  }

  async close(): Promise<void> {
    // Nothing held open between calls.
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (notFound(error)) return false;
    throw error;
  }
}

/** Makes a rename in this folder durable (the new directory entry is on disk). */
async function syncFolder(path: string): Promise<void> {
  const folder = await open(path, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
