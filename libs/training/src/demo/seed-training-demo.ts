import { TrainingDemoAggregate, trainingDemoSteps } from './training-demo-data';

/**
 * Runs one command of the demo as the application layer does for the API: `options.now` is the
 * demo's historical instant (never the clock), `options.commandId` its stable command id.
 */
export type TrainingDemoExecute = (
  aggregate: TrainingDemoAggregate,
  id: string,
  command: { type: string; data: unknown },
  actor: { id: string; roles: readonly string[] },
  options: { commandId: string; now: string },
) => Promise<{ events: readonly unknown[] }>;

export interface TrainingSeedReport {
  commands: number;
  events: number;
  /** Commands that appended nothing: all of them when the demo was already seeded. */
  unchanged: number;
}

/** Applies the Training demo step by step through the caller's command handling. */
export async function seedTrainingDemo(execute: TrainingDemoExecute): Promise<TrainingSeedReport> {
  const report: TrainingSeedReport = { commands: 0, events: 0, unchanged: 0 };
  for (const step of trainingDemoSteps()) {
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
