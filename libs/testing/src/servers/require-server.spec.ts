import { requireServer, ServerUnavailableError } from './require-server';
import { SERVER_ERRORS_ENV } from './server-kind';

describe('requireServer', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('returns the URL the environment gives', () => {
    process.env.DATABASE_URL = 'postgres://u:p@127.0.0.1:5999/db';
    expect(requireServer('postgres')).toBe('postgres://u:p@127.0.0.1:5999/db');
  });

  it('fails with the reason the global setup recorded and how to get the server', () => {
    delete process.env.KAFKA_BROKERS;
    process.env[SERVER_ERRORS_ENV] = JSON.stringify({
      kafka: 'infra/local: FAILED kafka: not ready after 90s',
    });
    expect(() => requireServer('kafka')).toThrow(ServerUnavailableError);
    expect(() => requireServer('kafka')).toThrow(/needs kafka \(KAFKA_BROKERS\).*not ready after 90s/);
    expect(() => requireServer('kafka')).toThrow(/npm run infra:up/);
  });

  it('fails, never passes silently, when the global setup did not run', () => {
    delete process.env.MONGO_URL;
    delete process.env[SERVER_ERRORS_ENV];
    expect(() => requireServer('mongo')).toThrow(/global setup did not run/);
  });
});
