import { MingoDocumentStore } from '@tadamon/read-store';
import { NeedPriority } from '../domain/regional-need/regional-need';
import { needsByArea, NeedsByAreaQuery } from './needs-by-area';
import { regionalNeedsProjection } from './regional-needs';
import { geo2015 } from './testing/fixtures';
import { projectLog, RegistryLog } from './testing/registry-log';

const publish = (log: RegistryLog, needId: string, code: string, sector: string, priority: NeedPriority) =>
  log.need('PublishRegionalNeed', {
    needId,
    publisherId: 'cri-souss',
    publisherKind: 'regional-investment-centre',
    publisherRegions: [geo2015('MA-09'), geo2015('MA-06')],
    location: geo2015(code),
    sector,
    title: { fr: `Besoin ${needId}` },
    description: { fr: 'Description' },
    estimatedBudget: { amountMinor: 1000, currency: 'MAD' },
    priority,
  });

const layer = async (log: RegistryLog, query: NeedsByAreaQuery) => {
  const docs = new MingoDocumentStore();
  await projectLog(log, regionalNeedsProjection, docs);
  const collection = await needsByArea(docs, query);
  return { collection, byCode: Object.fromEntries(collection.features.map((f) => [f.id, f.properties])) };
};

describe('the open needs as a GeoJSON layer of areas', () => {
  const log = new RegistryLog();
  publish(log, 'n1', 'MA-09', '14030', 'high'); // the whole region of Souss-Massa
  publish(log, 'n2', 'MA-TAR', '14030', 'medium'); // Taroudant, in Souss-Massa
  publish(log, 'n3', 'MA-TAR', '11220', 'high');
  publish(log, 'n4', 'MA-CAS', '11220', 'low'); // Casablanca, in MA-06
  publish(log, 'n5', 'MA-AGD', '11220', 'low');
  log.need('WithdrawRegionalNeed', { needId: 'n5', reason: 'funded elsewhere' });

  it('gives every region with its outline, counting each open need in its region', async () => {
    const { collection, byCode } = await layer(log, { level: 'region' });
    expect(collection.features).toHaveLength(12);
    expect(collection.features.every((f) => f.geometry.type.endsWith('Polygon'))).toBe(true);
    expect(byCode['MA-09']).toMatchObject({
      level: 'region',
      names: { fr: 'Souss-Massa' },
      openNeeds: 3,
      openNeedsBySector: { '14030': 2, '11220': 1 },
      openNeedsByPriority: { high: 2, medium: 1 },
      openBudget: { MAD: '3000' },
    });
    expect(byCode['MA-06']).toMatchObject({ openNeeds: 1 });
    expect(byCode['MA-01']).toMatchObject({ openNeeds: 0, openNeedsBySector: {}, openBudget: {} });
  });

  it('gives every province, counting the needs located there (a region-wide need in none)', async () => {
    const { collection, byCode } = await layer(log, { level: 'province' });
    expect(collection.features).toHaveLength(75);
    expect(byCode['MA-TAR']).toMatchObject({ region: 'MA-09', openNeeds: 2, openBudget: { MAD: '2000' } });
    expect(byCode['MA-CAS']).toMatchObject({ region: 'MA-06', openNeeds: 1 });
    expect(byCode['MA-AGD']).toMatchObject({ openNeeds: 0 }); // withdrawn
    const total = collection.features.reduce((sum, f) => sum + f.properties.openNeeds, 0);
    expect(total).toBe(3);
  });

  it('narrows to a sector and a priority', async () => {
    const { byCode } = await layer(log, { level: 'region', sector: '11220', priority: 'high' });
    expect(byCode['MA-09']).toMatchObject({ openNeeds: 1, openNeedsBySector: { '11220': 1 } });
    expect(byCode['MA-06']).toMatchObject({ openNeeds: 0 });
  });
});
