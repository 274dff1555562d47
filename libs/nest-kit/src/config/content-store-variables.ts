import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { ConfigurationProblem } from './configuration-error';
import { ConfigOf } from './define-config';
import * as env from './readers';
import { ReadResult } from './readers';
import { refined } from './service-readers';

// Where a service keeps the documents it is given (the content store, docs/content-store.md).
// The shape matches @tadamon/content-store's ContentStoreSettings, which this kit cannot import.

export const CONTENT_STORE_KINDS = ['folder', 'postgres', 's3'] as const;

export type ContentStoreLocation =
  | { kind: 'folder'; dir: string }
  | { kind: 'postgres'; url: string; schema: string }
  | {
      kind: 's3';
      endpoint?: string;
      bucket: string;
      region: string;
      accessKeyId: string;
      secretAccessKey: string;
      forcePathStyle: boolean;
      prefix: string;
    };

/**
 * A secret given as its value or as the absolute path of a file holding it (a mounted secret),
 * as the seal keys are read. The reason never quotes the value.
 */
export const secretOrFile = (options: { minLength?: number } = {}): env.Reader<string> =>
  refined(env.string({ maxLength: 4096 }), (value): ReadResult<string> => {
    let secret = value;
    if (isAbsolute(value) && existsSync(value) && statSync(value).isFile()) {
      secret = readFileSync(value, 'utf8').trim();
    }
    return options.minLength !== undefined && secret.length < options.minLength
      ? { ok: false, reason: `must be at least ${options.minLength} characters long (or a file holding it)` }
      : { ok: true, value: secret };
  });

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

const matching = (pattern: RegExp, what: string) =>
  refined(env.string({ maxLength: 255 }), (value): ReadResult<string> =>
    pattern.test(value) ? { ok: true, value } : { ok: false, reason: `must be ${what}, got "${value}"` },
  );

export const contentStoreVariables = (defaultDir: string) => ({
  TADAMON_CONTENT_STORE: env.oneOf(CONTENT_STORE_KINDS).default('folder'),
  TADAMON_CONTENT_DIR: env.string({ minLength: 1, maxLength: 4096 }).default(defaultDir),
  TADAMON_CONTENT_MAX_BYTES: env.int({ min: 1, max: 5 * 1024 ** 3 }).default(20 * 1024 * 1024),
  TADAMON_CONTENT_PG_SCHEMA: matching(SCHEMA, 'a PostgreSQL schema name ([a-z_][a-z0-9_]*)').default(
    'tadamon_content',
  ),
  TADAMON_CONTENT_S3_ENDPOINT: env.url({ protocols: ['https', 'http'] }).optional(),
  TADAMON_CONTENT_S3_BUCKET: matching(BUCKET, 'an S3 bucket name (3-63 of a-z, 0-9, . and -)').optional(),
  TADAMON_CONTENT_S3_REGION: env.string({ minLength: 1, maxLength: 64 }).default('us-east-1'),
  TADAMON_CONTENT_S3_ACCESS_KEY_ID: env.string({ minLength: 1, maxLength: 256 }).optional(),
  TADAMON_CONTENT_S3_SECRET_ACCESS_KEY: secretOrFile({ minLength: 1 }).optional(),
  TADAMON_CONTENT_S3_FORCE_PATH_STYLE: env.boolean().default(true),
  TADAMON_CONTENT_S3_PREFIX: env.string({ maxLength: 512 }).default(''),
});

type ContentStoreValues = ConfigOf<ReturnType<typeof contentStoreVariables>>;

const isSet = (value: string | undefined) => value !== undefined && value !== '';

/** Rules between the variables, on the raw environment (for loadServiceVariables' caller to add). */
export function contentStoreProblems(environment: NodeJS.ProcessEnv): ConfigurationProblem[] {
  const kind = environment.TADAMON_CONTENT_STORE || 'folder';
  const problems: ConfigurationProblem[] = [];
  if (kind === 'postgres' && !isSet(environment.DATABASE_URL))
    problems.push({ variable: 'DATABASE_URL', reason: 'is required when TADAMON_CONTENT_STORE=postgres' });
  if (kind === 's3') {
    for (const variable of [
      'TADAMON_CONTENT_S3_BUCKET',
      'TADAMON_CONTENT_S3_ACCESS_KEY_ID',
      'TADAMON_CONTENT_S3_SECRET_ACCESS_KEY',
    ]) {
      if (!isSet(environment[variable]))
        problems.push({ variable, reason: 'is required when TADAMON_CONTENT_STORE=s3' });
    }
  }
  return problems;
}

/** The store's settings from the values read; `databaseUrl` is the service's DATABASE_URL. */
export function contentStoreLocation(values: ContentStoreValues, databaseUrl?: string): ContentStoreLocation {
  switch (values.TADAMON_CONTENT_STORE) {
    case 'folder':
      return { kind: 'folder', dir: values.TADAMON_CONTENT_DIR };
    case 'postgres':
      return { kind: 'postgres', url: databaseUrl as string, schema: values.TADAMON_CONTENT_PG_SCHEMA };
    case 's3':
      return {
        kind: 's3',
        ...(values.TADAMON_CONTENT_S3_ENDPOINT && {
          endpoint: values.TADAMON_CONTENT_S3_ENDPOINT.href.replace(/\/$/, ''),
        }),
        bucket: values.TADAMON_CONTENT_S3_BUCKET as string,
        region: values.TADAMON_CONTENT_S3_REGION,
        accessKeyId: values.TADAMON_CONTENT_S3_ACCESS_KEY_ID as string,
        secretAccessKey: values.TADAMON_CONTENT_S3_SECRET_ACCESS_KEY as string,
        forcePathStyle: values.TADAMON_CONTENT_S3_FORCE_PATH_STYLE,
        prefix: values.TADAMON_CONTENT_S3_PREFIX,
      };
  }
}
