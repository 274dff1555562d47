import { KeyObject } from 'node:crypto';
import * as env from './readers';
import { ReadResult } from './readers';
import { refined } from './service-readers';

/** Signed checkpoints of the log (docs/audit.md); undefined when no key is given: the log is not sealed. */
export type LogSealSettings = { privateKey: KeyObject; intervalMs: number; witnessFile?: string } | undefined;

/**
 * TADAMON_SEAL_PRIVATE_KEY (optional) and TADAMON_SEAL_INTERVAL_MS (default 1000). `loadKey` is the
 * event store's loader (loadSealPrivateKey), passed in because the kit does not depend on the store.
 */
export const logSealVariables = (loadKey: (value: string) => KeyObject) => ({
  // The reason never quotes the value: it is a private key.
  TADAMON_SEAL_PRIVATE_KEY: refined(env.string({ maxLength: 10_000 }), (value): ReadResult<KeyObject> => {
    try {
      return { ok: true, value: loadKey(value) };
    } catch (error) {
      return {
        ok: false,
        reason: `must be an Ed25519 private key in PEM (openssl genpkey -algorithm ed25519): ${
          (error as Error).message
        }`,
      };
    }
  }).optional(),
  TADAMON_SEAL_INTERVAL_MS: env.int({ min: 10, max: 3_600_000 }).default(1000),
  // Each day's latest seal, one JSON line a day, for the operator to archive or mail (docs/audit.md).
  TADAMON_SEAL_WITNESS_FILE: env.string({ minLength: 1, maxLength: 4096 }).optional(),
});

export const logSealsSection = (values: {
  TADAMON_SEAL_PRIVATE_KEY: KeyObject | undefined;
  TADAMON_SEAL_INTERVAL_MS: number;
  TADAMON_SEAL_WITNESS_FILE?: string;
}): LogSealSettings =>
  values.TADAMON_SEAL_PRIVATE_KEY
    ? {
        privateKey: values.TADAMON_SEAL_PRIVATE_KEY,
        intervalMs: values.TADAMON_SEAL_INTERVAL_MS,
        ...(values.TADAMON_SEAL_WITNESS_FILE && { witnessFile: values.TADAMON_SEAL_WITNESS_FILE }),
      }
    : undefined;
