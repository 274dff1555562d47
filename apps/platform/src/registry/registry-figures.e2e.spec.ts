import { eventually, Json, PlatformClient } from './testing/platform-client';

// Seeding the demo users hashes nine passwords with scrypt.
jest.setTimeout(60_000);

const FIGURES = '/api/registry/figures';
const ASSOCIATIONS = '/api/registry/associations';
const geo = (code: string) => ({ scheme: 'iso3166-2:2015', code });

/** Each code's count over the directory's items, an association once per code it lists. */
const tally = (items: Json[], codesOf: (item: Json) => string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const item of items) for (const code of new Set(codesOf(item))) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
};

describe('Registry API: the programme in figures', () => {
  let client: PlatformClient;
  beforeAll(async () => {
    client = await PlatformClient.start('registry-figures');
  });
  afterAll(async () => {
    await client?.close();
  });

  const figures = async (): Promise<Json> => {
    const reply = await client.get('anonymous', FIGURES);
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const directory = async (): Promise<Json> => {
    const reply = await client.get('anonymous', `${ASSOCIATIONS}?pageSize=100`);
    expect(reply.status).toBe(200);
    return reply.body;
  };

  it('agrees with the public directory: its total, host countries and sectors', async () => {
    const [counted, listed] = await Promise.all([figures(), directory()]);
    expect(listed.total).toBe(4);
    expect(listed.items).toHaveLength(listed.total);
    expect(counted.associations).toBe(listed.total);
    expect(counted.byHostCountry).toEqual(tally(listed.items, (a) => a.hostCountries));
    expect(counted.bySector).toEqual(tally(listed.items, (a) => a.sectors ?? []));
  });

  it('counts an association once per region of origin, as the directory’s region filter finds it', async () => {
    const counted = await figures();
    expect(Object.keys(counted.byOriginRegion).length).toBeGreaterThan(0);
    const regions = Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`);
    for (const region of regions) {
      const reply = await client.get('anonymous', `${ASSOCIATIONS}?region=${region}`);
      expect([region, counted.byOriginRegion[region] ?? 0]).toEqual([region, reply.body.total]);
    }
  });

  it('moves when one more association is registered and verified through the API', async () => {
    const before = await figures();
    const associationId = `assoc-figures-${Date.now().toString(36)}`;
    const registered = await client.post('officer', ASSOCIATIONS, {
      associationId,
      profile: {
        names: { fr: `Association ${associationId}` },
        hostCountries: ['FR', 'IT'],
        hostCities: [{ country: 'IT', name: 'Torino' }],
        originRegions: [geo('MA-09')],
        originProvinces: [geo('MA-TAR')],
        sectors: ['14030'],
      },
    });
    expect(registered.status).toBe(201);
    expect((await figures()).associations).toBe(before.associations);
    expect((await client.post('officer', `${ASSOCIATIONS}/${associationId}/verify`)).status).toBe(200);
    const after = await eventually(
      figures,
      (f) => f.associations === before.associations + 1,
      'the verified association counted',
    );
    const plusOne = (counts: Record<string, number>, code: string) => (counts[code] ?? 0) + 1;
    expect(after.byHostCountry).toEqual({
      ...before.byHostCountry,
      FR: plusOne(before.byHostCountry, 'FR'),
      IT: plusOne(before.byHostCountry, 'IT'),
    });
    expect(after.bySector).toEqual({ ...before.bySector, '14030': plusOne(before.bySector, '14030') });
    // Taroudant lies in Souss-Massa: region and province of origin, one association, counted once.
    expect(after.byOriginRegion).toEqual({
      ...before.byOriginRegion,
      'MA-09': plusOne(before.byOriginRegion, 'MA-09'),
    });
    expect((await directory()).total).toBe(after.associations);
  });
});
