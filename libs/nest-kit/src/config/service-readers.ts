import { Reader, ReadResult, string, url } from './readers';

/** A reader refined by a check on the value the base reader gives. */
export function refined<T, U>(base: Reader<T>, check: (value: T) => ReadResult<U>): Reader<U> {
  const make = (fallback?: { value: unknown }): Reader<U> => ({
    read: (raw) => {
      if (fallback && (raw === undefined || raw === '')) return { ok: true, value: fallback.value as U };
      const read = base.read(raw);
      return read.ok ? check(read.value) : read;
    },
    optional: () => make({ value: undefined }) as Reader<U | undefined>,
    default: (value) => make({ value }),
  });
  return make();
}

/** A driver's connection string: checked for its scheme only (several hosts are not a URL). */
export const connectionString = (schemes: string[]): Reader<string> =>
  refined(string({ maxLength: 4000 }), (value): ReadResult<string> => {
    const scheme = /^([a-z0-9+]+):\/\/\S+$/.exec(value)?.[1];
    if (scheme === undefined) return { ok: false, reason: `must be a ${schemes[0]}:// connection string` };
    return schemes.includes(scheme)
      ? { ok: true, value }
      : { ok: false, reason: `must use ${schemes.join(' or ')}, got ${scheme}` };
  });

// Values are never echoed: a key may be a secret.
export const base64Key = (bytes: number): Reader<string> =>
  refined(string(), (value): ReadResult<string> =>
    /^[A-Za-z0-9+/]+=*$/.test(value) && Buffer.from(value, 'base64').length === bytes
      ? { ok: true, value }
      : { ok: false, reason: `must be ${bytes} bytes in base64 (openssl rand -base64 ${bytes})` },
  );

/** Kafka bootstrap servers: `host:port` entries separated by commas. */
export const kafkaBrokers = (): Reader<string[]> =>
  refined(string({ maxLength: 4000 }), (value): ReadResult<string[]> => {
    const list = value
      .split(',')
      .map((broker) => broker.trim())
      .filter((broker) => broker !== '');
    const bad = list.find((broker) => !/^[A-Za-z0-9._-]+:\d{1,5}$/.test(broker));
    if (list.length === 0)
      return { ok: false, reason: 'must list at least one broker (host:port, comma separated)' };
    if (bad) return { ok: false, reason: `must be host:port entries separated by commas, got "${bad}"` };
    return { ok: true, value: list };
  });

/** JWKS over https; plain http only for a key server on this machine. */
export const jwksUrl = (): Reader<URL> =>
  refined(url({ protocols: ['https', 'http'] }), (value): ReadResult<URL> =>
    value.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(value.hostname)
      ? { ok: true, value }
      : { ok: false, reason: 'must use https (http is accepted for localhost only)' },
  );

/** A database name: letters, digits, `_` and `-` (echoed when refused: it is no secret). */
export const databaseName = (maxLength = 63): Reader<string> =>
  refined(string({ maxLength }), (value): ReadResult<string> =>
    /^[A-Za-z0-9_-]+$/.test(value)
      ? { ok: true, value }
      : { ok: false, reason: `must be letters, digits, _ and -, got "${value}"` },
  );

/** A Kafka topic or consumer group name: letters, digits, `.`, `_` and `-`. */
export const kafkaName = (): Reader<string> =>
  refined(string({ maxLength: 249 }), (value): ReadResult<string> =>
    /^[A-Za-z0-9._-]+$/.test(value)
      ? { ok: true, value }
      : { ok: false, reason: `must be letters, digits, ., _ and -, got "${value}"` },
  );
