import { revisioned, Revisioned } from '@tadamon/nest-kit';

/** A command's answer: its outcome as the body, the stream's new revision as the ETag. */
export const commandResponse = <T extends object>(body: T, revision: number): T | Revisioned<T> =>
  revision >= 0 ? revisioned(body, revision) : body;
