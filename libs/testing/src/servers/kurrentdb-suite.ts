import { SERVER_ENV } from './server-kind';

/**
 * KurrentDB is the one server these machines cannot have (it ships only as container images and
 * vendor packages). Its suites run when KURRENTDB_URL is set or Docker provided one, and otherwise
 * say so in one loud line instead of passing silently.
 */
export function describeWithKurrentDb(name: string, body: (url: () => string) => void): void {
  const url = process.env[SERVER_ENV.kurrentdb];
  if (url) {
    describe(name, () => body(() => url));
    return;
  }
  // One line, printed once per suite file, on stderr so it survives jest's reporters.
  process.stderr.write(`\n!!! KurrentDB suite NOT RUN: "${name}" (set KURRENTDB_URL or start Docker)\n`);
  describe.skip(`${name} [NOT RUN: no KurrentDB]`, () => body(() => ''));
}
