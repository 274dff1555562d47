import { FundingDemoAggregate, fundingDemoSteps } from './funding-demo-data';

/**
 * Runs one command of the demo, as the application layer's command handling does for the API:
 * `command` is the domain command without its metadata, `options.now` the demo's historical
 * instant (never the clock), `options.commandId` the demo's stable command id. Resolves with the
 * events the command appended (none when it changed nothing).
 */
export type FundingDemoExecute = (
  aggregate: FundingDemoAggregate,
  id: string,
  command: { type: string; data: unknown },
  actor: { id: string; roles: readonly string[] },
  options: { commandId: string; now: string },
) => Promise<{ events: readonly unknown[] }>;

export interface FundingSeedReport {
  commands: number;
  events: number;
  /** Commands that appended nothing: all of them when the demo was already seeded. */
  unchanged: number;
}

/**
 * Applies the Funding demo, step by step and in order, through the caller's command handling (the
 * application layer passes its own; the seeder does not depend on it). Seed it into an empty log,
 * after the Registry demo (the applicants and funders are the Registry demo's), as the platform
 * seeds the Registry's. A second run appends nothing: it stops at the call's publication, which
 * the domain refuses once the call is closed (InvalidTransition); every step before it is [].
 */
export async function seedFundingDemo(execute: FundingDemoExecute): Promise<FundingSeedReport> {
  const report: FundingSeedReport = { commands: 0, events: 0, unchanged: 0 };
  for (const step of fundingDemoSteps()) {
    const { type, data, metadata } = step.command;
    const { events } = await execute(step.aggregate, step.id, { type, data }, metadata.actor, {
      commandId: metadata.commandId,
      now: metadata.now,
    });
    report.commands += 1;
    report.events += events.length;
    if (events.length === 0) report.unchanged += 1;
  }
  return report;
}
