import { DocumentStore } from '../document-store';
import { collectionHash } from './collection-hash';
import { progressBar } from './progress-bar';
import { Projection } from './projection';
import { ProjectionRunner, ProjectionSource } from './projection-runner';

export class UnknownProjection extends Error {
  constructor(name: string, known: string[]) {
    super(`unknown projection "${name}"; known: ${known.join(', ') || '(none)'}`);
    this.name = 'UnknownProjection';
  }
}

export interface RebuildReport {
  projection: string;
  events: number;
  durationMs: number;
  /** Collection name -> SHA-256 of its documents: two rebuilds of the same log give the same hashes. */
  hashes: Record<string, string>;
}

/** `rebuild <projection>`: drops and replays with a progress bar, then prints the count and hashes. */
export async function rebuildProjection(
  name: string,
  projections: Projection[],
  source: ProjectionSource,
  docs: DocumentStore,
  out: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
): Promise<RebuildReport> {
  const projection = projections.find((p) => p.name === name);
  if (!projection)
    throw new UnknownProjection(
      name,
      projections.map((p) => p.name),
    );
  const bar = progressBar(out);
  const runner = new ProjectionRunner(source, docs, projection, { onProgress: (p) => bar.update(p) });
  const { events, durationMs } = await runner.rebuild().finally(() => bar.done());
  const hashes: Record<string, string> = {};
  for (const collection of projection.collections)
    hashes[collection] = await collectionHash(docs, collection);
  out.write(`rebuilt ${name}: ${events.toLocaleString('en')} events in ${durationMs} ms\n`);
  for (const [collection, hash] of Object.entries(hashes)) out.write(`  ${collection} sha256 ${hash}\n`);
  return { projection: name, events, durationMs, hashes };
}
