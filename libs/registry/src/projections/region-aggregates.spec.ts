import { MingoDocumentStore } from '@tadamon/read-store';
import fc from 'fast-check';
import { associationDirectoryProjection } from './association-directory';
import { regionAggregates } from './region-aggregates';
import { regionalNeedsProjection } from './regional-needs';
import { directoryScenario, geo2015 } from './testing/fixtures';
import { projectLog, RegistryLog } from './testing/registry-log';

const publish = (
  log: RegistryLog,
  needId: string,
  code: string,
  sector: string,
  amountMinor: number,
  currency: 'MAD' | 'EUR',
) =>
  log.need('PublishRegionalNeed', {
    needId,
    publisherId: 'cri-souss',
    publisherKind: 'regional-investment-centre',
    publisherRegions: [geo2015('MA-09'), geo2015('MA-06')],
    location: geo2015(code),
    sector,
    title: { fr: `Besoin ${needId}` },
    description: { fr: 'Description' },
    estimatedBudget: { amountMinor, currency },
    priority: 'high',
  });

describe('region aggregates for the map', () => {
  const aggregates = async (log: RegistryLog) => {
    const docs = new MingoDocumentStore();
    await projectLog(log, associationDirectoryProjection, docs);
    await projectLog(log, regionalNeedsProjection, docs);
    const all = await regionAggregates(docs);
    return Object.fromEntries(all.map((a) => [a.region, a]));
  };

  it('gives every 2015 region, with zeros where nothing is', async () => {
    const all = await regionAggregates(new MingoDocumentStore());
    expect(all.map((a) => a.region)).toEqual(
      Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`),
    );
    expect(all[8]).toMatchObject({
      names: { fr: 'Souss-Massa' },
      associations: 0,
      openNeeds: 0,
      openNeedsBySector: {},
      openBudget: {},
    });
  });

  it('counts verified associations only, through suspension, reinstatement, dissolution and merge', async () => {
    const log = directoryScenario();
    const before = await aggregates(log);
    // a1 (MA-09) and a2 (1997 Souss-Massa-Drâa: MA-08 and MA-09); a5 dissolved, a6 rejected,
    // a7 suspended, a4 (MA-01) merged, a3 (province in MA-06) not verified.
    expect(before['MA-09'].associations).toBe(2);
    expect(before['MA-08'].associations).toBe(1);
    expect(before['MA-01'].associations).toBe(0);
    expect(before['MA-06'].associations).toBe(0);
    log.association('VerifyAssociation', { associationId: 'a3' });
    log.association('ReinstateAssociation', { associationId: 'a7' });
    log.association('SuspendAssociation', { associationId: 'a2', reason: 'inquiry' });
    const after = await aggregates(log);
    expect([after['MA-09'].associations, after['MA-08'].associations, after['MA-06'].associations]).toEqual([
      2, 0, 1,
    ]);
  });

  it('counts open needs by sector and sums their budgets per currency, as needs close', async () => {
    const log = new RegistryLog();
    publish(log, 'n1', 'MA-09', '14030', 100000000, 'MAD');
    publish(log, 'n2', 'MA-TAR', '14030', 25000050, 'MAD');
    publish(log, 'n3', 'MA-AGD', '11220', 8000000, 'EUR');
    publish(log, 'n4', 'MA-09', '11220', 500000, 'EUR');
    publish(log, 'n5', 'MA-CAS', '12220', 70000, 'EUR');
    const open = await aggregates(log);
    expect(open['MA-09']).toMatchObject({
      openNeeds: 4,
      openNeedsBySector: { '14030': 2, '11220': 2 },
      openBudget: { MAD: '125000050', EUR: '8500000' },
    });
    expect(open['MA-06']).toMatchObject({ openNeeds: 1, openBudget: { EUR: '70000' } });
    log.need('MatchRegionalNeed', { needId: 'n1', associationIds: ['a1'], funderIds: [] });
    log.need('WithdrawRegionalNeed', { needId: 'n3', reason: 'funded elsewhere' });
    log.need('MatchRegionalNeed', { needId: 'n5', associationIds: ['a3'], funderIds: [] });
    log.need('MarkRegionalNeedAddressed', { needId: 'n5', note: 'well dug' });
    const later = await aggregates(log);
    expect(later['MA-09']).toMatchObject({
      openNeeds: 2,
      openNeedsBySector: { '14030': 1, '11220': 1 },
      openBudget: { MAD: '25000050', EUR: '500000' },
    });
    expect(later['MA-06']).toMatchObject({ openNeeds: 0, openNeedsBySector: {}, openBudget: {} });
  });

  it('sums budgets exactly when their total passes 2^53, each near the per-amount cap (property)', async () => {
    const nearCap = fc.integer({ min: Number.MAX_SAFE_INTEGER - 2 ** 20, max: Number.MAX_SAFE_INTEGER });
    await fc.assert(
      fc.asyncProperty(fc.array(nearCap, { minLength: 2, maxLength: 40 }), async (budgets) => {
        const log = new RegistryLog();
        budgets.forEach((budget, i) => publish(log, `n${i}`, 'MA-09', '14030', budget, 'MAD'));
        const exact = budgets.reduce((sum, budget) => sum + BigInt(budget), 0n);
        expect((await aggregates(log))['MA-09'].openBudget).toEqual({ MAD: exact.toString() });
      }),
      { numRuns: 25 },
    );
  });
});
