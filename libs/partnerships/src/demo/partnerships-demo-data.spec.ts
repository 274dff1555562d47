import { Command, Decider, DomainEvent, foldEvents } from '@tadamon/eventsourcing';
import { AlreadyCreated } from '../domain/errors';
import { PARTNERSHIPS_AGGREGATES } from '../application/partnerships-commands';
import {
  PARTNERSHIPS_DEMO_IDS,
  PartnershipsDemoAggregate,
  partnershipsDemoSteps,
} from './partnerships-demo-data';
import { PartnershipsDemoExecute, seedPartnershipsDemo } from './seed-partnerships-demo';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDecider = Decider<Command, DomainEvent, any>;

/** A command handling in memory: streams of events, decided and folded as handleCommand does. */
const inMemory = () => {
  const streams = new Map<string, DomainEvent[]>();
  const execute: PartnershipsDemoExecute = async (aggregate, id, command, actor, { commandId, now }) => {
    const { decider, stream } = PARTNERSHIPS_AGGREGATES[aggregate as PartnershipsDemoAggregate];
    const history = streams.get(stream(id)) ?? [];
    const full = { ...command, metadata: { commandId, actor: { ...actor, roles: [...actor.roles] }, now } };
    const events = (decider as AnyDecider).decide(full, foldEvents(decider as AnyDecider, history));
    streams.set(stream(id), [...history, ...events]);
    return { events };
  };
  const state = (aggregate: PartnershipsDemoAggregate, id: string) => {
    const { decider, stream } = PARTNERSHIPS_AGGREGATES[aggregate];
    return foldEvents(decider as AnyDecider, streams.get(stream(id)) ?? []);
  };
  return { streams, execute, state };
};

describe('the Partnerships demo', () => {
  it('is accepted by the deciders step by step, every step recording something', async () => {
    const { execute } = inMemory();
    const report = await seedPartnershipsDemo(execute);
    expect(report.commands).toBe(partnershipsDemoSteps().length);
    expect(report.unchanged).toBe(0);
    expect(report.events).toBeGreaterThanOrEqual(report.commands);
  });

  it('keeps each stream’s instants in order', () => {
    const last = new Map<string, string>();
    for (const step of partnershipsDemoSteps()) {
      const key = `${step.aggregate}/${step.id}`;
      expect({ key, now: step.command.metadata.now >= (last.get(key) ?? '') }).toEqual({ key, now: true });
      last.set(key, step.command.metadata.now);
    }
  });

  it('appends nothing when applied again: it stops at the draft of the convention, since renewed', async () => {
    const { execute, streams } = inMemory();
    await seedPartnershipsDemo(execute);
    const before = [...streams.values()].reduce((n, events) => n + events.length, 0);
    await expect(seedPartnershipsDemo(execute)).rejects.toThrow(AlreadyCreated);
    expect([...streams.values()].reduce((n, events) => n + events.length, 0)).toBe(before);
  });

  it('ends with the convention renewed in force (version 2), a pending update for the second officer and a replica', async () => {
    const { execute, state } = inMemory();
    await seedPartnershipsDemo(execute);
    const ids = PARTNERSHIPS_DEMO_IDS;
    const agreement = state('agreement', ids.agreements.soussMassaWater);
    expect(agreement.status).toBe('in-force');
    expect(agreement.versions.map((v: { version: number; kind: string }) => [v.version, v.kind])).toEqual([
      [1, 'original'],
      [2, 'renewal'],
    ]);
    expect(agreement.terms.endDate).toBe('2018-06-30');
    // The seed's convention "with a CRI and a regional council", each with its role (kept by id).
    const parties = agreement.terms.parties.map((p: { partyKind: string; roles: string[] }) => [
      p.partyKind,
      p.roles,
    ]);
    expect(parties).toHaveLength(5);
    expect(parties).toEqual(
      expect.arrayContaining([
        ['ministry', ['funding', 'accountable']],
        ['development-agency', ['funding']],
        ['regional-investment-centre', ['technical']],
        ['elected-council', ['funding', 'extending']],
        ['association', ['implementing']],
      ]),
    );
    const results = state('projectResults', ids.projects.taroudantWater);
    const pending = Object.values(
      results.updates as Record<string, { status: string; submittedBy: string }>,
    ).filter((u) => u.status === 'pending');
    expect(pending).toEqual([expect.objectContaining({ submittedBy: ids.users.officer })]);
    const replica = state('project', ids.projects.figuigIncome);
    expect(replica.origin).toEqual({ kind: 'replication', originalProjectId: ids.projects.tiznitIncome });
  });

  it('names the programmes Funding’s demo envelopes name', () => {
    expect(PARTNERSHIPS_DEMO_IDS.programmes).toEqual({
      icmdPhase2: 'programme-icmd-phase-2',
      euMobilityPartnership: 'programme-eu-mobility-partnership-morocco',
    });
  });
});
