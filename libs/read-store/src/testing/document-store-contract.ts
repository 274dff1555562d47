import { randomUUID } from 'node:crypto';
import { Document, DocumentStore, UpdateSpec } from '../document-store';

export interface DocumentStoreFixture {
  store: DocumentStore;
  cleanup(): Promise<void>;
}

interface Association extends Document {
  name: string;
  region?: string;
  members?: number;
  sectors?: string[];
  _position?: number;
}

/** The behaviour every DocumentStore adapter must have; run against each one. */
export function documentStoreContract(name: string, fixture: () => Promise<DocumentStoreFixture>): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let context: DocumentStoreFixture;
    let collectionName: string;
    const associations = () => context.store.collection<Association>(collectionName);

    beforeAll(async () => {
      context = await fixture();
    });
    afterAll(async () => {
      await context?.cleanup();
    });
    beforeEach(() => {
      collectionName = `contract_${randomUUID().replace(/-/g, '')}`;
    });
    afterEach(async () => {
      await associations().drop();
    });

    async function seed(): Promise<void> {
      await associations().bulk([
        {
          upsert: {
            id: 'md',
            update: { $set: { name: 'Migrations et Développement', region: 'MA-09', members: 120 } },
          },
        },
        { upsert: { id: 'alp', update: { $set: { name: 'Alp Atlas', region: 'MA-07', members: 40 } } } },
        { upsert: { id: 'amdam', update: { $set: { name: 'AMDAM', region: 'MA-09', members: 75 } } } },
        {
          upsert: {
            id: 'figuig',
            update: { $set: { name: 'Coopératives agricoles de Figuig', region: 'MA-02', members: 300 } },
          },
        },
      ]);
    }

    it('gets a document by id, and null for an unknown id', async () => {
      await seed();
      expect(await associations().get('md')).toEqual({
        _id: 'md',
        name: 'Migrations et Développement',
        region: 'MA-09',
        members: 120,
      });
      expect(await associations().get('nobody')).toBeNull();
    });

    it('finds with a filter, sort, skip, limit and projection', async () => {
      await seed();
      const page = await associations().find(
        { members: { $gte: 50 } },
        { sort: { members: -1 }, skip: 1, limit: 2, projection: { name: 1 } },
      );
      expect(page).toEqual([
        { _id: 'md', name: 'Migrations et Développement' },
        { _id: 'amdam', name: 'AMDAM' },
      ]);
      const inRegion = await associations().find({ region: { $in: ['MA-09'] } }, { sort: { _id: 1 } });
      expect(inRegion.map((a) => a._id)).toEqual(['amdam', 'md']);
    });

    it('counts matching documents', async () => {
      await seed();
      expect(await associations().count()).toBe(4);
      expect(await associations().count({ region: 'MA-09' })).toBe(2);
      expect(await associations().count({ region: 'MA-12' })).toBe(0);
    });

    it('finds a page of the matches with the total of all matches', async () => {
      await seed();
      const options = { sort: { members: -1 }, skip: 1, limit: 1, projection: { name: 1 } } as const;
      expect(await associations().findPage({ members: { $gte: 50 } }, options)).toEqual({
        items: await associations().find({ members: { $gte: 50 } }, options),
        total: await associations().count({ members: { $gte: 50 } }),
      });
      expect(await associations().findPage({ region: 'MA-09' }, { sort: { _id: 1 } })).toEqual({
        items: [expect.objectContaining({ _id: 'amdam' }), expect.objectContaining({ _id: 'md' })],
        total: 2,
      });
      expect(await associations().findPage({ region: 'MA-12' }, { limit: 20 })).toEqual({
        items: [],
        total: 0,
      });
      expect((await associations().findPage({}, { skip: 3, limit: 20 })).total).toBe(4);
    });

    it('upserts: creates when absent, updates when present, $setOnInsert only on creation', async () => {
      await associations().upsert('md', { $set: { name: 'M&D' }, $setOnInsert: { members: 1 } });
      await associations().upsert('md', { $set: { region: 'MA-09' }, $setOnInsert: { members: 999 } });
      expect(await associations().get('md')).toEqual({ _id: 'md', name: 'M&D', region: 'MA-09', members: 1 });
    });

    it('applies $inc, $push, $addToSet and $unset', async () => {
      await associations().upsert('md', { $set: { name: 'M&D', members: 10, sectors: ['14030'] } });
      await associations().upsert('md', {
        $inc: { members: 5 },
        $push: { sectors: '23630' },
        $unset: { name: '' },
      });
      await associations().upsert('md', { $addToSet: { sectors: '14030' } });
      await associations().upsert('md', { $addToSet: { sectors: '15190' } });
      expect(await associations().get('md')).toEqual({
        _id: 'md',
        members: 15,
        sectors: ['14030', '23630', '15190'],
      });
    });

    it('applies the same operators the same way in a bulk, with dotted paths and $each', async () => {
      const update = (spec: UpdateSpec) => ({ upsert: { id: 'md', update: spec } });
      await associations().bulk([
        update({
          $set: { name: 'M&D', 'address.city': 'Paris', sectors: ['14030'] },
          $setOnInsert: { members: 1 },
        }),
        update({ $inc: { members: 5, 'stats.projects': 2 }, $setOnInsert: { foundedAt: '1986' } }),
        update({ $push: { sectors: { $each: ['23630', '14030'] } } }),
        update({ $addToSet: { sectors: { $each: ['14030', '15190'] } } }),
        update({ $unset: { 'address.city': '' } }),
      ]);
      const viaBulk = await associations().get('md');
      await associations().drop();
      await associations().upsert('md', {
        $set: { name: 'M&D', 'address.city': 'Paris', sectors: ['14030'] },
        $setOnInsert: { members: 1 },
      });
      await associations().upsert('md', {
        $inc: { members: 5, 'stats.projects': 2 },
        $setOnInsert: { foundedAt: '1986' },
      });
      await associations().upsert('md', { $push: { sectors: { $each: ['23630', '14030'] } } });
      await associations().upsert('md', { $addToSet: { sectors: { $each: ['14030', '15190'] } } });
      await associations().upsert('md', { $unset: { 'address.city': '' } });
      const viaUpserts = await associations().get('md');
      expect(viaBulk).toEqual({
        _id: 'md',
        name: 'M&D',
        address: {},
        members: 6,
        stats: { projects: 2 },
        sectors: ['14030', '23630', '14030', '15190'],
      });
      expect(viaUpserts).toEqual(viaBulk);
    });

    it('updates every matching document and says how many matched', async () => {
      await seed();
      expect(await associations().update({ region: 'MA-09' }, { $set: { region: 'MA-13' } })).toBe(2);
      expect(await associations().count({ region: 'MA-13' })).toBe(2);
      expect(await associations().update({ region: 'nowhere' }, { $set: { region: 'x' } })).toBe(0);
    });

    it('applies bulk ops in order, including several on one document', async () => {
      const result = await associations().bulk([
        { upsert: { id: 'md', update: { $set: { name: 'M&D', members: 1 } } } },
        { upsert: { id: 'md', update: { $inc: { members: 1 } } } },
        { upsert: { id: 'md', update: { $inc: { members: 1 } } } },
        { upsert: { id: 'alp', update: { $set: { name: 'Alp Atlas' } } } },
        { deleteMany: { filter: { _id: 'alp' } } },
        { updateMany: { filter: { name: 'M&D' }, update: { $set: { region: 'MA-09' } } } },
      ]);
      expect(await associations().find({}, { sort: { _id: 1 } })).toEqual([
        { _id: 'md', name: 'M&D', members: 3, region: 'MA-09' },
      ]);
      expect(result).toEqual({ applied: 6, skipped: 0 });
    });

    it('skips a guarded upsert when the document is already past the guard, so a replay changes nothing', async () => {
      const apply = (position: number, members: number) =>
        associations().bulk([
          {
            upsert: {
              id: 'md',
              update: { $set: { _position: position, name: 'M&D' }, $inc: { members } },
              guard: { field: '_position', below: position },
            },
          },
        ]);
      expect(await apply(1, 10)).toEqual({ applied: 1, skipped: 0 });
      expect(await apply(2, 5)).toEqual({ applied: 1, skipped: 0 });
      const before = await associations().get('md');
      expect(await apply(1, 10)).toEqual({ applied: 0, skipped: 1 });
      expect(await apply(2, 5)).toEqual({ applied: 0, skipped: 1 });
      expect(await associations().get('md')).toEqual(before);
      expect(before).toMatchObject({ members: 15, _position: 2 });
    });

    it('continues a bulk after a skipped guarded upsert', async () => {
      await associations().upsert('md', { $set: { _position: 5 } });
      const result = await associations().bulk([
        { upsert: { id: 'md', update: { $set: { _position: 3 } }, guard: { field: '_position', below: 3 } } },
        {
          upsert: { id: 'alp', update: { $set: { _position: 6 } }, guard: { field: '_position', below: 6 } },
        },
      ]);
      expect(result).toEqual({ applied: 1, skipped: 1 });
      expect((await associations().get('md'))?._position).toBe(5);
      expect((await associations().get('alp'))?._position).toBe(6);
    });

    it('applies a bulk of a thousand ops', async () => {
      const ops = Array.from({ length: 1000 }, (_, i) => ({
        upsert: { id: `a${i % 100}`, update: { $inc: { members: 1 } } },
      }));
      expect(await associations().bulk(ops)).toEqual({ applied: 1000, skipped: 0 });
      expect(await associations().count()).toBe(100);
      expect(await associations().count({ members: 10 })).toBe(100);
    });

    it('keeps Arabic and French text intact', async () => {
      const name = 'جمعية الهجرة والتنمية — Migrations & Développement (Tiznit, Sous-Massa)';
      await associations().upsert('md', { $set: { name } });
      expect((await associations().get('md'))?.name).toBe(name);
      expect(await associations().count({ name })).toBe(1);
    });

    it('returns copies: changing a result does not change the store', async () => {
      await associations().upsert('md', { $set: { name: 'M&D', sectors: ['14030'] } });
      const doc = await associations().get('md');
      doc?.sectors?.push('mutated');
      expect((await associations().get('md'))?.sectors).toEqual(['14030']);
    });

    it('drops a collection and lists only collections with documents', async () => {
      await seed();
      expect(await context.store.collections()).toContain(collectionName);
      await associations().drop();
      expect(await associations().count()).toBe(0);
      expect(await context.store.collections()).not.toContain(collectionName);
      await associations().drop();
    });
  });
}
