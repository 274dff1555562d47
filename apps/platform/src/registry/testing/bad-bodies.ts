import fc from 'fast-check';
import { isEmail } from 'class-validator';
import {
  CURRENCY_CODES,
  findGeoUnit,
  GEO_SCHEMES,
  isCountryCode,
  isGeoScheme,
  isSectorCode,
  SCHEME_1997,
  SCHEME_2015,
} from '@tadamon/reference-data';
import {
  ACTOR_KINDS,
  checkDate,
  checkWebsite,
  CONSENT_PURPOSES,
  CONTACT_ROLES,
  FieldIssues,
  LEGAL_BASES,
  MAX_LIST,
  MAX_LONG_TEXT,
  MAX_TEXT,
  NEED_PRIORITIES,
  NETWORK_KINDS,
} from '@tadamon/registry';

/**
 * Arbitraries of request bodies that a command endpoint must refuse with a 400: each one is a valid
 * body with one fault put in (a member missing, of the wrong type, out of its bounds, unknown, or a
 * value the reference data refuses), a JSON value that is not an object, or text that is not JSON.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Common {
  optional?: boolean;
  nullable?: boolean;
  /** Values of the right JSON type that the API still refuses (domain rules, reference data). */
  invalid?: readonly Json[];
}
export interface StringShape extends Common {
  type: 'string';
  max: number;
  min: number;
  oneOf?: readonly string[];
}
export interface IntegerShape extends Common {
  type: 'integer';
  min: number;
  max: number;
}
export interface ObjectShape extends Common {
  type: 'object';
  members: Readonly<Record<string, Shape>>;
}
export interface ArrayShape extends Common {
  type: 'array';
  items: Shape;
  max: number;
  min: number;
}
/** What the fuzzer knows of a member: its JSON type, bounds, and the values refused beyond them. */
export type Shape = StringShape | IntegerShape | ObjectShape | ArrayShape;

// ---- shapes ----

export const text = (max: number, min = 0, invalid: readonly Json[] = []): StringShape => ({
  type: 'string',
  max,
  min,
  invalid,
});
export const oneOf = (values: readonly string[]): StringShape => ({
  type: 'string',
  max: Math.max(...values.map((v) => v.length)),
  min: 1,
  oneOf: values,
});
export const integer = (min: number, max: number): IntegerShape => ({ type: 'integer', min, max });
export const object = (members: Record<string, Shape>, invalid: readonly Json[] = []): ObjectShape => ({
  type: 'object',
  members,
  invalid,
});
export const list = (items: Shape, max: number, min = 0): ArrayShape => ({ type: 'array', items, max, min });
export const optional = <S extends Shape>(shape: S): S => ({ ...shape, optional: true });
export const nullable = <S extends Shape>(shape: S): S => ({ ...shape, optional: true, nullable: true });

/** The candidates that `accepted` refuses: what the fuzzer calls invalid is checked, never guessed. */
const refused = <T extends Json>(candidates: readonly T[], accepted: (value: T) => boolean): T[] => {
  const bad = candidates.filter((c) => !accepted(c));
  if (bad.length === 0) throw new Error(`no refused value among ${JSON.stringify(candidates)}`);
  return bad;
};

/** Blank texts: the DTO's length bound lets them through, the domain trims and refuses them. */
export const BLANKS = [' ', '   ', '\t', ' \n '];

/** Ids that cannot name a stream: the domain takes letters, digits and . _ : @ -, not first. */
export const BAD_IDS = [
  '-starts-with-dash',
  '.dot',
  'has space',
  'slash/inside',
  'accentué',
  'emoji-😀',
  'quote"',
  'new\nline',
  '#hash',
  'semi;colon',
];

export const countries = (exceptHome: boolean): string[] =>
  refused(['ZZ', 'XX', 'fr', 'Fr', 'AA', 'QQ', '00', 'MA'], (c) =>
    exceptHome ? isCountryCode(c) && c !== 'MA' : isCountryCode(c),
  );

export const SECTORS_REFUSED = refused(['00000', '99999', 'ABCDE', '1403a', '14O30', '-1403', '11111'], (s) =>
  isSectorCode(s),
);

type Level = 'region' | 'province';
const GEO_CANDIDATES: { scheme: string; code: string }[] = [
  { scheme: SCHEME_2015, code: 'MA-99' },
  { scheme: SCHEME_2015, code: 'MA-13' },
  { scheme: SCHEME_2015, code: 'MA-09' },
  { scheme: SCHEME_2015, code: 'MA-TIZ' },
  { scheme: SCHEME_2015, code: 'ma-09' },
  { scheme: SCHEME_2015, code: 'MA-9' },
  { scheme: SCHEME_2015, code: 'XX-01' },
  { scheme: SCHEME_2015, code: 'FR-75' },
  { scheme: SCHEME_2015, code: 'MA-ZZZ' },
  { scheme: SCHEME_1997, code: 'MA-09' },
  { scheme: SCHEME_1997, code: 'MA-17' },
  { scheme: SCHEME_1997, code: 'MA-TIZ' },
  { scheme: SCHEME_1997, code: 'MA-00' },
];

/** Geo codes refused where `levels` are expected (and only the 2015 scheme, when `currentOnly`). */
export const geoCodesRefused = (levels: Level[], currentOnly = false): Json[] =>
  refused(GEO_CANDIDATES, ({ scheme, code }) => {
    if (!isGeoScheme(scheme)) return false;
    const unit = findGeoUnit(scheme, code);
    return unit !== undefined && levels.includes(unit.level) && (!currentOnly || scheme === SCHEME_2015);
  });

export const EMAILS_REFUSED = refused(
  ['not-an-email', 'a@', '@example.org', 'a b@example.org', 'a@@example.org', 'a@example', 'a@.org'],
  (e) => isEmail(e),
);
/** The DTO's pattern for phone numbers. */
const PHONE = /^\+?[0-9 ().-]{4,40}$/;
export const PHONES_REFUSED = refused(['call me', '12', '++33 4 91', '+33 4 91 00 x', '0612#345'], (p) =>
  PHONE.test(p),
);

// ---- mutations ----

/** Bidirectional embeddings, overrides and isolates: no text of the API may hold them. */
const BIDI_CONTROLS = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];

/**
 * Bytes that are not UTF-8 (a lone surrogate spelled in UTF-8, a truncated emoji, overlong forms,
 * bytes no UTF-8 has), written into a string as a marker that `wireBytes` turns into the bytes.
 */
const BYTES = '@@bytes:';
const notUtf8 = fc
  .constantFrom('eda080', 'edbfbf', 'f09f98', 'c0af', 'e080af', 'f4908080', 'ff', 'fe', '80', 'c3', 'e2')
  .map((hex) => `${BYTES}${hex}@@`);

/** One character or byte sequence no text may hold, whatever its field. */
const NOT_PLAIN = fc.oneof(
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
  fc.constantFrom(
    '\u0000',
    '\u0001',
    '\u0008',
    '\u000B',
    '\u000C',
    '\u001B',
    '\u001F',
    '\u007F',
    '\u0085',
    '\u009F',
  ),
  fc.constantFrom(...BIDI_CONTROLS),
  notUtf8,
);

/** Short texts: ASCII, any Unicode (Arabic, Tifinagh, emoji...), and characters JSON escapes. */
const JSON_TEXT = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', maxLength: 16 }),
  fc.string({ unit: 'grapheme', maxLength: 16 }),
  fc.string({
    unit: fc.constantFrom('é', 'ب', 'ⴰ', '"', '\\', '{', '\u0000', '\n', '\uD800', '\uDC00', '\u202E'),
    maxLength: 8,
  }),
);
const scalar = fc.oneof(
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  JSON_TEXT,
  fc.constant(null),
);
const anyJson: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
const someObject = fc.dictionary(JSON_TEXT, anyJson, { maxKeys: 3 }) as fc.Arbitrary<Json>;
const someArray = fc.array(anyJson, { maxLength: 3 });

/** JSON values whose type is not the shape's (null only where the member is not nullable). */
const wrongType = (shape: Shape): fc.Arbitrary<Json> => {
  const options: fc.Arbitrary<Json>[] = [];
  if (!shape.nullable) options.push(fc.constant(null));
  if (shape.type !== 'string') options.push(JSON_TEXT);
  if (shape.type === 'integer') {
    options.push(fc.integer({ min: shape.min, max: Math.min(shape.max, 1e9) }).map(String));
    options.push(
      fc
        .tuple(fc.integer({ min: shape.min, max: shape.min + 1e6 }), fc.constantFrom(0.5, 0.25, 0.1, 0.999))
        .map(([whole, fraction]) => whole + fraction),
    );
  } else options.push(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  options.push(fc.boolean());
  if (shape.type !== 'array') options.push(someArray);
  if (shape.type !== 'object') options.push(someObject);
  return fc.oneof(...options);
};

const textOfLength = (min: number, max: number) =>
  fc.string({
    unit: fc.constantFrom('a', 'é', 'ب', 'ⵣ', 'Z', '1', ' ', '-'),
    minLength: min,
    maxLength: max,
  });

/**
 * A text within the shape's length that holds one character or byte sequence no text may hold: a
 * lone surrogate, a control, a bidirectional control, or bytes that are not UTF-8.
 */
const notPlainText = (max: number): fc.Arbitrary<string> =>
  fc
    .tuple(textOfLength(0, 3), NOT_PLAIN, textOfLength(0, 3))
    .map(([before, bad, after]) =>
      before.length + after.length + (bad.startsWith(BYTES) ? 1 : bad.length) <= max
        ? `${before}${bad}${after}`
        : bad,
    );

/** Values of the shape's type that its bounds or the domain refuse. */
const outOfBounds = (shape: Shape, value: Json | undefined): fc.Arbitrary<Json>[] => {
  const options: fc.Arbitrary<Json>[] = [];
  if (shape.invalid && shape.invalid.length > 0) options.push(fc.constantFrom(...shape.invalid));
  switch (shape.type) {
    case 'string':
      options.push(notPlainText(shape.max));
      if (shape.oneOf) {
        const allowed = shape.oneOf;
        options.push(JSON_TEXT.filter((s) => !allowed.includes(s)));
        const variants = allowed
          .flatMap((s) => [s === s.toUpperCase() ? s.toLowerCase() : s.toUpperCase(), ` ${s}`, `${s}s`])
          .filter((s) => !allowed.includes(s));
        options.push(fc.constantFrom(...variants));
      } else {
        options.push(textOfLength(shape.max + 1, shape.max + 40));
        if (shape.min > 0) options.push(textOfLength(0, shape.min - 1));
      }
      break;
    case 'integer':
      options.push(
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: shape.min - 1 }),
        fc.constantFrom(shape.max + 1, 2 ** 53, 1e21, 1e300, -1e300),
      );
      if (shape.max < Number.MAX_SAFE_INTEGER)
        options.push(fc.integer({ min: shape.max + 1, max: Number.MAX_SAFE_INTEGER }));
      break;
    case 'array': {
      const items = Array.isArray(value) && value.length > 0 ? value : undefined;
      if (items)
        options.push(
          fc
            .integer({ min: shape.max + 1, max: shape.max + 8 })
            .map((n) => Array.from({ length: n }, (_, i) => items[i % items.length])),
        );
      if (shape.min > 0) options.push(fc.constant([]));
      break;
    }
    case 'object':
      break;
  }
  return options;
};

/** Names no DTO declares, among them the ones a plain-object lookup would find on Object.prototype. */
const RESERVED_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
  'then',
  'length',
  '0',
  '',
  '$where',
  'id',
];

const withMember = (value: Record<string, Json>, key: string, member: Json): Record<string, Json> => {
  const copy = { ...value };
  // defineProperty: `__proto__` becomes an own member that JSON.stringify writes, not a prototype.
  Object.defineProperty(copy, key, { value: member, enumerable: true, writable: true, configurable: true });
  return copy;
};
const without = (value: Record<string, Json>, key: string): Record<string, Json> => {
  const { [key]: _removed, ...rest } = value;
  return rest;
};

/**
 * A deeply nested array (valid JSON that recursive code may choke on), written by `serialise` in
 * place of this marker: JSON.stringify itself would overflow the stack.
 */
const DEEP = '@@deep-nesting:';
const deepNesting = fc.integer({ min: 50, max: 20_000 }).map((depth) => `${DEEP}${depth}`);
const serialise = (value: Json): string =>
  JSON.stringify(value).replace(
    new RegExp(`"${DEEP}(\\d+)"`, 'g'),
    (_match, depth: string) => '['.repeat(Number(depth)) + ']'.repeat(Number(depth)),
  );

/**
 * Arbitrary of invalid values for a member of `shape` whose valid value is `value` (undefined when
 * the member is absent from the valid body): the value itself wrong, or for objects and arrays one
 * member or item made wrong, missing or added.
 */
export const invalidValue = (shape: Shape, value: Json | undefined): fc.Arbitrary<Json> => {
  // Weights: faults with many values (a member's own, an unknown member) over fixed ones.
  const options: fc.WeightedArbitrary<Json>[] = [
    { weight: 2, arbitrary: wrongType(shape) },
    ...outOfBounds(shape, value).map((arbitrary) => ({ weight: 2, arbitrary })),
  ];
  if (shape.type === 'object' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const known = shape.members;
    const unknownKey = fc.oneof(
      fc.constantFrom(...RESERVED_KEYS),
      JSON_TEXT,
      fc.constantFrom(...Object.keys(known)).map((k) => k.toUpperCase()),
    );
    options.push({
      weight: 3,
      arbitrary: fc
        .tuple(unknownKey, anyJson)
        .filter(([key]) => !Object.hasOwn(known, key))
        .map(([key, member]) => withMember(value, key, member)),
    });
    for (const [key, member] of Object.entries(known)) {
      if (!member.optional && key in value)
        options.push({ weight: 1, arbitrary: fc.constant(without(value, key)) });
      options.push({
        weight: 4,
        arbitrary: invalidValue(member, value[key]).map((bad) => withMember(value, key, bad)),
      });
    }
    options.push({
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...Object.keys(known)), deepNesting)
        .map(([key, deep]) => withMember(value, key, deep)),
    });
  }
  if (shape.type === 'array' && Array.isArray(value) && value.length > 0) {
    const items = value;
    options.push(
      {
        weight: 3,
        arbitrary: fc
          .tuple(fc.nat(items.length - 1), invalidValue(shape.items, items[0]))
          .map(([i, bad]) => items.map((item, j) => (i === j ? bad : item))),
      },
      { weight: 1, arbitrary: wrongType(shape.items).map((bad) => [...items, bad]) },
    );
  } else if (shape.type === 'array') {
    options.push({ weight: 1, arbitrary: wrongType(shape.items).map((bad) => [bad]) });
  }
  return fc.oneof(...options);
};

/**
 * A payload as it goes on the wire: UTF-8, but for the `@@bytes:<hex>@@` markers that stand for
 * bytes that are not UTF-8 (a string in a test cannot hold them).
 */
export const wireBytes = (payload: string): string | Buffer => {
  if (!payload.includes(BYTES)) return payload;
  const parts = payload.split(/@@bytes:([0-9a-f]+)@@/);
  return Buffer.concat(parts.map((part, i) => (i % 2 === 1 ? Buffer.from(part, 'hex') : Buffer.from(part))));
};

/** A body as sent: the raw text, and what kind of fault it carries. */
export interface BadBody {
  kind: 'member' | 'not-an-object' | 'not-json';
  payload: string;
}

/** Counterexamples print short: deep nesting runs to tens of thousands of brackets. */
const badBody = (kind: BadBody['kind'], payload: string): BadBody => {
  const shown = payload.length > 400 ? `${payload.slice(0, 300)}… (${payload.length} characters)` : payload;
  return Object.defineProperty({ kind, payload }, fc.toStringMethod, { value: () => `${kind} ${shown}` });
};

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** Text that is not JSON: cut short, with garbage after, JavaScript rather than JSON, or nothing. */
export const notJson = (valid: Json): fc.Arbitrary<BadBody> => {
  const json = JSON.stringify(valid);
  return fc
    .oneof(
      fc.nat(json.length - 1).map((n) => json.slice(0, n)),
      fc.constantFrom('}', ']', ',', 'x', '{}', ' "a"', '\u0000', ' // comment').map((tail) => json + tail),
      fc.constant(json.replace(/"/g, "'")),
      fc.constant(json.replace(/}$/, ',}')),
      fc.constant(json.replace(/"([A-Za-z]+)":/g, '$1:')),
      fc.constantFrom(
        'undefined',
        'NaN',
        'Infinity',
        '-',
        'tru',
        'nul',
        '{a:1}',
        '[1,]',
        '{"a" 1}',
        '{"a":1}}',
        '<xml/>',
        'reason=abc',
        '/* {} */',
      ),
      JSON_TEXT.map((s) => `{"${s}`),
    )
    .filter((text) => !isJson(text))
    .map((payload) => badBody('not-json', payload));
};

/** JSON values that are not an object: null, booleans, numbers, strings, arrays (the valid body in one too). */
export const notAnObject = (valid: Json): fc.Arbitrary<BadBody> =>
  fc
    .oneof(
      scalar,
      someArray,
      fc.constant<Json>([]),
      fc.constant<Json>([valid]),
      fc.constant(JSON.stringify(valid)),
      deepNesting,
    )
    .map((value) => badBody('not-an-object', serialise(value)));

/** Bad bodies for a command whose valid body is `valid`, described by `shape`. */
export const badBodies = (shape: ObjectShape, valid: Json): fc.Arbitrary<BadBody> =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: invalidValue(shape, valid)
        .filter((body) => body !== null && typeof body === 'object' && !Array.isArray(body))
        .map((body) => badBody('member', serialise(body))),
    },
    { weight: 1, arbitrary: notAnObject(valid) },
    { weight: 1, arbitrary: notJson(valid) },
  );

/** Bad bodies for a command that carries nothing but its path: anything but no body or `{}`. */
export const nonEmptyBodies = (): fc.Arbitrary<BadBody> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .oneof(
          fc.dictionary(fc.oneof(JSON_TEXT, fc.constantFrom(...RESERVED_KEYS)), anyJson, {
            minKeys: 1,
            maxKeys: 4,
          }),
          // Members a client might plausibly send along.
          fc
            .tuple(fc.constantFrom('reason', 'force', 'associationId', 'revision', 'note'), anyJson)
            .map(([key, value]): Json => ({ [key]: value })),
        )
        .map((body) => badBody('member', serialise(body))),
    },
    { weight: 1, arbitrary: notAnObject({}) },
    { weight: 1, arbitrary: notJson({ reason: 'why' }) },
  );

// ---- the Registry's command bodies (libs/registry/src/api/dto) ----

const acceptedBy = (check: (issues: FieldIssues, value: unknown) => void) => (value: Json) => {
  const issues = new FieldIssues();
  check(issues, value);
  return issues.count === 0;
};

// As in the DTOs (libs/registry/src/api/dto/common.dto.ts), which the library does not export.
const MAX_ID = 100;
const MAX_REASON = 2000;
const NOW = new Date().toISOString();

const WEBSITES_REFUSED = refused(
  [
    '',
    ' ',
    'not a url',
    'example.org',
    'ftp://example.org',
    'https://localhost',
    'javascript:alert(1)',
    'https://',
  ],
  acceptedBy((issues, value) => checkWebsite(issues, 'website', value)),
);
const DATES_REFUSED = refused(
  [
    '2019-02-30',
    '2019-13-01',
    '2019-00-10',
    '2019-04-31',
    '2999-01-01',
    '15-03-2019',
    '2019/03/15',
    'aaaa-bb-cc',
  ],
  acceptedBy((issues, value) => checkDate(issues, 'foundedOn', value, NOW)),
);

const id = (refusedIds: readonly string[] = []) => text(MAX_ID, 1, [...BAD_IDS, ...refusedIds]);
const localized = (max: number) =>
  object({ fr: text(max, 1, BLANKS), ar: optional(text(max)), en: optional(text(max)) });
const geo = (levels: Level[], currentOnly = false) =>
  object({ scheme: oneOf(GEO_SCHEMES), code: text(10, 1) }, geoCodesRefused(levels, currentOnly));
const sector = text(5, 5, SECTORS_REFUSED);

const profileMembers = {
  names: optional(localized(MAX_TEXT)),
  acronym: nullable(text(30)),
  legalRegistration: nullable(
    object({
      country: text(2, 2, countries(false)),
      authority: text(200, 1, BLANKS),
      number: text(100, 1, BLANKS),
    }),
  ),
  hostCountries: optional(list(text(2, 2, countries(true)), MAX_LIST, 1)),
  // DE: a country, but not one of the valid body's host countries.
  hostCities: optional(
    list(object({ country: text(2, 2, [...countries(false), 'DE']), name: text(100, 1, BLANKS) }), MAX_LIST),
  ),
  originRegions: optional(list(geo(['region']), MAX_LIST)),
  originProvinces: optional(list(geo(['province']), MAX_LIST)),
  originCommunes: optional(
    list(object({ province: geo(['province']), name: text(100, 1, BLANKS) }), MAX_LIST),
  ),
  sectors: optional(list(sector, MAX_LIST)),
  membersCount: nullable(integer(0, 10_000_000)),
  website: nullable(text(300, 0, WEBSITES_REFUSED)),
  foundedOn: nullable(text(10, 10, DATES_REFUSED)),
};

const card = object({
  fullName: text(200, 1),
  email: optional(text(254, 0, ['', ...EMAILS_REFUSED])),
  phone: optional(text(40, 0, ['', ...PHONES_REFUSED])),
  preferredLanguage: optional(oneOf(['ar', 'fr', 'en'])),
});
const consent = { purpose: oneOf(CONSENT_PURPOSES), legalBasis: oneOf(LEGAL_BASES) };

/**
 * The Registry's command bodies as the DTOs declare them, with the values the domain refuses beyond.
 * `self` is the association in the path, which may not name itself as its duplicate or survivor.
 */
export const REGISTRY_BODIES = {
  registerAssociation: object({
    associationId: optional(id()),
    profile: object({
      ...profileMembers,
      names: localized(MAX_TEXT),
      hostCountries: list(text(2, 2, countries(true)), MAX_LIST, 1),
    }),
  }),
  associationProfileChanges: object(profileMembers),
  reason: object({ reason: text(MAX_REASON, 1, BLANKS) }),
  flagDuplicate: (self: string) =>
    object({ otherAssociationId: id(['assoc-does-not-exist', self]), reason: text(MAX_REASON, 1, BLANKS) }),
  merge: (self: string) => object({ survivorId: id(['assoc-does-not-exist', self]) }),
  addContactPerson: object({
    role: oneOf(CONTACT_ROLES),
    card,
    consents: optional(list(object(consent), CONSENT_PURPOSES.length * LEGAL_BASES.length)),
  }),
  changeContactPerson: object({ role: optional(oneOf(CONTACT_ROLES)), card: optional(card) }),
  recordConsent: object({ ...consent, decision: oneOf(['given', 'withdrawn']) }),
  registerActor: object({
    actorId: optional(id()),
    kind: oneOf(ACTOR_KINDS),
    names: localized(MAX_TEXT),
    regions: list(geo(['region'], true), MAX_LIST),
    sectors: list(sector, MAX_LIST),
  }),
  actorChanges: object({
    names: optional(localized(MAX_TEXT)),
    regions: optional(list(geo(['region'], true), MAX_LIST)),
    sectors: optional(list(sector, MAX_LIST)),
  }),
  createNetwork: object({
    networkId: optional(id()),
    kind: oneOf(NETWORK_KINDS),
    names: localized(MAX_TEXT),
  }),
  renameNetwork: object({ names: localized(MAX_TEXT) }),
  networkMember: object({ associationId: id(['assoc-does-not-exist']) }),
  /** `asOfficer`: an officer must name the publisher, an existing one; a partner publishes as itself. */
  publishNeed: (asOfficer: boolean) =>
    object({
      needId: optional(id()),
      publisherId: asOfficer ? id(['actor-does-not-exist']) : optional(id()),
      location: geo(['region', 'province'], true),
      sector,
      title: localized(MAX_TEXT),
      description: localized(MAX_LONG_TEXT),
      estimatedBudget: object({
        amountMinor: integer(1, Number.MAX_SAFE_INTEGER),
        currency: oneOf(CURRENCY_CODES),
      }),
      priority: oneOf(NEED_PRIORITIES),
    }),
  matchNeed: object({ associationIds: list(id(), MAX_LIST), funderIds: list(id(), MAX_LIST) }, [
    { associationIds: [], funderIds: [] },
  ]),
  addressed: object({ note: text(MAX_REASON, 1, BLANKS) }),
};
