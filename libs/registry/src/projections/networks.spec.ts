import {
  memberKey,
  NetworkDoc,
  networkMemberIds,
  NETWORKS,
  networksOfAssociationFilter,
  networksProjection,
} from './networks';
import { projectLog, RegistryLog, replayFromStart } from './testing/registry-log';

describe('networks projection', () => {
  const scenario = () => {
    const log = new RegistryLog();
    log.network('CreateNetwork', { networkId: 'fed-1', kind: 'federation', names: { fr: 'Fédération Sud' } });
    log.network('CreateNetwork', { networkId: 'net-2', kind: 'network', names: { fr: 'Réseau Eau' } });
    for (const id of ['a1', 'a2', 'a.3', 'a4'])
      log.network('AddNetworkMember', { networkId: 'fed-1', associationId: id });
    log.network('AddNetworkMember', { networkId: 'fed-1', associationId: 'a1' }); // already a member: no event
    log.network('RemoveNetworkMember', { networkId: 'fed-1', associationId: 'a2' });
    log.network('RemoveNetworkMember', { networkId: 'fed-1', associationId: 'a2' }); // no longer: no event
    log.network('AddNetworkMember', { networkId: 'net-2', associationId: 'a.3' });
    log.network('RenameNetwork', {
      networkId: 'net-2',
      names: { fr: 'Réseau Eau et Énergie', ar: 'شبكة الماء' },
    });
    return log;
  };

  it('keeps member ids and an exact member count as members come and go', async () => {
    const { docs } = await projectLog(scenario(), networksProjection);
    const fed = (await docs.collection<NetworkDoc>(NETWORKS).get('fed-1')) as NetworkDoc;
    expect(networkMemberIds(fed)).toEqual(['a.3', 'a1', 'a4']);
    expect(fed).toMatchObject({ kind: 'federation', memberCount: 3, names: { fr: 'Fédération Sud' } });
    expect(fed.members[memberKey('a.3')]).toEqual({
      associationId: 'a.3',
      addedAt: '2025-03-01T10:00:00.000Z',
    });
    const net = (await docs.collection<NetworkDoc>(NETWORKS).get('net-2')) as NetworkDoc;
    expect(net).toMatchObject({ memberCount: 1, names: { fr: 'Réseau Eau et Énergie', ar: 'شبكة الماء' } });
  });

  it('finds the networks of an association, ids with dots included', async () => {
    const { docs } = await projectLog(scenario(), networksProjection);
    const of = async (id: string) =>
      (await docs.collection(NETWORKS).find(networksOfAssociationFilter(id), { sort: { _id: 1 } })).map(
        (d) => d._id,
      );
    expect(await of('a.3')).toEqual(['fed-1', 'net-2']);
    expect(await of('a2')).toEqual([]);
    expect(await of('a1')).toEqual(['fed-1']);
  });

  it('changes nothing when the whole log is replayed (the count is not incremented twice)', async () => {
    const { docs, runner } = await projectLog(scenario(), networksProjection);
    const { before, after } = await replayFromStart(docs, runner);
    expect(after).toEqual(before);
    expect((await docs.collection(NETWORKS).get('fed-1'))?.['memberCount']).toBe(3);
  });
});
