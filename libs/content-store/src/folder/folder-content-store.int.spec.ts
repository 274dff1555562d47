import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { contentStoreContract } from '../testing';
import { FolderContentStore, UPLOADS_FOLDER } from './folder-content-store';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

contentStoreContract('folder', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'content-store-'));
  const store = await FolderContentStore.open({ dir });
  return {
    store,
    tamper: async (sha256, change) => {
      const path = store.pathOf(sha256);
      await chmod(path, 0o644);
      await writeFile(path, change(await readFile(path)));
    },
    storedBytes: async () => {
      let total = 0;
      for (const file of await filesUnder(dir)) total += (await stat(file)).size;
      return total;
    },
    leftovers: async () => readdir(join(dir, UPLOADS_FOLDER)),
    published: async () =>
      (await filesUnder(dir))
        .filter((file) => !file.includes(`/${UPLOADS_FOLDER}/`))
        .map((file) => basename(file)),
    settings: { kind: 'folder', dir },
    reopen: () => FolderContentStore.open({ dir }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

describe('FolderContentStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'content-store-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('fans objects out by the first two pairs of hex digits and keeps them read-only', async () => {
    const store = await FolderContentStore.open({ dir });
    const { sha256 } = await store.put(Buffer.from('statuts de l’association'), { maxBytes: 1000 });
    const path = join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    expect(store.pathOf(sha256)).toBe(path);
    expect((await stat(path)).mode & 0o777).toBe(0o444);
  });

  it('removes uploads a crash left behind once they are stale, and only those', async () => {
    const uploads = join(dir, UPLOADS_FOLDER);
    await FolderContentStore.open({ dir });
    await writeFile(join(uploads, 'crashed'), randomBytes(1000));
    await writeFile(join(uploads, 'in-flight'), randomBytes(1000));
    const anHourAgo = new Date(Date.now() - 3_600_001);
    await utimes(join(uploads, 'crashed'), anHourAgo, anHourAgo);
    await FolderContentStore.open({ dir });
    expect(await readdir(uploads)).toEqual(['in-flight']);
  });
});
