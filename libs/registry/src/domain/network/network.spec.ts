import { CommandMetadata, DeciderSpecification } from '@tadamon/eventsourcing';
import { AlreadyRegistered, NotRegistered, ValidationFailed } from '../errors';
import { NetworkCommand, networkDecider, NetworkEvent, networkStreamName } from './network';

const now = '2025-03-01T10:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'cmd-1', actor: { id: 'officer-1', roles: ['officer'] }, now };
const spec = DeciderSpecification.for(networkDecider);
const networkId = 'federation-europe';
const by = 'officer-1';
const command = <C extends NetworkCommand>(type: C['type'], data: C['data']): C =>
  ({ type, data, metadata }) as C;
const names = { fr: 'Fédération des associations du Souss en Europe' };
const created: NetworkEvent = {
  type: 'NetworkCreated',
  data: { networkId, kind: 'federation', names, createdAt: now, by },
};
const memberAdded: NetworkEvent = {
  type: 'NetworkMemberAdded',
  data: { networkId, associationId: 'md-0001', addedAt: now, by },
};

describe('network', () => {
  it('lives in streams of the network category', () => {
    expect(networkStreamName(networkId)).toBe('network-federation-europe');
  });

  describe('CreateNetwork', () => {
    const create = command('CreateNetwork', { networkId, kind: 'federation', names });
    it('creates a federation with its names', () => {
      spec.when(create).then([created]);
    });
    it('changes nothing when created again with the same data', () => {
      spec.given([created]).when(create).thenNothingHappened();
    });
    it('refuses other data under the same id', () => {
      spec
        .given([created])
        .when(command('CreateNetwork', { ...create.data, kind: 'network' }))
        .thenThrows(AlreadyRegistered);
    });
    it('refuses a network without a French name', () => {
      spec
        .when(command('CreateNetwork', { ...create.data, names: { ar: 'شبكة' } as unknown as typeof names }))
        .thenThrows(ValidationFailed);
    });
  });

  describe('AddNetworkMember', () => {
    const add = command('AddNetworkMember', { networkId, associationId: 'md-0001' });
    it('adds a member association', () => {
      spec.given([created]).when(add).then([memberAdded]);
    });
    it('lists a member once: adding it again changes nothing', () => {
      spec.given([created, memberAdded]).when(add).thenNothingHappened();
    });
    it('refuses members of a network that does not exist', () => {
      spec.when(add).thenThrows(NotRegistered);
    });
  });

  describe('RemoveNetworkMember', () => {
    const remove = command('RemoveNetworkMember', { networkId, associationId: 'md-0001' });
    it('removes a member association', () => {
      spec
        .given([created, memberAdded])
        .when(remove)
        .then([
          { type: 'NetworkMemberRemoved', data: { networkId, associationId: 'md-0001', removedAt: now, by } },
        ]);
    });
    it('changes nothing when the association is not a member', () => {
      spec.given([created]).when(remove).thenNothingHappened();
    });
    it('refuses an invalid association id', () => {
      spec
        .given([created])
        .when(command('RemoveNetworkMember', { networkId, associationId: '' }))
        .thenThrows(ValidationFailed);
    });
  });

  describe('RenameNetwork', () => {
    const renamed = { fr: 'Fédération Souss Europe', en: 'Souss Europe Federation' };
    it('renames the network', () => {
      spec
        .given([created])
        .when(command('RenameNetwork', { networkId, names: renamed }))
        .then([{ type: 'NetworkRenamed', data: { networkId, names: renamed, renamedAt: now, by } }]);
    });
    it('changes nothing when the names are the same', () => {
      spec.given([created]).when(command('RenameNetwork', { networkId, names })).thenNothingHappened();
    });
    it('refuses to rename a network that does not exist', () => {
      spec.when(command('RenameNetwork', { networkId, names })).thenThrows(NotRegistered);
    });
  });
});
