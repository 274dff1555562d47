import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a partner's webhook may not reach: this machine, the private networks, link-local
 * (cloud metadata services), carrier-grade NAT, multicast and reserved ranges. Otherwise anyone
 * with an endpoint could make the platform POST into the ministry's own network (SSRF).
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6');

export const isPrivateAddress = (address: string): boolean => {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family !== 6) return false;
  // An IPv4 address mapped into IPv6 (::ffff:10.0.0.1) is the IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? PRIVATE.check(mapped[1], 'ipv4') : PRIVATE.check(address, 'ipv6');
};

export class PrivateWebhookTarget extends Error {
  readonly code = 'WEBHOOK_PRIVATE_TARGET';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`the endpoint ${host} is a private or local address (${address}): refused`);
    this.name = 'PrivateWebhookTarget';
  }
}

/** The URL's host when it is an IP address, checked before connecting (no lookup happens then). */
export const privateLiteralOf = (url: string): string | undefined => {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return isIP(host) !== 0 && isPrivateAddress(host) ? host : undefined;
};

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A DNS lookup for the webhook agent's connections that refuses names resolving to a private
 * address: checked at connect time, on the address actually dialled, so a name that changes its
 * answer after registration (DNS rebinding) is refused too.
 */
export const guardedLookup = (
  hostname: string,
  options: { all?: boolean; family?: number },
  callback: LookupCallback,
): void => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused)
      return callback(new PrivateWebhookTarget(hostname, refused.address) as NodeJS.ErrnoException, []);
    if (options.all) return callback(null, addresses);
    return callback(null, addresses[0].address, addresses[0].family);
  });
};
