import pino from 'pino';
import { Writable } from 'node:stream';

/** A pino logger at `level` whose JSON lines land, parsed, in `lines` (for tests). */
export function capturedLogger(level: pino.LevelWithSilent = 'info') {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: pino({ level }, stream) };
}
