import { REGIONAL_NEEDS, regionalNeedsFilter, regionalNeedsProjection } from './regional-needs';
import { geo2015 } from './testing/fixtures';
import { allDocumentsJson, projectLog, RegistryLog, replayFromStart } from './testing/registry-log';

describe('regional needs catalogue projection', () => {
  const scenario = () => {
    const log = new RegistryLog();
    const publish = (needId: string, code: string, sector: string) =>
      log.need('PublishRegionalNeed', {
        needId,
        publisherId: 'cri-souss',
        publisherKind: 'regional-investment-centre',
        publisherRegions: [geo2015('MA-09')],
        location: geo2015(code),
        sector,
        title: { fr: 'Puits', ar: 'بئر' },
        description: { fr: 'Un puits pour le douar', ar: 'بئر للدوار' },
        estimatedBudget: { amountMinor: 150000000, currency: 'MAD' },
        priority: 'high',
      });
    publish('n1', 'MA-TAR', '14030');
    publish('n2', 'MA-09', '11220');
    publish('n3', 'MA-TIZ', '14030');
    log.now = '2025-06-01T10:00:00.000Z';
    log.need('MatchRegionalNeed', { needId: 'n2', associationIds: ['a1'], funderIds: ['iom'] });
    log.need('MarkRegionalNeedAddressed', { needId: 'n2', note: 'internal note' });
    log.need('WithdrawRegionalNeed', { needId: 'n3', reason: 'internal reason' });
    return log;
  };

  it('writes the public fields of each need and whether it is open', async () => {
    const { docs } = await projectLog(scenario(), regionalNeedsProjection);
    expect(await docs.collection(REGIONAL_NEEDS).get('n1')).toEqual({
      _id: 'n1',
      _position: expect.any(Number),
      needId: 'n1',
      publisherId: 'cri-souss',
      region: 'MA-09',
      province: 'MA-TAR',
      location: geo2015('MA-TAR'),
      sector: '14030',
      title: { ar: 'بئر', fr: 'Puits' },
      description: { ar: 'بئر للدوار', fr: 'Un puits pour le douar' },
      estimatedBudget: { amountMinor: 150000000, currency: 'MAD' },
      priority: 'high',
      status: 'open',
      open: true,
      publishedAt: '2025-03-01T10:00:00.000Z',
      matchedAssociationIds: [],
      matchedFunderIds: [],
      matchedAt: null,
      closedAt: null,
    });
    expect(await docs.collection(REGIONAL_NEEDS).get('n2')).toMatchObject({
      province: null,
      status: 'addressed',
      open: false,
      matchedAssociationIds: ['a1'],
      matchedFunderIds: ['iom'],
      matchedAt: '2025-06-01T10:00:00.000Z',
      closedAt: '2025-06-01T10:00:00.000Z',
    });
    expect(await docs.collection(REGIONAL_NEEDS).get('n3')).toMatchObject({
      status: 'withdrawn',
      open: false,
    });
    const json = await allDocumentsJson(docs, regionalNeedsProjection);
    expect(json).not.toContain('internal note');
    expect(json).not.toContain('internal reason');
  });

  it('filters the public catalogue', async () => {
    const { docs } = await projectLog(scenario(), regionalNeedsProjection);
    const ids = async (filter: Parameters<typeof regionalNeedsFilter>[0]) =>
      (await docs.collection(REGIONAL_NEEDS).find(regionalNeedsFilter(filter), { sort: { _id: 1 } })).map(
        (d) => d._id,
      );
    expect(regionalNeedsFilter({ openOnly: true, region: 'MA-09' })).toEqual({ open: true, region: 'MA-09' });
    expect(await ids({ region: 'MA-09' })).toEqual(['n1', 'n2', 'n3']);
    expect(await ids({ openOnly: true })).toEqual(['n1']);
    expect(await ids({ sector: '14030' })).toEqual(['n1', 'n3']);
    expect(await ids({ province: 'MA-TIZ' })).toEqual(['n3']);
    expect(await ids({ status: 'addressed', priority: 'high' })).toEqual(['n2']);
  });

  it('changes nothing when the whole log is replayed', async () => {
    const { docs, runner } = await projectLog(scenario(), regionalNeedsProjection);
    const { before, after } = await replayFromStart(docs, runner);
    expect(after).toEqual(before);
  });
});
