import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { requireServer, serverSource } from '@tadamon/testing';

describe('MongoDB wire-protocol smoke test (FerretDB here, MongoDB elsewhere)', () => {
  const connection = mongoose.createConnection(requireServer('mongo'), {
    dbName: 'tadamon_smoke',
    serverSelectionTimeoutMS: 5000,
    autoIndex: false,
  });
  const collection = `associations_${randomUUID().replace(/-/g, '')}`;
  const Association = connection.model(
    collection,
    new mongoose.Schema({ code: { type: String, unique: true }, name: String }, { collection }),
  );

  afterAll(async () => {
    await Association.collection.drop().catch(() => undefined);
    await connection.close();
  });

  it('reports the server it talks to', async () => {
    const db = (await connection.asPromise()).db;
    if (!db) throw new Error('no database handle after connect');
    const info = await db.admin().buildInfo();
    const ferret = info.ferretdbVersion ? `, FerretDB ${info.ferretdbVersion}` : '';
    console.log(`MongoDB wire protocol (${serverSource()}): version ${info.version}${ferret}`);
    expect(info.version).toMatch(/^\d+\.\d+/);
  });

  it('inserts and finds a document', async () => {
    await Association.create({ code: 'MD', name: 'Migrations et Développement' });
    const found = await Association.findOne({ code: 'MD' }).lean();
    expect(found?.name).toBe('Migrations et Développement');
  });

  it('rejects a duplicate on a unique index', async () => {
    await Association.syncIndexes();
    await Association.create({ code: 'AMDAM', name: 'AMDAM' });
    await expect(Association.create({ code: 'AMDAM', name: 'another' })).rejects.toMatchObject({
      code: 11000,
    });
    expect(await Association.countDocuments({ code: 'AMDAM' })).toBe(1);
  });
});
