import { SERVER_ENV, SERVER_ERRORS_ENV, SERVER_SOURCE_ENV, ServerKind } from './server-kind';

export class ServerUnavailableError extends Error {
  constructor(kind: ServerKind, reason: string) {
    super(
      `This test needs ${kind} (${SERVER_ENV[kind]}) and none could be had: ${reason}\n` +
        `Set ${SERVER_ENV[kind]}, start Docker, or run "npm run infra:up" (see docs/testing.md).`,
    );
    this.name = 'ServerUnavailableError';
  }
}

/**
 * The URL of a server the test needs. Throws (so the test fails, never skips) when the
 * global setup could not provide it.
 */
export function requireServer(kind: ServerKind): string {
  const url = process.env[SERVER_ENV[kind]];
  if (url) return url;
  const errors = JSON.parse(process.env[SERVER_ERRORS_ENV] ?? '{}') as Record<string, string>;
  throw new ServerUnavailableError(
    kind,
    errors[kind] ?? 'the jest global setup did not run (run tests with "npm test")',
  );
}

/** Where the servers came from: "env", "docker" or "local". */
export function serverSource(): string {
  return process.env[SERVER_SOURCE_ENV] ?? 'unknown';
}
