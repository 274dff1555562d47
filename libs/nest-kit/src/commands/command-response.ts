import { Revisioned, revisionedIfStored } from '../revisions/revisioned';
import { CommandOutcome, publicOutcome } from './context-commands';

/**
 * A command's answer: its outcome (without the recorded events' bodies) and `extra` (the id of a
 * created record) as the body, the stream's new revision as the ETag when something was stored.
 */
export const commandResponse = (
  outcome: CommandOutcome,
  extra: Record<string, unknown> = {},
): object | Revisioned<object> =>
  revisionedIfStored({ ...extra, ...publicOutcome(outcome) }, outcome.revision);
