import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigurationProblem } from './configuration-error';

/**
 * The file's absolute path, its folder created; a folder that cannot be written is recorded as a
 * problem of `variable`, so it joins the other configuration problems.
 */
export function writableFile(variable: string, file: string, problems: ConfigurationProblem[]): string {
  const path = resolve(file);
  try {
    mkdirSync(dirname(path), { recursive: true });
    accessSync(dirname(path), constants.W_OK);
  } catch (error) {
    problems.push({ variable, reason: `(${path}) is not in a writable folder: ${(error as Error).message}` });
  }
  return path;
}
