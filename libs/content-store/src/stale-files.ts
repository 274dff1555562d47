import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Removes the files of `dir` last written longer ago than `olderThanMs`: uploads a crash left behind. */
export async function removeStaleFiles(dir: string, olderThanMs: number): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile() && now - info.mtimeMs > olderThanMs) await rm(path, { force: true });
  }
}

/** An upload still being written is at most this old when the sweep runs (default of both stores). */
export const STALE_UPLOAD_MS = 3_600_000;
