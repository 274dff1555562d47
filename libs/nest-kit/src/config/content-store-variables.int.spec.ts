import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentStoreVariables } from './content-store-variables';
import { defineConfig } from './define-config';

describe('TADAMON_CONTENT_S3_SECRET_ACCESS_KEY', () => {
  it('is read from the file its value names, when it names one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'secret-'));
    try {
      await writeFile(join(dir, 's3-secret'), 'from-the-file\n', { mode: 0o600 });
      const config = defineConfig(contentStoreVariables('/data'));
      expect(config.load({ TADAMON_CONTENT_S3_SECRET_ACCESS_KEY: join(dir, 's3-secret') })).toMatchObject({
        TADAMON_CONTENT_S3_SECRET_ACCESS_KEY: 'from-the-file',
      });
      expect(config.load({ TADAMON_CONTENT_S3_SECRET_ACCESS_KEY: 'plain-value' })).toMatchObject({
        TADAMON_CONTENT_S3_SECRET_ACCESS_KEY: 'plain-value',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
