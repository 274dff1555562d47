import { ACTOR_DIRECTORY, actorDirectoryProjection } from './actor-directory';
import { geo2015 } from './testing/fixtures';
import { projectLog, RegistryLog, replayFromStart } from './testing/registry-log';

describe('actor directory projection', () => {
  const scenario = () => {
    const log = new RegistryLog();
    log.actorCommand('RegisterActor', {
      actorId: 'cri-souss',
      kind: 'regional-investment-centre',
      names: { ar: 'المركز الجهوي للاستثمار سوس ماسة', fr: "Centre régional d'investissement Souss-Massa" },
      regions: [geo2015('MA-09')],
      sectors: ['31120'],
    });
    log.actorCommand('RegisterActor', {
      actorId: 'iom',
      kind: 'funder',
      names: { fr: 'OIM', en: 'IOM' },
      regions: [],
      sectors: [],
    });
    log.actorCommand('UpdateActor', { actorId: 'cri-souss', regions: [geo2015('MA-09'), geo2015('MA-10')] });
    log.actorCommand('DeactivateActor', { actorId: 'iom' });
    return log;
  };

  it('writes one document per actor with kind, names, regions and whether it is active', async () => {
    const { docs } = await projectLog(scenario(), actorDirectoryProjection);
    expect(await docs.collection(ACTOR_DIRECTORY).get('cri-souss')).toEqual({
      _id: 'cri-souss',
      _position: expect.any(Number),
      actorId: 'cri-souss',
      kind: 'regional-investment-centre',
      names: { ar: 'المركز الجهوي للاستثمار سوس ماسة', fr: "Centre régional d'investissement Souss-Massa" },
      regions: ['MA-09', 'MA-10'],
      sectors: ['31120'],
      active: true,
      registeredAt: '2025-03-01T10:00:00.000Z',
      deactivatedAt: null,
      search: { names: "المركز الجهوي للاستثمار سوس ماسة | centre regional d'investissement souss-massa" },
    });
    expect(await docs.collection(ACTOR_DIRECTORY).get('iom')).toMatchObject({
      active: false,
      kind: 'funder',
    });
    expect(await docs.collection(ACTOR_DIRECTORY).count({ active: true, regions: 'MA-10' })).toBe(1);
  });

  it('changes nothing when the whole log is replayed', async () => {
    const { docs, runner } = await projectLog(scenario(), actorDirectoryProjection);
    const { before, after } = await replayFromStart(docs, runner);
    expect(after).toEqual(before);
  });
});
