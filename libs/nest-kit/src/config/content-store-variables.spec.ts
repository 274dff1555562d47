import { ConfigurationError } from './configuration-error';
import { contentStoreLocation, contentStoreProblems, contentStoreVariables } from './content-store-variables';
import { defineConfig } from './define-config';

const config = defineConfig(contentStoreVariables('/var/lib/tadamon/content'));
const locate = (environment: NodeJS.ProcessEnv) =>
  contentStoreLocation(config.load(environment), environment.DATABASE_URL);

describe('contentStoreVariables', () => {
  it('keeps documents in a folder by default', () => {
    expect(locate({})).toEqual({ kind: 'folder', dir: '/var/lib/tadamon/content' });
    expect(config.load({}).TADAMON_CONTENT_MAX_BYTES).toBe(20 * 1024 * 1024);
    expect(contentStoreProblems({})).toEqual([]);
  });

  it("keeps them in the service's PostgreSQL, in their own schema", () => {
    const environment = { TADAMON_CONTENT_STORE: 'postgres', DATABASE_URL: 'postgres://u:p@db/tadamon' };
    expect(locate(environment)).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@db/tadamon',
      schema: 'tadamon_content',
    });
    expect(contentStoreProblems({ TADAMON_CONTENT_STORE: 'postgres' })).toEqual([
      { variable: 'DATABASE_URL', reason: 'is required when TADAMON_CONTENT_STORE=postgres' },
    ]);
  });

  it('keeps them in an S3 bucket, and names every variable S3 lacks', () => {
    const environment = {
      TADAMON_CONTENT_STORE: 's3',
      TADAMON_CONTENT_S3_ENDPOINT: 'http://127.0.0.1:8333',
      TADAMON_CONTENT_S3_BUCKET: 'tadamon-documents',
      TADAMON_CONTENT_S3_ACCESS_KEY_ID: 'key-id',
      TADAMON_CONTENT_S3_SECRET_ACCESS_KEY: 'the-secret',
      TADAMON_CONTENT_S3_PREFIX: 'funding/',
    };
    expect(locate(environment)).toEqual({
      kind: 's3',
      endpoint: 'http://127.0.0.1:8333',
      bucket: 'tadamon-documents',
      region: 'us-east-1',
      accessKeyId: 'key-id',
      secretAccessKey: 'the-secret',
      forcePathStyle: true,
      prefix: 'funding/',
    });
    expect(contentStoreProblems({ TADAMON_CONTENT_STORE: 's3' }).map((p) => p.variable)).toEqual([
      'TADAMON_CONTENT_S3_BUCKET',
      'TADAMON_CONTENT_S3_ACCESS_KEY_ID',
      'TADAMON_CONTENT_S3_SECRET_ACCESS_KEY',
    ]);
  });

  it('refuses bad values without quoting the secret', () => {
    let error: unknown;
    try {
      config.load({
        TADAMON_CONTENT_STORE: 'ftp',
        TADAMON_CONTENT_S3_BUCKET: 'Not_A_Bucket',
        TADAMON_CONTENT_PG_SCHEMA: 'drop table',
        TADAMON_CONTENT_S3_ENDPOINT: 'ftp://example',
        TADAMON_CONTENT_MAX_BYTES: '0',
        TADAMON_CONTENT_S3_SECRET_ACCESS_KEY: 'x'.repeat(5000),
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const problems = (error as ConfigurationError).problems.map((p) => p.variable);
    expect(problems).toEqual([
      'TADAMON_CONTENT_STORE',
      'TADAMON_CONTENT_MAX_BYTES',
      'TADAMON_CONTENT_PG_SCHEMA',
      'TADAMON_CONTENT_S3_ENDPOINT',
      'TADAMON_CONTENT_S3_BUCKET',
      'TADAMON_CONTENT_S3_SECRET_ACCESS_KEY',
    ]);
    expect((error as Error).message).not.toContain('xxxxx');
  });
});
