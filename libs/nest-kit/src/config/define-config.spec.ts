import { ConfigurationError } from './configuration-error';
import { defineConfig } from './define-config';
import { boolean, duration, int, oneOf, string, url } from './readers';

const config = defineConfig({
  PORT: int({ min: 1, max: 65535 }).default(3000),
  PROFILE: oneOf(['embedded', 'distributed'] as const),
  JWKS_URL: url({ protocols: ['https'] }).optional(),
  JWT_SECRET: string({ minLength: 32 }),
  LOG_PRETTY: boolean().default(false),
  IDEMPOTENCY_TTL: duration().default(86_400_000),
});

const valid = { PROFILE: 'embedded', JWT_SECRET: 'x'.repeat(32) };

function problemsOf(env: NodeJS.ProcessEnv): ConfigurationError['problems'] {
  try {
    config.load(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('defineConfig', () => {
  it('reads typed values and applies defaults', () => {
    const loaded = config.load({ ...valid, PORT: '8080', LOG_PRETTY: 'yes', IDEMPOTENCY_TTL: '5m' });
    expect(loaded).toEqual({
      PORT: 8080,
      PROFILE: 'embedded',
      JWKS_URL: undefined,
      JWT_SECRET: 'x'.repeat(32),
      LOG_PRETTY: true,
      IDEMPOTENCY_TTL: 300_000,
    });
    expect(config.load(valid).PORT).toBe(3000);
  });

  it('reads a URL of an allowed protocol', () => {
    expect(config.load({ ...valid, JWKS_URL: 'https://id.example/jwks' }).JWKS_URL?.host).toBe('id.example');
  });

  it('names every bad variable and why in one error', () => {
    const problems = problemsOf({
      PORT: '70000',
      PROFILE: 'cloud',
      JWKS_URL: 'http://id.example/jwks',
      JWT_SECRET: 'short',
      LOG_PRETTY: 'maybe',
      IDEMPOTENCY_TTL: '5 minutes',
    });
    expect(problems.map((p) => p.variable)).toEqual([
      'PORT',
      'PROFILE',
      'JWKS_URL',
      'JWT_SECRET',
      'LOG_PRETTY',
      'IDEMPOTENCY_TTL',
    ]);
    expect(problems[0].reason).toBe('must be <= 65535, got 70000');
    expect(problems[1].reason).toBe('must be one of embedded, distributed, got "cloud"');
    expect(problems[2].reason).toBe('must use https, got http');
  });

  it('reports a required variable that is not set', () => {
    expect(problemsOf({ JWT_SECRET: 'x'.repeat(32) })).toEqual([
      { variable: 'PROFILE', reason: 'is required but not set' },
    ]);
  });

  it('never echoes a string or URL value, which may be a secret', () => {
    try {
      config.load({ PROFILE: 'embedded', JWT_SECRET: 'hunter2', JWKS_URL: 'not a url with p4ss' });
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
      expect((error as Error).message).not.toContain('p4ss');
      expect((error as Error).message).toContain('JWT_SECRET must be at least 32 characters long');
    }
  });

  it('rejects a non-integer', () => {
    expect(problemsOf({ ...valid, PORT: '80.5' })[0].reason).toBe('must be an integer, got "80.5"');
  });
});
