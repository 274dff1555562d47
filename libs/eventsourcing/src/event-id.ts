import { createHash } from 'node:crypto';

/** Tadamon's UUIDv5 namespace for event ids (a fixed random UUID; never change it). */
export const EVENT_ID_NAMESPACE = '6c1f3a52-8a2e-4d0b-9c57-2f0e5d3b7a91';

const namespaceBytes = new Map<string, Buffer>();

function bytesOf(namespace: string): Buffer {
  let ns = namespaceBytes.get(namespace);
  if (!ns) {
    ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
    if (ns.length !== 16) throw new Error(`namespace is not a UUID: ${namespace}`);
    // A handful of fixed namespaces in practice; the bound only guards against a caller's misuse.
    if (namespaceBytes.size < 64) namespaceBytes.set(namespace, ns);
  }
  return ns;
}

/** UUIDv5 (RFC 9562) of a name in a namespace. */
export function uuidV5(name: string, namespace: string): string {
  const ns = bytesOf(namespace);
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of the index-th event a command produces: the same command always yields the same ids. */
export function eventIdFor(commandId: string, index: number): string {
  return uuidV5(`${commandId}:${index}`, EVENT_ID_NAMESPACE);
}
