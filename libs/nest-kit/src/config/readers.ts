/** Reads one environment variable: a value, or a reason why the raw text is not acceptable. */
export type ReadResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface Reader<T> {
  read(raw: string | undefined): ReadResult<T>;
  /** Unset (or empty) is accepted and read as undefined. */
  optional(): Reader<T | undefined>;
  /** Unset (or empty) is read as this value. */
  default(value: T): Reader<T>;
}

const ok = <T>(value: T): ReadResult<T> => ({ ok: true, value });
const fail = <T>(reason: string): ReadResult<T> => ({ ok: false, reason });

function reader<T>(parse: (raw: string) => ReadResult<T>): Reader<T> {
  const required: Reader<T> = {
    read: (raw) => (raw === undefined || raw === '' ? fail('is required but not set') : parse(raw)),
    optional: () => withFallback(parse, undefined),
    default: (value) => withFallback(parse, value),
  };
  return required;
}

function withFallback<T, F>(parse: (raw: string) => ReadResult<T>, fallback: F): Reader<T | F> {
  const self: Reader<T | F> = {
    read: (raw) => (raw === undefined || raw === '' ? ok(fallback) : parse(raw)),
    optional: () => withFallback(parse, undefined) as Reader<T | F | undefined>,
    default: (value) => withFallback(parse, value as T | F),
  };
  return self;
}

// Values are not echoed in reasons: a URL or a string may carry a password.
export function string(options: { minLength?: number; maxLength?: number } = {}): Reader<string> {
  return reader((raw) => {
    if (options.minLength !== undefined && raw.length < options.minLength)
      return fail(`must be at least ${options.minLength} characters long`);
    if (options.maxLength !== undefined && raw.length > options.maxLength)
      return fail(`must be at most ${options.maxLength} characters long`);
    return ok(raw);
  });
}

export function int(options: { min?: number; max?: number } = {}): Reader<number> {
  return reader((raw) => {
    if (!/^-?\d+$/.test(raw.trim())) return fail(`must be an integer, got "${raw}"`);
    const value = Number(raw);
    if (!Number.isSafeInteger(value)) return fail(`must be an integer, got "${raw}"`);
    if (options.min !== undefined && value < options.min)
      return fail(`must be >= ${options.min}, got ${value}`);
    if (options.max !== undefined && value > options.max)
      return fail(`must be <= ${options.max}, got ${value}`);
    return ok(value);
  });
}

export function url(options: { protocols?: string[] } = {}): Reader<URL> {
  return reader((raw) => {
    let value: URL;
    try {
      value = new URL(raw);
    } catch {
      return fail('must be an absolute URL');
    }
    const protocol = value.protocol.replace(/:$/, '');
    if (options.protocols && !options.protocols.includes(protocol))
      return fail(`must use ${options.protocols.join(' or ')}, got ${protocol}`);
    return ok(value);
  });
}

export function oneOf<const T extends string>(values: readonly T[]): Reader<T> {
  return reader((raw) =>
    (values as readonly string[]).includes(raw)
      ? ok(raw as T)
      : fail(`must be one of ${values.join(', ')}, got "${raw}"`),
  );
}

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

export function boolean(): Reader<boolean> {
  return reader((raw) => {
    const text = raw.trim().toLowerCase();
    if (TRUE.includes(text)) return ok(true);
    if (FALSE.includes(text)) return ok(false);
    return fail(`must be true or false, got "${raw}"`);
  });
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration such as `250ms`, `30s`, `5m`, `12h`, `7d` (or a bare number of milliseconds), read in ms. */
export function duration(options: { min?: number; max?: number } = {}): Reader<number> {
  return reader((raw) => {
    const match = /^(\d+)(ms|s|m|h|d)?$/.exec(raw.trim());
    if (!match) return fail(`must be a duration such as 500ms, 30s, 5m, 1h or 7d, got "${raw}"`);
    const value = Number(match[1]) * UNIT_MS[match[2] ?? 'ms'];
    if (options.min !== undefined && value < options.min) return fail(`must be at least ${options.min} ms`);
    if (options.max !== undefined && value > options.max) return fail(`must be at most ${options.max} ms`);
    return ok(value);
  });
}
