/** `npm run iati -- export [--out FILE] [--data-dir DIR] [--validate]`: see docs/iati.md. */
import { runIatiCli } from './iati/iati-export-cli';

runIatiCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `iati: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
