import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The workspace's root folder, where `npm run` and the apps' sources are. */
export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

export interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the auditor as a user does: its own process, with only PATH, HOME and `env` in its
 * environment. By default its sources through @swc-node/register; `command` runs another form
 * (the built bundle) from `cwd`.
 */
export function runAuditor(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  command = ['-r', '@swc-node/register', 'apps/auditor/src/main.ts'],
  cwd = WORKSPACE_ROOT,
): Promise<CommandRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...command, ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
