import type { FastifyInstance, FastifyReply } from 'fastify';
import { entityTag } from './entity-tag';

/** A read of a stream-backed resource: the body plus the stream revision it reflects. */
export class Revisioned<T> {
  constructor(
    readonly body: T,
    readonly revision: number,
  ) {}
}

/** Return `revisioned(body, revision)` from a handler to answer with `ETag: "<revision>"`. */
export const revisioned = <T>(body: T, revision: number): Revisioned<T> => new Revisioned(body, revision);

/**
 * The answer's body: a Revisioned result sets `ETag: "<revision>"` on the reply and gives its body;
 * anything else is the body as it is.
 */
export function settleRevisioned(reply: FastifyReply, result: unknown): unknown {
  if (!(result instanceof Revisioned)) return result;
  reply.header('etag', entityTag(result.revision));
  return result.body;
}

/**
 * Answers every Revisioned result with its ETag. A Fastify hook rather than a Nest interceptor:
 * each interceptor costs an rxjs pipeline and an AsyncResource per request.
 */
export function installRevisionedReplies(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', (_request, reply, payload, done) => {
    done(null, settleRevisioned(reply, payload));
  });
}

/** A command's answer: the body, with the stream's new revision as the ETag once the stream exists. */
export const revisionedIfStored = <T>(body: T, revision: number): T | Revisioned<T> =>
  revision >= 0 ? revisioned(body, revision) : body;
