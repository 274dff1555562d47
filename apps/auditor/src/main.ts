/**
 * The auditor: `npm run audit -- <command>` (or `npx tadamon-audit <command>`). Reads the event
 * store directly and read-only, in any profile; see docs/audit.md.
 */
import { runAuditor } from './cli/auditor-cli';

runAuditor(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `auditor: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  },
);
