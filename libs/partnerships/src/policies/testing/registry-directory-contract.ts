import { RegistryDirectory, RegistryDirectoryChange } from '../registry-directory';

/** One adapter under the contract: its store and how a delivery's transaction runs on it. */
export interface RegistryDirectoryUnderTest<Tx> {
  directory: RegistryDirectory<Tx>;
  /** Runs `work` in a transaction committed when it returns, rolled back when it throws. */
  inTransaction(work: (tx: Tx) => Promise<void>): Promise<void>;
}

const registered = (id: string, position: number, fr = `Association ${id}`): RegistryDirectoryChange => ({
  kind: 'association',
  id,
  status: 'submitted',
  names: { fr, ar: `جمعية ${id}` },
  position,
});
const status = (
  id: string,
  next: 'verified' | 'suspended' | 'dissolved' | 'merged',
  position: number,
  mergedInto?: string,
): RegistryDirectoryChange => ({
  kind: 'association',
  id,
  status: next,
  position,
  ...(mergedInto ? { mergedInto } : {}),
});

/** The directory's contract, run against every adapter (in memory, SQLite, PostgreSQL). */
export function registryDirectoryContract<Tx>(
  name: string,
  open: () => Promise<RegistryDirectoryUnderTest<Tx>>,
  /** Whether a rolled-back transaction leaves nothing (false: the in-memory store has none). */
  { transactional }: { transactional: boolean },
): void {
  describe(`${name}: the directory of Registry organisations`, () => {
    let under: RegistryDirectoryUnderTest<Tx>;
    beforeEach(async () => {
      under = await open();
    });
    const record = (...changes: RegistryDirectoryChange[]) =>
      under.inTransaction(async (tx) => {
        for (const change of changes) await under.directory.record(tx, change);
      });
    const find = async (...ids: string[]) => under.directory.organisations(ids);

    it('keeps an association’s names from its registration and its status from the latest event', async () => {
      await record(registered('a1', 1), status('a1', 'verified', 2));
      expect(await find('a1')).toEqual([
        {
          kind: 'association',
          id: 'a1',
          names: { fr: 'Association a1', ar: 'جمعية a1' },
          status: 'verified',
          mergedInto: null,
          position: 2,
        },
      ]);
    });

    it('applies the same change twice as once, and ignores a change at an older position', async () => {
      await record(registered('a2', 1), status('a2', 'suspended', 4));
      await record(status('a2', 'suspended', 4), status('a2', 'verified', 3), registered('a2', 2, 'Older'));
      expect(await find('a2')).toEqual([expect.objectContaining({ status: 'suspended', position: 4 })]);
      expect((await find('a2'))[0].names).toEqual({ fr: 'Association a2', ar: 'جمعية a2' });
    });

    it('records a merger with its survivor, and a dissolution', async () => {
      await record(registered('a3', 1), status('a3', 'verified', 2), status('a3', 'merged', 5, 'a4'));
      await record(registered('a5', 3), status('a5', 'verified', 4), status('a5', 'dissolved', 6));
      const found = await find('a3', 'a5');
      expect(found.find((entry) => entry.id === 'a3')).toMatchObject({
        status: 'merged',
        mergedInto: 'a4',
        names: { fr: 'Association a3' },
      });
      expect(found.find((entry) => entry.id === 'a5')).toMatchObject({
        status: 'dissolved',
        mergedInto: null,
      });
    });

    it('keeps an actor’s names and kind', async () => {
      const actor = (position: number, kind: string): RegistryDirectoryChange => ({
        kind: 'actor',
        id: 'actor-1',
        actorKind: kind,
        names: { fr: 'Commune de Tafraout' },
        position,
      });
      await record(actor(7, 'elected-council'), actor(6, 'funder'));
      expect(await find('actor-1', 'unknown')).toEqual([
        {
          kind: 'actor',
          id: 'actor-1',
          actorKind: 'elected-council',
          names: { fr: 'Commune de Tafraout' },
          position: 7,
        },
      ]);
      expect(await find()).toEqual([]);
    });

    if (!transactional) return;
    it('keeps nothing of a delivery whose transaction rolled back', async () => {
      await expect(
        under.inTransaction(async (tx) => {
          await under.directory.record(tx, registered('a9', 1));
          throw new Error('the delivery failed');
        }),
      ).rejects.toThrow('the delivery failed');
      expect(await find('a9')).toEqual([]);
    });
  });
}
