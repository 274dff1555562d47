import { KeyObject } from 'node:crypto';
import { loadSealPrivateKey } from '@tadamon/event-store';
import { env, ReadResult, refined } from '@tadamon/nest-kit';

/** Signed checkpoints of the log (docs/audit.md); undefined when no key is given: the log is not sealed. */
export type LogSealsConfig = { privateKey: KeyObject; intervalMs: number } | undefined;

// The reason never quotes the value: it is a private key.
const sealPrivateKey = refined(env.string({ maxLength: 10_000 }), (value): ReadResult<KeyObject> => {
  try {
    return { ok: true, value: loadSealPrivateKey(value) };
  } catch (error) {
    return {
      ok: false,
      reason: `must be an Ed25519 private key in PEM (openssl genpkey -algorithm ed25519): ${
        (error as Error).message
      }`,
    };
  }
});

export const logSealVariables = () => ({
  TADAMON_SEAL_PRIVATE_KEY: sealPrivateKey.optional(),
  TADAMON_SEAL_INTERVAL_MS: env.int({ min: 10, max: 3_600_000 }).default(1000),
});

export const logSealsSection = (values: {
  TADAMON_SEAL_PRIVATE_KEY: KeyObject | undefined;
  TADAMON_SEAL_INTERVAL_MS: number;
}): LogSealsConfig =>
  values.TADAMON_SEAL_PRIVATE_KEY
    ? { privateKey: values.TADAMON_SEAL_PRIVATE_KEY, intervalMs: values.TADAMON_SEAL_INTERVAL_MS }
    : undefined;
