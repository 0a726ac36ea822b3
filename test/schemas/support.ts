// Shared inputs of the schemas tests: the Partner Center fixtures, and
// arbitraries of valid and nearly valid inputs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ODD_VALUES } from '../support/anything.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'partner-center');

/** A fixture of test/fixtures/partner-center, parsed fresh (callers may mutate it). */
export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

export const SUBSCRIPTION_FIXTURES = [
  'subscription-p3y-triennial',
  'subscription-p1y-annual',
  'subscription-legacy-autorenew-off',
] as const;

export const ORDER_FIXTURES = ['order-perpetual-two-line-items', 'order-partly-cancelled'] as const;

/** Prices for the offers of the order fixtures. */
export const ORDER_EXTRAS = {
  offers: {
    'DG7GMGF0FLR2:0002': { unitPrice: '1859.00', productName: 'SQL Server 2022 Standard' },
    'DG7GMGF0FKX2:0005': { unitPrice: '38.50' },
    DG7GMGF0DSKB: { unitPrice: '112.10', productName: 'RDS 2022 User CAL' },
  },
  publisher: 'Microsoft',
  market: 'it',
} as const;

export const SUBSCRIPTION_EXTRAS = {
  unitPrice: '2890.00',
  currency: 'EUR',
  publisher: 'Microsoft',
  market: 'IT',
} as const;

/** Instants: valid ones in every accepted form, and near misses. */
export const instantLike = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(
    '2021-10-15T21:28:19.3058617Z',
    '2021-10-14T01:00:00+02:00',
    '2021-10-14T10:00',
    '2021-02-29',
    '2021-10-14T24:00:00Z',
    '9999-12-31T23:59:59.9999999Z',
    '',
    'yesterday',
  ),
  fc.constant(new Date(Number.NaN)),
  fc.string({ maxLength: 30 }),
  fc.anything(),
);

export const decimalLike = fc.oneof(
  fc.integer({ min: -1000, max: 100_000 }).map(String),
  fc.double({ noNaN: false }),
  fc.constantFrom('10.08', '0.1', '-0', '+3', '1e3', '10,08', '', '.5', '5.', '  1'),
  fc.stringMatching(/^[+-]?\d{1,70}(\.\d{1,5})?$/),
  fc.anything(),
);

/** A valid software subscription (ARCHITECTURE shape). */
export const validSubscription = fc.record(
  {
    kind: fc.constant('subscription' as const),
    id: fc.string({ maxLength: 12 }),
    purchasedAt: fc
      .date({ min: new Date('2019-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    term: fc.oneof(
      fc.constantFrom('P1M' as const, 'P1Y' as const, 'P3Y' as const),
      fc.record({ unknown: fc.string({ maxLength: 8 }) }),
    ),
    billingFrequency: fc.oneof(
      fc.constantFrom('monthly' as const, 'annual' as const, 'triennial' as const),
      fc.record({ unknown: fc.string({ maxLength: 8 }) }),
    ),
    autoRenew: fc.boolean(),
    publisher: fc.constantFrom('Microsoft', 'Red Hat', 'SUSE'),
    productFamily: fc.string({ maxLength: 10 }),
    quantity: fc.integer({ min: 1, max: 10_000 }),
    unitPrice: fc.oneof(fc.constantFrom('10.08', '0', '2890.00'), fc.nat({ max: 1e6 })),
    currency: fc.constantFrom('EUR', 'USD', 'JPY', 'KWD'),
    status: fc.constantFrom(
      'active' as const,
      'suspended' as const,
      'deleted' as const,
      'cancelled' as const,
    ),
    cancellationAllowedUntil: fc.constant('2022-03-21T09:41:27.3058617Z'),
    renewalCompletedAt: fc.constant('2023-03-14T00:02:00Z'),
  },
  {
    requiredKeys: [
      'kind',
      'purchasedAt',
      'term',
      'billingFrequency',
      'quantity',
      'unitPrice',
      'currency',
    ],
  },
);

/** Something close to a valid subscription: each field valid or replaced by a near miss. */
export const nearSubscription = fc
  .tuple(
    validSubscription,
    fc.record(
      {
        kind: fc.constantFrom('perpetual', 'Subscription', undefined),
        purchasedAt: instantLike,
        term: fc.oneof(fc.constantFrom('p1y', 'P2Y', '', null), fc.anything()),
        billingFrequency: fc.oneof(fc.constantFrom('Annual', 'none', null), fc.anything()),
        autoRenew: fc.oneof(fc.constantFrom('true', 0, null), fc.anything()),
        quantity: fc.oneof(fc.constantFrom(0, -1, 1.5, 2 ** 53, Number.NaN, '3'), fc.anything()),
        unitPrice: decimalLike,
        currency: fc.oneof(fc.constantFrom('eur', 'XYZ', 'EURO', ''), fc.anything()),
        status: fc.oneof(fc.constantFrom('Active', { unknown: 1 }, null), fc.anything()),
        id: fc.anything(),
        publisher: fc.anything(),
        cancellationAllowedUntil: instantLike,
        renewalCompletedAt: instantLike,
      },
      { requiredKeys: [] },
    ),
  )
  .map(([valid, broken]) => ({ ...valid, ...broken }) as Record<string, unknown>);

/** Options of fc.anything that reach odd corners: null prototypes, boxed values, sparse arrays... */
export const ANYTHING = {
  ...ODD_VALUES,
  maxDepth: 4,
} as const;

/** JSON texts with `__proto__`, `constructor` and `prototype` keys, parsed (own properties). */
export const pollutingJson = fc
  .constantFrom(
    '{"__proto__": {"polluted": "yes"}}',
    '{"constructor": {"prototype": {"polluted": "yes"}}}',
    '{"status": "__proto__", "billingCycle": "constructor", "termDuration": "toString"}',
    '{"lineItems": [{"__proto__": {"polluted": "yes"}, "lineItemNumber": 0}]}',
    '{"offers": {"__proto__": {"unitPrice": "1"}, "constructor": {"unitPrice": "2"}}}',
    '{"by": "__proto__", "__proto__": {"polluted": "yes"}}',
  )
  .map((text) => JSON.parse(text) as unknown);

/** An object nested `depth` levels deep under `key`. */
export function deepObject(depth: number, key = 'a'): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < depth; i++) value = { [key]: value, lineItems: [value] };
  return value;
}

/** The `params` of a zod issue (only custom issues have them). */
export function paramsOf(issue: unknown): unknown {
  return (issue as { params?: unknown } | undefined)?.params;
}
