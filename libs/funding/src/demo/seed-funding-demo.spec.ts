import { Command, Decider, DomainEvent, foldEvents } from '@tadamon/eventsourcing';
import { budgetEnvelopeDecider, budgetEnvelopeStreamName } from '../domain/budget-envelope/budget-envelope';
import {
  callForProposalsDecider,
  callForProposalsStreamName,
} from '../domain/call-for-proposals/call-for-proposals';
import { InvalidTransition } from '../domain/errors';
import {
  grantApplicationDecider,
  grantApplicationStreamName,
} from '../domain/grant-application/grant-application';
import { FundingDemoAggregate, fundingDemoSteps } from './funding-demo-data';
import { FundingDemoExecute, seedFundingDemo } from './seed-funding-demo';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDecider = Decider<Command, DomainEvent, any>;
const AGGREGATES: Record<FundingDemoAggregate, { decider: AnyDecider; stream: (id: string) => string }> = {
  budgetEnvelope: { decider: budgetEnvelopeDecider as AnyDecider, stream: budgetEnvelopeStreamName },
  callForProposals: { decider: callForProposalsDecider as AnyDecider, stream: callForProposalsStreamName },
  grantApplication: { decider: grantApplicationDecider as AnyDecider, stream: grantApplicationStreamName },
};

/** A command handling in memory: streams of events, decided and folded as handleCommand does. */
const inMemory = () => {
  const streams = new Map<string, DomainEvent[]>();
  const calls: {
    aggregate: string;
    id: string;
    type: string;
    actor: string;
    commandId: string;
    now: string;
  }[] = [];
  const execute: FundingDemoExecute = async (aggregate, id, command, actor, { commandId, now }) => {
    calls.push({ aggregate, id, type: command.type, actor: actor.id, commandId, now });
    const { decider, stream } = AGGREGATES[aggregate];
    const history = streams.get(stream(id)) ?? [];
    const full = { ...command, metadata: { commandId, actor: { ...actor, roles: [...actor.roles] }, now } };
    const events = decider.decide(full, foldEvents(decider, history));
    streams.set(stream(id), [...history, ...events]);
    return { events };
  };
  return { streams, calls, execute };
};

describe('seedFundingDemo', () => {
  it('applies every step through the given command handling, with its actor, command id and instant', async () => {
    const { calls, execute, streams } = inMemory();
    const report = await seedFundingDemo(execute);
    const steps = fundingDemoSteps();
    expect(calls).toEqual(
      steps.map(({ aggregate, id, command: { type, metadata } }) => ({
        aggregate,
        id,
        type,
        actor: metadata.actor.id,
        commandId: metadata.commandId,
        now: metadata.now,
      })),
    );
    const stored = [...streams.values()].reduce((sum, events) => sum + events.length, 0);
    expect(report).toEqual({ commands: steps.length, events: stored, unchanged: 0 });
    expect(streams.size).toBe(5);
  });

  it('appends nothing when run again: refused at the publication of the closed call', async () => {
    const { execute, streams } = inMemory();
    await seedFundingDemo(execute);
    const before = structuredClone([...streams.entries()]);
    await expect(seedFundingDemo(execute)).rejects.toBeInstanceOf(InvalidTransition);
    expect([...streams.entries()]).toEqual(before);
  });
});
