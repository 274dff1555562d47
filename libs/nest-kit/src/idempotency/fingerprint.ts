import { createHash } from 'node:crypto';
import { canonicalJson } from '@tadamon/eventsourcing';

export interface RequestIdentity {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The actor's id, or '' for the anonymous public. */
  actorId: string;
  body: unknown;
}

/**
 * What must be equal for a retry to be "the same request": method, path, actor and the body in
 * canonical JSON (member order and spacing do not matter).
 */
export function requestFingerprint(request: RequestIdentity): string {
  const hash = createHash('sha256');
  let body: string;
  try {
    body = request.body === undefined ? '' : canonicalJson(request.body);
  } catch {
    // Not plain JSON (cannot come from a JSON body parser): fall back to a stable rendering.
    body = JSON.stringify(request.body) ?? '';
  }
  for (const part of [request.method.toUpperCase(), request.path, request.actorId, body]) {
    hash
      .update(String(Buffer.byteLength(part)))
      .update(':')
      .update(part);
  }
  return hash.digest('hex');
}
