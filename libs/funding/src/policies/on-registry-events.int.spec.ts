import { Logger } from '@nestjs/common';
import { IntegrationEvent } from '@tadamon/contracts';
import { DeliveryContext } from '@tadamon/messaging';
import Database from 'better-sqlite3';
import { RegistryFacts } from '../application/funding-ports';
import { FundingHarness } from '../application/testing/funding-harness';
import { OnRegistryEvents, registryFactOf } from './on-registry-events';
import { InMemoryRegistryFacts, SqliteRegistryFacts } from './registry-facts-stores';

let position = 100;
const registryEvent = (type: string, data: Record<string, unknown>): IntegrationEvent => ({
  eventId: `event-${++position}`,
  type,
  schemaVersion: 1,
  context: 'registry',
  streamId: `association-${String(data['associationId'])}`,
  globalPosition: position,
  occurredAt: '2025-05-01T00:00:00.000Z',
  correlationId: `corr-${position}`,
  causationId: `cause-${position}`,
  data,
});
const delivered = (event: IntegrationEvent, tx: unknown = undefined) =>
  new DeliveryContext([
    event,
    tx,
    { consumer: 'funding', topic: 'tadamon.registry.events.v1', partition: -1, offset: '0', attempt: 1 },
  ]);

describe('the Registry policy of Funding', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('learns each association status and network membership from the registry’s events', () => {
    const registered = registryEvent('AssociationRegistered', {
      associationId: 'a1',
      names: { fr: 'A' },
      hostCountries: ['FR', 'BE'],
      originRegions: [],
      sectors: [],
      registeredAt: '2025-01-01T00:00:00.000Z',
    });
    expect(registryFactOf(registered)).toMatchObject({
      kind: 'applicant',
      status: 'submitted',
      hostCountries: ['FR', 'BE'],
    });
    const statuses = [
      'AssociationVerified',
      'AssociationRejected',
      'AssociationSuspended',
      'AssociationReinstated',
      'AssociationDissolved',
    ].map((type) =>
      registryFactOf(
        registryEvent(type, { associationId: 'a1', at: '2025-02-01T00:00:00.000Z', reason: 'r' }),
      ),
    );
    expect(statuses.map((fact) => fact?.kind === 'applicant' && fact.status)).toEqual([
      'verified',
      'rejected',
      'suspended',
      'verified',
      'dissolved',
    ]);
    expect(
      registryFactOf(registryEvent('AssociationMerged', { associationId: 'a1', at: 'x', survivorId: 'a2' })),
    ).toMatchObject({
      status: 'merged',
      survivorId: 'a2',
    });
    expect(
      registryFactOf(registryEvent('NetworkMemberRemoved', { networkId: 'n1', associationId: 'a1' })),
    ).toMatchObject({
      kind: 'network-member',
      member: false,
    });
    expect(registryFactOf(registryEvent('RegionalNeedPublished', { needId: 'n' }))).toBeUndefined();
  });

  describe.each([
    [
      'in memory',
      (): { facts: RegistryFacts; tx: unknown } => ({ facts: new InMemoryRegistryFacts(), tx: undefined }),
    ],
    [
      'in SQLite',
      (): { facts: RegistryFacts; tx: unknown } => {
        const db = new Database(':memory:');
        return { facts: new SqliteRegistryFacts(db) as RegistryFacts, tx: db };
      },
    ],
  ])('facts %s', (_name, make) => {
    it('apply each change once, in log order: an older or repeated event changes nothing', () => {
      const { facts, tx } = make();
      facts.record(tx, {
        kind: 'applicant',
        associationId: 'a.1',
        status: 'submitted',
        hostCountries: ['FR'],
        position: 5,
        at: 't5',
      });
      facts.record(tx, {
        kind: 'applicant',
        associationId: 'a.1',
        status: 'verified',
        position: 9,
        at: 't9',
      });
      facts.record(tx, {
        kind: 'applicant',
        associationId: 'a.1',
        status: 'rejected',
        position: 7,
        at: 't7',
      });
      facts.record(tx, {
        kind: 'applicant',
        associationId: 'a.1',
        status: 'verified',
        position: 9,
        at: 't9',
      });
      expect(facts.applicant('a.1')).toEqual({
        associationId: 'a.1',
        status: 'verified',
        hostCountries: ['FR'],
        survivorId: null,
        position: 9,
        changedAt: 't9',
      });
      facts.record(tx, {
        kind: 'network-member',
        networkId: 'n2',
        associationId: 'a.1',
        member: true,
        position: 10,
      });
      facts.record(tx, {
        kind: 'network-member',
        networkId: 'n1',
        associationId: 'a.1',
        member: true,
        position: 11,
      });
      facts.record(tx, {
        kind: 'network-member',
        networkId: 'n2',
        associationId: 'a.1',
        member: false,
        position: 12,
      });
      facts.record(tx, {
        kind: 'network-member',
        networkId: 'n2',
        associationId: 'a.1',
        member: true,
        position: 10,
      });
      expect(facts.networksOf('a.1')).toEqual(['n1']);
      expect(facts.applicant('unknown')).toBeUndefined();
    });

    it('keep each Registry actor with its kind, the newest by position', () => {
      const { facts, tx } = make();
      facts.record(tx, { kind: 'actor', actorId: 'actor-iom', actorKind: 'funder', position: 20 });
      facts.record(tx, { kind: 'actor', actorId: 'actor-iom', actorKind: 'ministry', position: 19 });
      facts.record(tx, { kind: 'actor', actorId: 'actor-ministry', actorKind: 'ministry', position: 21 });
      expect(facts.actor('actor-iom')).toEqual({ actorId: 'actor-iom', kind: 'funder', position: 20 });
      expect(facts.actor('actor-ministry')).toMatchObject({ kind: 'ministry' });
      expect(facts.actor('actor-unknown')).toBeUndefined();
    });
  });

  it('learns a Registry actor and its kind from ActorRegistered', () => {
    const event = registryEvent('ActorRegistered', {
      actorId: 'actor-iom',
      kind: 'funder',
      names: { fr: 'OIM' },
      regions: [],
      sectors: [],
    });
    expect(registryFactOf(event)).toEqual({
      kind: 'actor',
      actorId: 'actor-iom',
      actorKind: 'funder',
      position: event.globalPosition,
    });
  });

  it('refuses SQLite facts written outside the inbox transaction of their database', () => {
    const facts = new SqliteRegistryFacts(new Database(':memory:'));
    expect(() =>
      facts.record(new Database(':memory:'), {
        kind: 'applicant',
        associationId: 'a',
        status: 'verified',
        position: 1,
        at: 't',
      }),
    ).toThrow(/inbox transaction/);
  });

  describe('on a log', () => {
    let funding: FundingHarness;
    beforeEach(() => (funding = new FundingHarness()));
    afterEach(() => funding.close());

    it('flags every application of a suspended association, those drafted after the read model’s checkpoint too, and clears them on reinstatement', async () => {
      const policy = new OnRegistryEvents(funding.facts, funding.suspension);
      await policy.handle(
        registryEvent('AssociationVerified', { associationId: 'assoc-md', at: 't' }),
        delivered(registryEvent('x', {})),
      );
      await policy.handle(
        registryEvent('AssociationVerified', { associationId: 'assoc-b', at: 't' }),
        delivered(registryEvent('x', {})),
      );
      const { callId } = await funding.publishedCall();
      const projected = await funding.drafted(callId, 'assoc-md');
      const closed = await funding.drafted(callId, 'assoc-md');
      await funding.commands.execute(
        'grantApplication',
        closed,
        { type: 'WithdrawGrantApplication', data: { applicationId: closed, reason: 'doublon' } },
        { id: 'user-md', roles: ['association'] },
      );
      const other = await funding.drafted(callId, 'assoc-b');
      await funding.project();
      const late = await funding.drafted(callId, 'assoc-md');
      expect(await funding.suspension.applicationsOf('assoc-md')).toEqual([projected, closed, late].sort());

      const suspended = registryEvent('AssociationSuspended', {
        associationId: 'assoc-md',
        at: 't',
        reason: 'comptes',
      });
      await policy.handle(suspended, delivered(suspended));
      expect(funding.facts.applicant('assoc-md')?.status).toBe('suspended');
      const flagOf = async (id: string) => {
        const loaded = await funding.commands.load('grantApplication', id);
        return loaded?.state.status === 'none' ? undefined : loaded?.state.flag;
      };
      expect(await flagOf(projected)).toMatchObject({
        reason: 'association suspended by the registry: comptes',
      });
      expect(await flagOf(late)).not.toBeNull();
      expect(await flagOf(closed)).toBeNull();
      expect(await flagOf(other)).toBeNull();

      // Redelivered (the inbox would skip it; the commands would append nothing anyway).
      const head = await funding.store.headPosition();
      await policy.handle(suspended, delivered(suspended));
      expect(await funding.store.headPosition()).toBe(head);

      const reinstated = registryEvent('AssociationReinstated', { associationId: 'assoc-md', at: 't' });
      await policy.handle(reinstated, delivered(reinstated));
      expect(await flagOf(projected)).toBeNull();
      expect(await flagOf(late)).toBeNull();
      const flagEvents = (await funding.store.readStream(`grantApplication-${late}`)).filter((e) =>
        e.type.includes('Flag'),
      );
      expect(flagEvents.map((e) => [e.type, e.metadata.causationId, e.metadata.actor.id])).toEqual([
        ['GrantApplicationFlagged', suspended.eventId, 'system-funding-registry-policy'],
        ['GrantApplicationFlagCleared', reinstated.eventId, 'system-funding-registry-policy'],
      ]);
    });
  });
});
