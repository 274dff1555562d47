import { KeyObject } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseSealPublicKey } from '@tadamon/event-store';
import { sealKeyId } from '@tadamon/eventsourcing';
import { EventStoreLocation } from '../store/event-store-location';

/**
 * The auditor's own record of the seal key it trusts for each log, as SSH's known_hosts: one JSON
 * line per log `{ store, keyId, publicKey, pinnedAt }`. Kept with the auditor (never in the audited
 * folder): the first verification of a log pins the key it found there, loudly; afterwards a
 * different key is an error.
 */
export interface PinnedSealKey {
  store: string;
  keyId: string;
  /** The SPKI DER of the public key, base64. */
  publicKey: string;
  pinnedAt: string;
}

/** TADAMON_AUDITOR_KNOWN_KEYS, else $XDG_CONFIG_HOME (or ~/.config)/tadamon-audit/known-seal-keys. */
export function defaultKnownKeysFile(env: NodeJS.ProcessEnv): string {
  const given = env.TADAMON_AUDITOR_KNOWN_KEYS?.trim();
  if (given) return resolve(given);
  const config = env.XDG_CONFIG_HOME?.trim()
    ? env.XDG_CONFIG_HOME
    : join(env.HOME?.trim() || homedir(), '.config');
  return resolve(config, 'tadamon-audit', 'known-seal-keys');
}

/** What names a log in the pins: the SQLite file's real path, a server's URL without credentials. */
export function storeIdentity(location: EventStoreLocation): string {
  if (location.kind === 'sqlite') {
    const file = resolve(location.file);
    return `sqlite:${existsSync(file) ? realpathSync(file) : file}`;
  }
  let url = location.url;
  try {
    const parsed = new URL(location.url);
    parsed.username = '';
    parsed.password = '';
    url = parsed.toString();
  } catch {
    // Not a URL the WHATWG parser takes: as given.
  }
  return location.kind === 'postgres' ? `postgres:${url}#${location.schema}` : `kurrentdb:${url}`;
}

/** True when `file` lies inside `folder` (or is it). */
export function isInside(file: string, folder: string): boolean {
  const path = relative(resolve(folder), resolve(file));
  return path === '' || (!path.startsWith(`..${sep}`) && path !== '..' && !path.startsWith(sep));
}

export function readPins(file: string): PinnedSealKey[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, index) => {
      if (line.trim() === '' || line.trim().startsWith('#')) return [];
      let pin: PinnedSealKey;
      try {
        pin = JSON.parse(line) as PinnedSealKey;
      } catch {
        throw new Error(`${file}, line ${index + 1}: not a pinned key (JSON)`);
      }
      if (typeof pin?.store !== 'string' || typeof pin.publicKey !== 'string')
        throw new Error(`${file}, line ${index + 1}: not a pinned key (store, publicKey)`);
      return [pin];
    });
}

export function pinnedKeyObject(pin: PinnedSealKey, file: string): KeyObject {
  return parseSealPublicKey(pin.publicKey, `the key pinned in ${file} for ${pin.store}`);
}

export function appendPin(file: string, store: string, key: KeyObject, now = new Date()): PinnedSealKey {
  const pin: PinnedSealKey = {
    store,
    keyId: sealKeyId(key),
    publicKey: key.export({ format: 'der', type: 'spki' }).toString('base64'),
    pinnedAt: now.toISOString(),
  };
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  appendFileSync(file, `${JSON.stringify(pin)}\n`, { mode: 0o600 });
  return pin;
}

export function sameKey(a: KeyObject, b: KeyObject): boolean {
  return a.export({ format: 'der', type: 'spki' }).equals(b.export({ format: 'der', type: 'spki' }));
}
