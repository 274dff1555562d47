import { entityTag } from '@tadamon/nest-kit';
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
  if (ifNoneMatch === undefined) return false;
  const tag = entityTag(revision);
  const held = ifNoneMatch.split(',').some((t) => {
    const trimmed = t.trim();
    return trimmed === '*' || trimmed === tag || trimmed === `W/${tag}`;
  });
  if (!held) return false;
  reply.status(304);
  reply.header('etag', tag);
  return true;
};
