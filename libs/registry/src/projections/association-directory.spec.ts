import { regionsFor } from '@tadamon/reference-data';
import { ASSOCIATION_DIRECTORY, associationDirectoryProjection } from './association-directory';
import { directoryScenario, sealedCard } from './testing/fixtures';
import { allDocumentsJson, projectLog, RegistryLog, replayFromStart } from './testing/registry-log';

describe('association directory projection', () => {
  const project = (log = directoryScenario()) => projectLog(log, associationDirectoryProjection);
  const get = async (id: string, log?: RegistryLog) =>
    (await project(log)).docs.collection(ASSOCIATION_DIRECTORY).get(id);

  it('writes one document per association with its public profile', async () => {
    const { docs } = await project();
    expect(await docs.collection(ASSOCIATION_DIRECTORY).count()).toBe(7);
    expect(await docs.collection(ASSOCIATION_DIRECTORY).get('a1')).toEqual({
      _id: 'a1',
      _position: expect.any(Number),
      associationId: 'a1',
      names: { ar: 'الهجرة والتنمية', fr: 'Migrations et Développement', en: 'Migration and Development' },
      acronym: 'MigDev',
      status: 'verified',
      public: true,
      hostCountries: ['FR'],
      hostCities: [{ country: 'FR', name: 'Marseille' }],
      originRegions: ['MA-09'],
      originProvinces: ['MA-TAR'],
      originProvinceRegions: ['MA-09'],
      sectors: ['14030', '23630'],
      members: 120,
      website: null,
      foundedOn: '1986-05-01',
      registeredAt: '2025-03-01T10:00:00.000Z',
      verifiedAt: '2025-04-01T10:00:00.000Z',
      mergedInto: null,
      search: {
        names: 'الهجرة والتنمية | migrations et developpement | migration and development',
        acronym: 'migdev',
      },
    });
  });

  it('maps origins of the 1997 scheme to today’s regions', async () => {
    const doc = await get('a2');
    const expected = regionsFor('MA-13', 'iso3166-2:1997').map((r) => r.code);
    expect(expected).toEqual(expect.arrayContaining(['MA-08', 'MA-09']));
    expect(doc).toMatchObject({ originRegions: expected, originProvinces: [], originProvinceRegions: [] });
  });

  it('places provinces of origin in their 2015 region', async () => {
    expect(await get('a3')).toMatchObject({
      originRegions: [],
      originProvinces: ['MA-CAS'],
      originProvinceRegions: ['MA-06'],
    });
  });

  it('is public only while verified, through suspension, reinstatement, dissolution, rejection and merge', async () => {
    const { docs } = await project();
    const rows = await docs.collection(ASSOCIATION_DIRECTORY).find({}, { sort: { _id: 1 } });
    expect(rows.map((d) => [d._id, d['status'], d['public'], d['mergedInto']])).toEqual([
      ['a1', 'verified', true, null],
      ['a2', 'verified', true, null],
      ['a3', 'submitted', false, null],
      ['a4', 'merged', false, 'a1'],
      ['a5', 'dissolved', false, null],
      ['a6', 'rejected', false, null],
      ['a7', 'suspended', false, null],
    ]);
    // Reinstatement keeps the date of the first verification.
    expect(rows[1]['verifiedAt']).toBe('2025-05-01T10:00:00.000Z');
  });

  it('follows a profile change of the names without losing the acronym, and clears a removed acronym', async () => {
    const log = directoryScenario();
    log.association('ChangeAssociationProfile', {
      associationId: 'a1',
      changes: { names: { fr: 'Migrations & Développement Sud' } },
    });
    log.association('ChangeAssociationProfile', { associationId: 'a3', changes: { acronym: null } });
    const { docs } = await project(log);
    expect(await docs.collection(ASSOCIATION_DIRECTORY).get('a1')).toMatchObject({
      names: { fr: 'Migrations & Développement Sud' },
      acronym: 'MigDev',
      search: { names: 'migrations & developpement sud', acronym: 'migdev' },
    });
    expect(await docs.collection(ASSOCIATION_DIRECTORY).get('a3')).toMatchObject({
      acronym: null,
      search: { acronym: '' },
    });
  });

  it('holds no personal data of contact persons, nor legal registration or duplicate suspicions', async () => {
    const { docs } = await project();
    const json = await allDocumentsJson(docs, associationDirectoryProjection);
    for (const secret of [
      sealedCard.ciphertext,
      sealedCard.iv,
      sealedCard.tag,
      sealedCard.keyId,
      sealedCard.subjectId,
      'W133001234',
      'Préfecture',
      'same board',
      'accounts not filed',
    ]) {
      expect(json).not.toContain(secret);
    }
    expect(json).not.toMatch(/personalData|ciphertext|subjectId|keyId|legalRegistration|reason/);
  });

  it('changes nothing when the whole log is replayed', async () => {
    const { docs, runner } = await project();
    const { before, after, replayed } = await replayFromStart(docs, runner);
    expect(replayed).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });

  it('gives identical documents on two rebuilds', async () => {
    const { docs, runner } = await project();
    const { before } = await replayFromStart(docs, runner);
    await runner.rebuild();
    expect((await replayFromStart(docs, runner)).before).toEqual(before);
  });
});
