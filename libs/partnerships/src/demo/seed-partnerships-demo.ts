import { PartnershipsDemoAggregate, partnershipsDemoSteps } from './partnerships-demo-data';

/**
 * Runs one command of the demo as the application layer does for the API: `options.now` is the
 * demo's historical instant (never the clock), `options.commandId` its stable command id.
 */
export type PartnershipsDemoExecute = (
  aggregate: PartnershipsDemoAggregate,
  id: string,
  command: { type: string; data: unknown },
  actor: { id: string; roles: readonly string[] },
  options: { commandId: string; now: string },
) => Promise<{ events: readonly unknown[] }>;

export interface PartnershipsSeedReport {
  commands: number;
  events: number;
  /** Commands that appended nothing: all of them when the demo was already seeded. */
  unchanged: number;
}

/**
 * Applies the Partnerships demo step by step through the caller's command handling, into a log
 * that holds the Registry's and Funding's demo (the parties and programmes' envelopes are theirs).
 */
export async function seedPartnershipsDemo(
  execute: PartnershipsDemoExecute,
): Promise<PartnershipsSeedReport> {
  const report: PartnershipsSeedReport = { commands: 0, events: 0, unchanged: 0 };
  for (const step of partnershipsDemoSteps()) {
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
