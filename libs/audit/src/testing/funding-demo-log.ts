import { EventStore } from '@tadamon/event-store';
import { Command, handleCommand, RecordedEvent } from '@tadamon/eventsourcing';
import {
  budgetEnvelopeDecider,
  callForProposalsDecider,
  grantApplicationDecider,
  GrantApplicationState,
  BudgetEnvelopeState,
} from '@tadamon/funding';
import * as demo from '@tadamon/funding';

/** The funding demo's steps: a realistic log for the auditor's tests. */
export const fundingDemoSteps = (): demo.FundingDemoStep[] => demo.fundingDemoSteps();
export const FUNDING_DEMO_IDS = demo.FUNDING_DEMO_IDS;
export type FundingDemoStep = demo.FundingDemoStep;

/** A clock the store stamps recordedAt with, set by the test. */
export class TestClock {
  constructor(private current = new Date('2014-01-01T00:00:00.000Z')) {}
  now = (): Date => new Date(this.current);
  set(at: Date | string): void {
    this.current = new Date(at);
  }
}

const DECIDERS = {
  budgetEnvelope: budgetEnvelopeDecider,
  callForProposals: callForProposalsDecider,
  grantApplication: grantApplicationDecider,
} as const;

/** What a live query returned after a step: the stream's folded state, and the store's clock then. */
export interface LiveState {
  step: number;
  streamId: string;
  aggregate: FundingDemoStep['aggregate'];
  /** The store's clock when the state was read (30 s after the step's append). */
  at: string;
  state: GrantApplicationState | BudgetEnvelopeState | unknown;
  events: RecordedEvent[];
}

export interface DemoRun {
  live: LiveState[];
  /** The events each step appended, in order. */
  appended: RecordedEvent[];
}

/**
 * Applies demo steps through handleCommand (the platform's command handling, without the API),
 * the store's clock set to each command's own instant, then reads the state as a live query would,
 * 30 seconds later on the same clock. `stopBefore` stops at the first step it accepts.
 */
export async function runDemoSteps(
  store: EventStore,
  clock: TestClock,
  steps: FundingDemoStep[] = fundingDemoSteps(),
  stopBefore?: (step: FundingDemoStep, index: number) => boolean,
): Promise<DemoRun> {
  const live: LiveState[] = [];
  const appended: RecordedEvent[] = [];
  for (const [index, step] of steps.entries()) {
    if (stopBefore?.(step, index)) break;
    clock.set(step.command.metadata.now);
    const decider = DECIDERS[step.aggregate] as unknown as Parameters<typeof handleCommand>[1];
    const result = await handleCommand(store, decider, step.streamId, step.command as Command);
    appended.push(...result.events);
    clock.set(new Date(Date.parse(step.command.metadata.now) + 30_000));
    live.push({
      step: index,
      streamId: step.streamId,
      aggregate: step.aggregate,
      at: clock.now().toISOString(),
      state: result.newState,
      events: result.events,
    });
  }
  return { live, appended };
}

/**
 * The demo's events without a store, as the store would record them: revisions per stream,
 * global positions in order, recordedAt the command's own instant, ids derived from the command
 * (hashes left empty: the recomputation does not read them). For pure tests of the replay.
 */
export function demoLogInMemory(steps: FundingDemoStep[] = fundingDemoSteps()): Map<string, RecordedEvent[]> {
  const streams = new Map<string, RecordedEvent[]>();
  let position = 0;
  for (const step of steps) {
    const decider = DECIDERS[step.aggregate] as unknown as {
      decide(command: unknown, state: unknown): { type: string; data: unknown }[];
      evolve(state: unknown, event: unknown): unknown;
      initialState(): unknown;
    };
    const events = streams.get(step.streamId) ?? [];
    const state = events.reduce((s, e) => decider.evolve(s, e), decider.initialState());
    const { commandId, actor, now } = step.command.metadata;
    for (const [i, event] of decider.decide(step.command, state).entries()) {
      events.push({
        id: `${commandId}#${i}`,
        type: event.type,
        schemaVersion: 1,
        data: JSON.parse(JSON.stringify(event.data)),
        metadata: { correlationId: commandId, causationId: commandId, commandId, actor },
        streamId: step.streamId,
        revision: events.length,
        globalPosition: ++position,
        recordedAt: now,
        prevHash: '',
        hash: '',
      });
    }
    streams.set(step.streamId, events);
  }
  return streams;
}

/**
 * The demo with the Figuig cooperatives' relevance scores changed to 95, 45 and 45 (threshold 50):
 * the 2025-1 mean (61.67) passes, the 2026-1 median (45) fails: today's rules would not award it.
 */
export function demoStepsWithSplitScores(): FundingDemoStep[] {
  const steps = fundingDemoSteps();
  const figuig = FUNDING_DEMO_IDS.applications.cooperativesFiguig;
  let evaluator = 0;
  for (const step of steps) {
    if (step.command.type !== 'RecordEvaluatorScores' || step.id !== figuig) continue;
    const points = [95, 45, 45][evaluator++];
    const data = step.command.data as unknown as { scores: { criterionId: string; points: number }[] };
    data.scores = data.scores.map((s) => (s.criterionId === 'relevance' ? { ...s, points } : s));
  }
  return steps;
}

/** Dirhams per demo dollar: the demo's USD 250,000 award becomes the MAD 3,000,000. */
const MAD_PER_USD = 12;

/** Every USD amount of the steps as MAD (times 12): the demo in the ministry's currency. */
export function demoStepsInMad(steps: FundingDemoStep[] = fundingDemoSteps()): FundingDemoStep[] {
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (record.currency === 'USD' && typeof record.amountMinor === 'number') {
      record.currency = 'MAD';
      record.amountMinor *= MAD_PER_USD;
      return;
    }
    Object.values(record).forEach(walk);
  };
  for (const step of steps) walk(step.command.data);
  return steps;
}
