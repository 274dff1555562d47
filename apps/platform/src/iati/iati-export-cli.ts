import { once } from 'node:events';
import { createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { registryPublication, toIntegrationEvent } from '@tadamon/contracts';
import { SqliteEventStore } from '@tadamon/event-store';
import { validateIatiActivities, writeIatiActivities } from '@tadamon/iati';
import {
  directoryIatiOrganisations,
  InMemoryRegistryDirectory,
  PARTNERSHIPS_PROJECTS,
  partyIdsOf,
  ProjectDoc,
  projectsProjection,
  publishedActivitiesOf,
  registryDirectoryChangeOf,
} from '@tadamon/partnerships';
import { validateIatiFile } from './iati-validate-file';
import { MingoDocumentStore, ProjectionRunner } from '@tadamon/read-store';

export type Output = NodeJS.WritableStream & { isTTY?: boolean };
export interface CliIo {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
}

export const USAGE = `usage: npm run iati -- export [--out FILE] [--data-dir DIR] [--validate]
       npm run iati -- validate FILE

Writes the published co-development projects as one IATI 2.03 activities file, from the
embedded platform's log (DIR/events.db, opened read-only; DIR defaults to DATA_DIR, else ./data).

  --out FILE      write to FILE (through FILE.partial, renamed when complete); default stdout
  --data-dir DIR  the platform's data folder
  --validate      also check the file: XSD 2.03 and the IATI validator's rules (exit 1 on an error)

validate FILE checks any IATI 2.03 activities file (e.g. one fetched from
GET /api/partnerships/iati/activities.xml) against the XSD, the rules and the codelists, and
prints VALID or INVALID with the counts.

Exit codes: 0 done (valid), 1 failed (no data folder, unreadable log, invalid file), 2 bad usage.`;

class UsageError extends Error {}

const PROGRESS_EVERY_MS = 2000;

/** `npm run iati -- export`: folds the log through the projects projection in memory and writes the file. */
export async function runIatiCli(args: string[], io: CliIo): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(args, io.env);
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    io.stderr.write(`iati: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const log = (line: string) => io.stderr.write(`iati: ${line}\n`);
  if (options.command === 'validate')
    return validateIatiFile(options.file, (line) => io.stdout.write(`${line}\n`), log);
  const file = join(options.dataDir, 'events.db');
  if (!existsSync(options.dataDir) || !statSync(options.dataDir).isDirectory()) {
    log(`no data folder at ${options.dataDir} (give --data-dir or DATA_DIR)`);
    return 1;
  }
  if (!existsSync(file)) {
    log(`no event log at ${file}: is ${options.dataDir} the platform's data folder?`);
    return 1;
  }
  const started = performance.now();
  let store: SqliteEventStore | undefined;
  try {
    store = SqliteEventStore.open({ filename: file, readOnly: true });
    const docs = await foldProjects(store, log);
    const directory = await foldRegistryDirectory(store);
    const folded = performance.now();
    const published = docs.filter((doc) => doc.visibility === 'public');
    const organisations = await directoryIatiOrganisations(directory).directory(partyIdsOf(published));
    const { activities, lastModified } = publishedActivitiesOf(published, { organisations });
    const chunks = writeIatiActivities(activities, {
      generatedAt: lastModified ?? new Date(0).toISOString(),
    });
    const bytes = await write(chunks, options.out, io.stdout);
    const written = performance.now();
    log(
      `${activities.length} published projects of ${docs.length}, ${bytes} bytes${options.out ? ` to ${options.out}` : ''}` +
        ` (fold ${Math.round(folded - started)} ms, map and write ${Math.round(written - folded)} ms)`,
    );
    if (!options.validate) return 0;
    const result = await validateIatiActivities(activities);
    const errors = result.findings.filter((f) => f.severity === 'error');
    const warnings = result.findings.length - errors.length;
    log(
      `validated in ${Math.round(performance.now() - written)} ms: ${result.schemaErrors.length} XSD errors, ` +
        `${errors.length} rule errors, ${warnings} warnings or notes`,
    );
    for (const e of result.schemaErrors.slice(0, 20))
      log(`  XSD ${e.activityIdentifier ?? ''} line ${e.line ?? '?'}: ${e.message.trim()}`);
    for (const f of errors.slice(0, 20))
      log(`  rule ${f.ruleId} ${f.activityIdentifier}: ${f.message} (${f.detail})`);
    return result.schemaErrors.length === 0 && errors.length === 0 ? 0 : 1;
  } catch (error) {
    log(`export failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await store?.close();
  }
}

class HelpRequested extends Error {}

function parse(args: string[], env: NodeJS.ProcessEnv) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        'data-dir': { type: 'string' },
        validate: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help) throw new HelpRequested();
  const [command, ...rest] = parsed.positionals;
  if (command === 'validate') {
    if (rest.length !== 1) throw new UsageError('validate takes one file');
    if (parsed.values.out !== undefined || parsed.values['data-dir'] !== undefined || parsed.values.validate)
      throw new UsageError('validate takes no option');
    return { command: 'validate' as const, file: resolve(rest[0]) };
  }
  if (command !== 'export') throw new UsageError(command ? `unknown command "${command}"` : 'no command');
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (parsed.values.out === '') throw new UsageError('--out needs a file name');
  const given = (value: string | undefined) => (value && value.trim() !== '' ? value : undefined);
  return {
    command: 'export' as const,
    out: parsed.values.out ? resolve(parsed.values.out) : undefined,
    dataDir: resolve(given(parsed.values['data-dir']) ?? given(env.DATA_DIR) ?? 'data'),
    validate: parsed.values.validate ?? false,
  };
}

/** The projects' read model, folded in memory (mingo) from the whole log. */
async function foldProjects(store: SqliteEventStore, log: (line: string) => void) {
  const readModels = new MingoDocumentStore();
  let lastReport = performance.now();
  const runner = new ProjectionRunner(store, readModels, projectsProjection, {
    batchSize: 5000,
    onProgress: ({ events, position, head }) => {
      if (performance.now() - lastReport < PROGRESS_EVERY_MS) return;
      lastReport = performance.now();
      log(
        `${projectsProjection.name}: ${events} events read, position ${position}${head ? ` of ${head}` : ''}`,
      );
    },
  });
  await runner.catchUp();
  return readModels.collection<ProjectDoc>(PARTNERSHIPS_PROJECTS).find({}, { sort: { projectId: 1 } });
}

/**
 * Partnerships' directory of Registry organisations, as its Registry policy keeps it: the Registry's
 * integration events (the same publication), folded in memory from the log.
 */
async function foldRegistryDirectory(store: SqliteEventStore): Promise<InMemoryRegistryDirectory> {
  const directory = new InMemoryRegistryDirectory();
  for (let after = 0; ;) {
    const page = await store.readAll({ after, maxCount: 5000, categories: registryPublication.categories });
    if (page.length === 0) return directory;
    for (const recorded of page) {
      const event = toIntegrationEvent(registryPublication, recorded);
      const change = event && registryDirectoryChangeOf(event);
      if (change) directory.record(undefined, change);
    }
    after = page[page.length - 1].globalPosition;
  }
}

/** Writes the chunks with back-pressure; a file goes through FILE.partial, renamed once complete. */
async function write(chunks: Iterable<string>, out: string | undefined, stdout: Output): Promise<number> {
  const partial = out ? `${out}.partial` : undefined;
  const target = partial ? createWriteStream(partial) : stdout;
  let bytes = 0;
  try {
    for (const chunk of chunks) {
      bytes += Buffer.byteLength(chunk);
      if (!target.write(chunk)) await once(target, 'drain');
    }
    if (partial && out) {
      target.end();
      await once(target, 'finish');
      renameSync(partial, out);
    }
  } catch (error) {
    if (partial) rmSync(partial, { force: true });
    throw error;
  }
  return bytes;
}
