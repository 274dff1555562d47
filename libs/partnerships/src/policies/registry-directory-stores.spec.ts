import Database from 'better-sqlite3';
import { directoryIatiOrganisations } from './registry-directory';
import { InMemoryRegistryDirectory, SqliteRegistryDirectory } from './registry-directory-stores';
import { registryDirectoryContract } from './testing/registry-directory-contract';

registryDirectoryContract(
  'in memory',
  async () => ({
    directory: new InMemoryRegistryDirectory(),
    inTransaction: (work) => work(undefined),
  }),
  { transactional: false },
);

registryDirectoryContract(
  'SQLite',
  async () => {
    const db = new Database(':memory:');
    const directory = new SqliteRegistryDirectory(db);
    return {
      directory,
      // As the SQLite inbox runs a delivery: the database itself is the transaction.
      inTransaction: async (work) => {
        db.exec('BEGIN IMMEDIATE');
        try {
          await work(db);
          db.exec('COMMIT');
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      },
    };
  },
  { transactional: true },
);

describe('directoryIatiOrganisations', () => {
  it('names actors by kind and verified associations, and leaves the rest to the Registry id', async () => {
    const directory = new InMemoryRegistryDirectory();
    directory.record(undefined, {
      kind: 'actor',
      id: 'actor-council',
      actorKind: 'elected-council',
      names: { fr: 'Commune de Tafraout' },
      position: 1,
    });
    for (const [id, names, position] of [
      ['assoc-verified', { fr: 'Tiwizi', ar: 'تويزة' }, 2],
      ['assoc-submitted', { fr: 'Pas encore vérifiée' }, 4],
      ['assoc-merged', { fr: 'Absorbée' }, 5],
    ] as const)
      directory.record(undefined, { kind: 'association', id, status: 'submitted', names, position });
    directory.record(undefined, {
      kind: 'association',
      id: 'assoc-verified',
      status: 'verified',
      position: 6,
    });
    directory.record(undefined, { kind: 'association', id: 'assoc-merged', status: 'verified', position: 7 });
    directory.record(undefined, {
      kind: 'association',
      id: 'assoc-merged',
      status: 'merged',
      mergedInto: 'assoc-verified',
      position: 8,
    });

    const named = await directoryIatiOrganisations(directory).directory([
      'actor-council',
      'assoc-verified',
      'assoc-submitted',
      'assoc-merged',
      'unknown',
    ]);
    expect(named('actor-council')).toEqual({ type: '11', names: { fr: 'Commune de Tafraout' } });
    expect(named('assoc-verified')).toEqual({ type: '21', names: { ar: 'تويزة', fr: 'Tiwizi' } });
    expect(named('assoc-submitted')).toBeUndefined();
    expect(named('assoc-merged')).toBeUndefined();
    expect(named('unknown')).toBeUndefined();
  });
});
