/**
 * A projector as its own process, for the kill -9 reliability test:
 *   node -r @swc-node/register libs/read-store/src/projections/process/projector-process.ts \
 *     <sqlite event store file> <mongo url> <database> rebuild|resume
 * Prints one `progress <events> <position>` line per batch, then `done <events>`.
 */
import { SqliteEventStore } from '@tadamon/event-store';
import { MongooseDocumentStore } from '../../mongoose/mongoose-document-store';
import { sampleDirectoryProjection } from '../../testing/sample-projection';
import { ProjectionRunner } from '../projection-runner';

async function main(): Promise<void> {
  const [filename, mongoUrl, database, mode] = process.argv.slice(2);
  if (!filename || !mongoUrl || !database || !['rebuild', 'resume'].includes(mode)) {
    console.error('usage: projector-process.ts <sqlite file> <mongo url> <database> rebuild|resume');
    process.exit(2);
  }
  const store = SqliteEventStore.open({ filename });
  const docs = await MongooseDocumentStore.connect(mongoUrl, database);
  const runner = new ProjectionRunner(store, docs, sampleDirectoryProjection, {
    batchSize: 500,
    onProgress: (p) => process.stdout.write(`progress ${p.events} ${p.position}\n`),
  });
  const events = mode === 'rebuild' ? (await runner.rebuild()).events : await runner.catchUp();
  process.stdout.write(`done ${events}\n`);
  await docs.close();
  await store.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
