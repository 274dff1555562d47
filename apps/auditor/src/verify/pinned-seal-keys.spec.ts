import { KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSealKeyPair, SEAL_PUBLIC_KEY_FILE } from '@tadamon/event-store';
import { sealKeyId } from '@tadamon/eventsourcing';
import { parseArguments } from '../cli/command-line';
import { appendPin, defaultKnownKeysFile, isInside, readPins, storeIdentity } from './pinned-seal-keys';
import { findSealPublicKey, VERIFY_OPTIONS } from './verify-command';

const idOf = (key: KeyObject | undefined) => (key ? sealKeyId(key) : undefined);
const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-pins-'));
  folders.push(dir);
  return dir;
};

describe('pinned seal keys', () => {
  const pinned = generateSealKeyPair();
  const dropped = generateSealKeyPair();

  it('keeps the file with the auditor: TADAMON_AUDITOR_KNOWN_KEYS, else XDG_CONFIG_HOME, else ~/.config', () => {
    expect(defaultKnownKeysFile({ TADAMON_AUDITOR_KNOWN_KEYS: '/srv/a/pins' })).toBe('/srv/a/pins');
    expect(defaultKnownKeysFile({ XDG_CONFIG_HOME: '/home/x/.cfg' })).toBe(
      '/home/x/.cfg/tadamon-audit/known-seal-keys',
    );
    expect(defaultKnownKeysFile({ HOME: '/home/y' })).toBe('/home/y/.config/tadamon-audit/known-seal-keys');
    expect(isInside('/data/pins', '/data')).toBe(true);
    expect(isInside('/data-other/pins', '/data')).toBe(false);
    expect(storeIdentity({ kind: 'postgres', url: 'postgres://u:secret@db:5432/t', schema: 's' })).toBe(
      'postgres:postgres://db:5432/t#s',
    );
  });

  it('gives export the pinned key over the one in the audited folder, and a given key over both', () => {
    const dataDir = folder();
    const file = join(dataDir, 'events.db');
    writeFileSync(file, '');
    writeFileSync(join(dataDir, SEAL_PUBLIC_KEY_FILE), dropped.publicKeyPem);
    const knownKeys = join(folder(), 'known-seal-keys');
    const env = { DATA_DIR: dataDir, TADAMON_AUDITOR_KNOWN_KEYS: knownKeys };
    const args = (...more: string[]) => parseArguments(['--sqlite-file', file, ...more], VERIFY_OPTIONS);

    // No pin yet: the folder's key (export never pins).
    expect(idOf(findSealPublicKey(args(), env))).toBe(dropped.keyId);
    expect(readPins(knownKeys)).toEqual([]);

    appendPin(knownKeys, storeIdentity({ kind: 'sqlite', file }), pinned.publicKey);
    expect(idOf(findSealPublicKey(args(), env))).toBe(pinned.keyId);
    expect(idOf(findSealPublicKey(args('--public-key', dropped.publicKeyPem), env))).toBe(dropped.keyId);
  });
});
