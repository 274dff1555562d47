import { entityTag, ifNoneMatchHolds } from '@tadamon/nest-kit';
import type { FastifyReply } from 'fastify';

/**
 * If-None-Match on a stream-backed read: true (and the reply set to 304 with the ETag) when the
 * client holds this revision already; the handler then answers no body.
 */
export const notModified = (
  reply: FastifyReply,
  ifNoneMatch: string | undefined,
  revision: number,
): boolean => {
  const tag = entityTag(revision);
  if (!ifNoneMatchHolds(ifNoneMatch, tag)) return false;
  reply.status(304);
  reply.header('etag', tag);
  return true;
};
