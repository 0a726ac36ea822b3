// Hostile inputs for the cross-area fuzz (issue 10): fc.anything with every
// option, JSON, own `__proto__`/`constructor`/`prototype` keys, huge strings,
// deep and cyclic structures, invalid and extreme dates, odd numbers, BigInt,
// symbols, functions, boxed values, fake Dates and Proxies, plus the values of
// the domain (valid instants, enums, decimals) that near-valid inputs mix in.
import fc from 'fast-check';
import { ODD_VALUES } from '../support/anything.js';

/**
 * What a caller's own Proxy trap or getter throws. The library is not
 * required to convert the caller's own exception into a CspRuleError (it could
 * only do so by wrapping every property read in try/catch): this exact value
 * may propagate unchanged, but nothing may hang or pollute on the way. Anything
 * else thrown is a failure. (Revoked Proxies are left out: the engine's
 * TypeError for them cannot be told apart from a bug of the library.)
 */
export class CallerTrap extends Error {
  constructor() {
    super('caller trap (thrown by a Proxy trap or getter of the input)');
    this.name = 'CallerTrap';
  }
}
export const TRAP = new CallerTrap();

/** Throws {@link TRAP}, its stack pointing at this throw (to find who read the input). */
export function trap(): never {
  Error.captureStackTrace(TRAP, trap);
  throw TRAP;
}

/** Proxies and trap-carrying objects: formatting and walking never touch their properties. */
export const OPAQUE = new WeakSet<object>();

function opaque<T extends object>(value: T): T {
  OPAQUE.add(value);
  return value;
}

// Symbol-keyed reads are let through (the test runner and fast-check probe
// symbols such as fc.cloneMethod on every generated value); every string-keyed
// read, key listing, prototype read and call throws.
const throwAll: ProxyHandler<object> = {
  get: (t, k) => {
    if (typeof k === 'symbol') return Reflect.get(t, k);
    trap();
  },
  has: (t, k) => {
    if (typeof k === 'symbol') return Reflect.has(t, k);
    trap();
  },
  ownKeys: () => {
    trap();
  },
  getOwnPropertyDescriptor: (t, k) => {
    if (typeof k === 'symbol') return Reflect.getOwnPropertyDescriptor(t, k);
    trap();
  },
  getPrototypeOf: () => {
    trap();
  },
  apply: () => {
    trap();
  },
};

/** A Proxy whose traps throw {@link TRAP}. */
export function throwingProxy(target: object = {}): object {
  return opaque(new Proxy(target, throwAll));
}

/** An object whose `key` getter throws {@link TRAP} (the other fields of `base` kept). */
export function throwingGetter(key: string, base: object = {}): object {
  const o = { ...base };
  Object.defineProperty(o, key, {
    enumerable: true,
    configurable: true,
    get() {
      trap();
    },
  });
  return opaque(o);
}

/** An object nested `depth` levels deep under `key`, built without recursion. */
export function deepObject(depth: number, key = 'a'): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < depth; i++) value = { [key]: value };
  return value;
}

/** An array nested `depth` levels deep. */
export function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** `{ reasons: [{ ..., nested }] }` `depth` levels deep, for walkers of decisions. */
function deepDecision(depth: number): unknown {
  let reason: Record<string, unknown> = { code: 'window_closed' };
  for (let i = 0; i < depth; i++) reason = { code: 'window_closed', closedAt: reason };
  return { allowed: false, reasons: [reason], rules: [] };
}

function cyclic(): unknown {
  const o: Record<string, unknown> = {
    kind: 'subscription',
    code: 'window_closed',
    allowed: false,
    rules: [],
  };
  o['self'] = o;
  o['reasons'] = [o];
  o['versions'] = [o];
  return o;
}

function cyclicArray(): unknown {
  const a: unknown[] = ['AdminAgent'];
  a.push(a);
  return a;
}

/** Objects from JSON text: `__proto__` and friends become own properties. */
export const POLLUTING_JSON_TEXTS = [
  '{"__proto__": {"polluted": "yes"}}',
  '{"constructor": {"prototype": {"polluted": "yes"}}}',
  '{"prototype": {"polluted": "yes"}, "__proto__": null}',
  '{"__proto__": {"kind": "subscription", "allowed": true, "polluted": "yes"}}',
  '[{"__proto__": {"polluted": "yes"}}, {"constructor": {"prototype": {"polluted": "yes"}}}]',
  '{"code": "__proto__", "__proto__": {"polluted": "yes"}}',
  '{"code": "constructor", "allowed": false, "reasons": [{"code": "toString"}], "rules": []}',
  '{"kind": "subscription", "purchasedAt": "__proto__", "term": "constructor", "billingFrequency": "toString", "currency": "__proto__"}',
  '{"versions": [{"effectiveFrom": "2019-01-01", "source": "https://x", "value": {"__proto__": {"polluted": "yes"}}}], "id": "__proto__"}',
  '{"cancel": ["__proto__"], "__proto__": ["AdminAgent"]}',
  '{"locale": "__proto__"}',
  '{"locale": "constructor"}',
] as const;

export const pollutingJson: fc.Arbitrary<unknown> = fc
  .constantFrom(...POLLUTING_JSON_TEXTS)
  .map((text) => JSON.parse(text) as unknown);

/** A key that is either random or one the library (or the engine) treats specially. */
const hostileKey = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'hasOwnProperty',
    'toJSON',
    'then',
    'length',
    '0',
    'kind',
    'id',
    'purchasedAt',
    'term',
    'billingFrequency',
    'quantity',
    'unitPrice',
    'currency',
    'status',
    'unknown',
    'asOf',
    'roles',
    'code',
    'allowed',
    'reasons',
    'rules',
    'versions',
    'effectiveFrom',
    'minor',
    'start',
    'lastRenewalAt',
    'lineItems',
    'locale',
  ),
);

/** fc.anything with every odd corner switched on. */
export const ANYTHING = {
  ...ODD_VALUES,
  maxDepth: 3,
  maxKeys: 6,
} as const;

/** Huge strings, built once (1–5 MB). */
const HUGE = {
  plain: 'x'.repeat(5_000_000),
  digits: '9'.repeat(2_000_000),
  decimal: `1.${'0'.repeat(1_000_000)}1`,
  dayThenJunk: `2021-10-14${'0'.repeat(1_000_000)}`,
  instantFraction: `2021-10-14T10:00:00.${'9'.repeat(1_000_000)}Z`,
  spacedRole: `${' '.repeat(1_000_000)}Admin agent${' '.repeat(1_000_000)}`,
  spacedMarket: `${' '.repeat(2_000_000)}it${' '.repeat(2_000_000)}`,
  code: 'window_closed_'.repeat(100_000),
  unicode: '\u{1F600}'.repeat(500_000),
  surrogates: '\uD800'.repeat(1_000_000),
} as const;

export const HUGE_STRINGS: readonly string[] = Object.values(HUGE);

function fakeDate(): unknown {
  // instanceof Date, but not a Date: Date.prototype.getTime throws on it.
  return Object.create(Date.prototype) as unknown;
}

function lyingDate(): unknown {
  const d = new Date(0);
  Object.defineProperty(d, 'getTime', { value: () => Number.NaN });
  return d;
}

function weirdPrimitive(): unknown {
  return opaque({
    [Symbol.toPrimitive]() {
      trap();
    },
  });
}

/** Values built once: every shape the issue names, and the engine's corner cases. */
export function specialValues(): unknown[] {
  // Sparse arrays of bounded length (the 2^31-long ones are in the sweep: see hugeSparse).
  const sparseLong = new Array(1_000_000);
  const sparseRole = new Array(1_000_000);
  sparseRole[0] = 'AdminAgent';
  const nullProto = Object.create(null) as Record<string, unknown>;
  nullProto['kind'] = 'subscription';
  nullProto['code'] = 'window_closed';
  return [
    // dates
    new Date(Number.NaN),
    new Date(8.64e15),
    new Date(-8.64e15),
    new Date(8.64e15 - 1),
    fakeDate(),
    lyingDate(),
    // numbers
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    2 ** 53,
    -(2 ** 53),
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.EPSILON,
    1e21,
    -1,
    1.5,
    0,
    2 ** 31,
    // bigint, symbols, functions
    2n ** 70n,
    0n,
    -1n,
    Symbol('s'),
    Symbol.iterator,
    () => 1,
    class Foo {},
    async () => 1,
    // strings
    '',
    ' ',
    '\u0000',
    '\uD800',
    'NaN',
    'Infinity',
    '-0',
    '1e3',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    ...HUGE_STRINGS,
    // deep, cyclic, sparse, odd objects
    deepObject(10_000),
    deepObject(10_000, '__proto__'),
    deepArray(10_000),
    deepDecision(10_000),
    cyclic(),
    cyclicArray(),
    sparseLong,
    sparseRole,
    Object.create(null),
    nullProto,
    Object.freeze({ kind: 'subscription' }),
    new String('P1Y'),
    new Number(1),
    new Boolean(false),
    Object(1n),
    Object(Symbol('boxed')),
    new Map([['kind', 'subscription']]),
    new Set(['AdminAgent']),
    new WeakMap(),
    new Uint8Array(4),
    new ArrayBuffer(8),
    new DataView(new ArrayBuffer(8)),
    /regex/g,
    new Error('e'),
    new TypeError('t'),
    Promise.resolve(1),
    weirdPrimitive(),
    throwingProxy(),
    throwingProxy([]),
    throwingProxy(() => 1),
    throwingGetter('kind'),
    throwingGetter('code', { allowed: false, reasons: [], rules: [] }),
    globalThis,
    Object.prototype,
    Array.prototype,
  ];
}

/** Length of {@link hugeSparse} arrays. */
export const HUGE_SPARSE_LENGTH = 2 ** 27;

/**
 * A sparse array of length 2^27 that keeps `first` (when given) at index 0:
 * whatever walks every index of it takes seconds (2^31 takes minutes or
 * exhausts the heap): the sweep's hang probe, kept out of the random fuzz,
 * whose inputs are bounded.
 */
export function hugeSparse(first?: unknown): unknown[] {
  const a = new Array(HUGE_SPARSE_LENGTH);
  if (first !== undefined) a[0] = first;
  return a;
}

let specials: unknown[] | undefined;
/** {@link specialValues}, built lazily once per test file. */
export function specialPool(): unknown[] {
  specials ??= specialValues();
  return specials;
}

/** Instants (valid and near misses) in every accepted form. */
export const instantLike: fc.Arbitrary<unknown> = fc.oneof(
  fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc
    .date({ min: new Date('2019-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc
    .tuple(
      fc.date({ min: new Date('2019-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
      fc.integer({ min: -14, max: 14 }),
    )
    .map(
      ([d, h]) =>
        `${d.toISOString().slice(0, 19)}${h < 0 ? '-' : '+'}${String(Math.abs(h)).padStart(2, '0')}:00`,
    ),
  fc.constantFrom(
    '2021-10-14',
    '2021-10-13T23:59:59.999Z',
    '2021-10-15T21:28:19.3058617Z',
    '2021-10-14T01:00:00+02:00',
    '2021-10-14T10:00',
    '2021-02-29',
    '2024-02-29',
    '2021-10-14T24:00:00Z',
    '2021-10-14T10:00:00+24:00',
    '9999-12-31T23:59:59.9999999Z',
    '9999-12-31',
    '0000-01-01',
    '0001-01-01T00:00:00Z',
    '1969-12-31T23:59:59Z',
    '+275760-09-13T00:00:00Z',
    '2021-1-1',
    '20211014',
    'yesterday',
  ),
  fc.constantFrom(new Date(Number.NaN), new Date(8.64e15), new Date(-8.64e15), new Date(0)),
);

/** Strings of the domain: enums in every spelling the rules might see. */
export const DOMAIN_STRINGS = [
  'P1M',
  'P1Y',
  'P3Y',
  'p1y',
  'P2Y',
  'monthly',
  'annual',
  'triennial',
  'Annual',
  'none',
  'EUR',
  'USD',
  'JPY',
  'KWD',
  'eur',
  'XXX',
  'XTS',
  'EURO',
  'subscription',
  'perpetual',
  'active',
  'pending',
  'suspended',
  'disabled',
  'expired',
  'cancelled',
  'deleted',
  'completed',
  'AdminAgent',
  'Admin agent',
  'SalesAgent',
  'GlobalAdmin',
  'AccountAdmin',
  'ReferralAdmin',
  'Incentive admin',
  'purchase',
  'getKeysAndDownloads',
  'cancel',
  'toggleAutoRenew',
  'setBillingFrequency',
  'viewActivityLog',
  'keyAccess',
  'download',
  'software',
  'service_license',
  'extended_security_updates',
  'elapsed_hours',
  'calendar_days',
  'cycle',
  'month_of_start',
  'per_unit',
  'total',
  'truncate',
  'half_even',
  'half_up',
  'PT24H',
  'P1D',
  'PT0S',
  'P',
  'PT',
  'en',
  'it',
  'fr',
  'csp',
  'CSP',
  'volume_licensing',
  'retail',
  'kms',
  'mak',
  'Datacenter',
  'Standard',
  'essentials',
  'IT',
  'it',
  'XS',
  'UK',
  'EU',
  'Microsoft',
  'Red Hat, Inc.',
  'SUSE',
  'window_closed',
  'missing_role',
  'unknown_value',
  'not_yet_open',
  'quota_exceeded',
  'windows-rds-cal-2022',
  '%MAK%',
  'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE',
  '4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1',
] as const;

/** Decimals, valid and near misses. */
export const decimalLike: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -1000, max: 100_000 }).map(String),
  fc.double(),
  fc.constantFrom(
    '10.08',
    '0',
    '0.1',
    '-0',
    '+3',
    '1e3',
    '10,08',
    '',
    '.5',
    '5.',
    '  1',
    '0.0000001',
  ),
  fc.stringMatching(/^[+-]?\d{1,70}(\.\d{1,5})?$/),
);

/** Values a valid input could hold: what near-valid inputs swap in to reach deep code paths. */
export const domainValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: instantLike },
  { weight: 4, arbitrary: fc.constantFrom<unknown>(...DOMAIN_STRINGS) },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(0, 1, 2 ** 53 - 1, 2 ** 53, 1e6, 0.5, -0) },
  { weight: 2, arbitrary: decimalLike },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constant({ unknown: 'quarterly' }),
      fc.record({ unknown: fc.anything() }),
      fc.constant({ unknown: HUGE.plain }),
    ),
  },
  { weight: 1, arbitrary: fc.array(fc.constantFrom<unknown>(...DOMAIN_STRINGS), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, [], {}) },
);

/** Every hostile input shape. */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.anything(ANYTHING) },
    {
      weight: 2,
      arbitrary: fc.anything({
        ...ANYTHING,
        key: hostileKey,
        values: [
          fc.constantFrom<unknown>(...DOMAIN_STRINGS),
          instantLike,
          fc.integer(),
          fc.double(),
          fc.constantFrom<unknown>(null, undefined, true, Number.NaN),
        ],
      }),
    },
    { weight: 2, arbitrary: fc.jsonValue() },
    { weight: 2, arbitrary: pollutingJson },
    { weight: 3, arbitrary: fc.constantFrom(...specialPool()) },
    { weight: 2, arbitrary: domainValue },
  );
}
