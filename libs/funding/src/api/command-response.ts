import { Revisioned, revisionedIfStored } from '@tadamon/nest-kit';
import { CommandOutcome, publicOutcome } from '../application/funding-commands';

/** A command's answer: its outcome as the body, the stream's new revision as the ETag. */
export const commandResponse = <T extends CommandOutcome>(
  outcome: T,
  extra: Record<string, unknown> = {},
): object | Revisioned<object> => {
  return revisionedIfStored({ ...extra, ...publicOutcome(outcome) }, outcome.revision);
};
