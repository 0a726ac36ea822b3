// Bad input never breaks a caller: arbitrary values into every
// schema, every safeParse… and every parser give a result or a CspRuleError,
// never a TypeError, never a hang, never a polluted prototype.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isCspRuleError } from '../../src/core/index.js';
import * as schemas from '../../src/schemas/index.js';
import {
  ANYTHING,
  deepObject,
  fixture,
  nearSubscription,
  ORDER_EXTRAS,
  pollutingJson,
  SUBSCRIPTION_EXTRAS,
} from './support.js';

/** Every input shape the issue names. */
const hostile = fc.oneof(
  { weight: 4, arbitrary: fc.anything(ANYTHING) },
  { weight: 3, arbitrary: fc.jsonValue() },
  { weight: 2, arbitrary: pollutingJson },
  { weight: 2, arbitrary: nearSubscription },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      new Date(Number.NaN),
      'x'.repeat(2_000_000),
      `2021-10-14T10:00:00${'9'.repeat(100_000)}Z`,
      deepObject(5_000),
      deepObject(50, '__proto__'),
      new Array(2 ** 31),
      Object.create(null),
      Number.NaN,
      -0,
      2n ** 70n,
      Symbol('s'),
      () => 1,
    ),
  },
);

/** Valid resources with one field (possibly nested) replaced by something hostile. */
function mutated(base: () => Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(fc.nat(), fc.nat(), fc.anything(ANYTHING)).map(([i, j, value]) => {
    const json = base();
    const keys = Object.keys(json);
    const key = keys[i % keys.length] as string;
    const inner = json[key];
    if (
      Array.isArray(inner) &&
      inner.length > 0 &&
      typeof inner[0] === 'object' &&
      inner[0] !== null
    ) {
      const line = inner[j % inner.length] as Record<string, unknown>;
      const lineKeys = Object.keys(line);
      line[lineKeys[j % lineKeys.length] as string] = value;
    } else {
      json[key] = value;
    }
    return json;
  });
}

function settle(fn: () => unknown): 'ok' | 'rule-error' {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (isCspRuleError(e)) return 'rule-error';
    throw e;
  }
}

function checkSafe(result: schemas.SafeParseResult<unknown>): void {
  if (result.success) return;
  expect(isCspRuleError(result.error)).toBe(true);
  expect(result.error.code).toBe('invalid_input');
  const issues = result.error.details['issues'] as schemas.SchemaIssue[];
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(typeof issue.message).toBe('string');
    expect(typeof issue.code).toBe('string');
    expect(Array.isArray(issue.path)).toBe(true);
  }
  // The error is JSON (a log line), whatever the input was.
  expect(typeof JSON.stringify(result.error)).toBe('string');
}

const safeParsers: [string, (x: unknown) => schemas.SafeParseResult<unknown>][] = [
  ['safeParseSoftwareSubscription', schemas.safeParseSoftwareSubscription],
  ['safeParsePerpetualPurchase', schemas.safeParsePerpetualPurchase],
  ['safeParsePurchase', schemas.safeParsePurchase],
  ['safeParseDevices', schemas.safeParseDevices],
  ['safeParseCancellationRequest', schemas.safeParseCancellationRequest],
  [
    'safeFromPartnerCenterSubscription(x, extras)',
    (x) => schemas.safeFromPartnerCenterSubscription(x, SUBSCRIPTION_EXTRAS),
  ],
  [
    'safeFromPartnerCenterSubscription(json, x)',
    (x) => schemas.safeFromPartnerCenterSubscription(fixture('subscription-p1y-annual'), x),
  ],
  [
    'safeFromPartnerCenterOrder(x, extras)',
    (x) => schemas.safeFromPartnerCenterOrder(x, ORDER_EXTRAS),
  ],
  [
    'safeFromPartnerCenterOrder(json, x)',
    (x) => schemas.safeFromPartnerCenterOrder(fixture('order-partly-cancelled'), x),
  ],
];

const parsers: [string, (x: unknown) => unknown][] = [
  ['parseSoftwareSubscription', schemas.parseSoftwareSubscription],
  ['parsePerpetualPurchase', schemas.parsePerpetualPurchase],
  ['parsePurchase', schemas.parsePurchase],
  ['parseDevices', schemas.parseDevices],
  ['parseCancellationRequest', schemas.parseCancellationRequest],
  [
    'fromPartnerCenterSubscription',
    (x) => schemas.fromPartnerCenterSubscription(x, SUBSCRIPTION_EXTRAS),
  ],
  [
    'fromPartnerCenterSubscription(extras)',
    (x) => schemas.fromPartnerCenterSubscription(fixture('subscription-p3y-triennial'), x as never),
  ],
  ['fromPartnerCenterOrder', (x) => schemas.fromPartnerCenterOrder(x, ORDER_EXTRAS)],
  [
    'fromPartnerCenterOrder(extras)',
    (x) => schemas.fromPartnerCenterOrder(fixture('order-perpetual-two-line-items'), x as never),
  ],
  [
    'subscriptionStatusFromPartnerCenter',
    (x) => schemas.subscriptionStatusFromPartnerCenter(x as never),
  ],
  ['termFromPartnerCenter', (x) => schemas.termFromPartnerCenter(x as never)],
  [
    'billingFrequencyFromPartnerCenter',
    (x) => schemas.billingFrequencyFromPartnerCenter(x as never, x as never),
  ],
  [
    'billingFrequencyFromPartnerCenter(x, P1Y)',
    (x) => schemas.billingFrequencyFromPartnerCenter(x as never, 'P1Y'),
  ],
  ['parseWith', (x) => schemas.parseWith(schemas.purchaseSchema, x, 'x')],
  ['toCspRuleError', (x) => schemas.toCspRuleError(x as never, 'x')],
  [
    'toCspRuleError(issues)',
    (x) => schemas.toCspRuleError({ issues: [x, { path: [x] }] } as never, 'x'),
  ],
];

/** Every zod schema the area exports. */
const zodSchemas = Object.entries(schemas as Record<string, unknown>).filter(
  (entry): entry is [string, { safeParse: (x: unknown) => { success: boolean } }] =>
    entry[0].endsWith('Schema') &&
    typeof (entry[1] as { safeParse?: unknown }).safeParse === 'function',
);

afterAll(() => {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
});

describe('fuzz: never anything but a result or CspRuleError', () => {
  it('covers every exported schema', () => {
    expect(zodSchemas.length).toBeGreaterThanOrEqual(30);
  });

  it.each(zodSchemas)('%s.safeParse never throws', (_name, schema) => {
    fc.assert(
      fc.property(hostile, (value) => {
        expect(typeof schema.safeParse(value).success).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });

  it.each(safeParsers)('%s returns a result', (_name, safe) => {
    fc.assert(
      fc.property(hostile, (value) => checkSafe(safe(value))),
      { numRuns: 500 },
    );
  });

  it.each(parsers)('%s returns or throws CspRuleError', (_name, parse) => {
    fc.assert(
      fc.property(hostile, (value) => {
        settle(() => parse(value));
      }),
      { numRuns: 500 },
    );
  });

  it('mutated Partner Center resources: a result or a CspRuleError, and what maps passes the rules', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mutated(() => fixture('subscription-p3y-triennial')),
          mutated(() => fixture('subscription-legacy-autorenew-off')),
        ),
        (json) => {
          const r = schemas.safeFromPartnerCenterSubscription(json, SUBSCRIPTION_EXTRAS);
          checkSafe(r);
          if (r.success) expect(schemas.safeParseSoftwareSubscription(r.data).success).toBe(true);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          mutated(() => fixture('order-perpetual-two-line-items')),
          mutated(() => fixture('order-partly-cancelled')),
        ),
        (json) => {
          const r = schemas.safeFromPartnerCenterOrder(json, ORDER_EXTRAS);
          checkSafe(r);
          if (r.success) {
            for (const p of r.data.purchases)
              expect(schemas.safeParsePerpetualPurchase(p).success).toBe(true);
          }
        },
      ),
    );
  });

  it('__proto__ keys never reach a prototype', () => {
    const json = JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "id": "s", "quantity": 1, "creationDate": "2022-01-01", "billingCycle": "annual", "termDuration": "P1Y", "refundOptions": [{"type": "Full", "__proto__": {"polluted": "yes"}}]}',
    ) as unknown;
    const sub = schemas.fromPartnerCenterSubscription(json, SUBSCRIPTION_EXTRAS);
    expect(Object.getPrototypeOf(sub)).toBe(Object.prototype);
    expect((sub as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
    const extras = JSON.parse(
      '{"offers": {"__proto__": {"unitPrice": "1"}, "DG7GMGF0FLR2": {"unitPrice": "2"}, "DG7GMGF0FKX2": {"unitPrice": "3"}}}',
    ) as never;
    const order = schemas.fromPartnerCenterOrder(fixture('order-perpetual-two-line-items'), extras);
    expect(order.purchases.map((p) => p.unitPrice)).toEqual(['2', '3']);
    const onlyProto = schemas.safeFromPartnerCenterOrder(
      {
        ...fixture('order-perpetual-two-line-items'),
        lineItems: [{ lineItemNumber: 0, offerId: '__proto__', quantity: 1 }],
      },
      extras,
    );
    expect(onlyProto.success).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('huge and deep inputs finish quickly', () => {
    const started = Date.now();
    const huge = 'A'.repeat(5_000_000);
    expect(
      schemas.safeFromPartnerCenterSubscription(
        { ...fixture('subscription-p1y-annual'), status: huge },
        SUBSCRIPTION_EXTRAS,
      ).success,
    ).toBe(true);
    expect(
      schemas.safeParseSoftwareSubscription({ kind: 'subscription', purchasedAt: huge }).success,
    ).toBe(false);
    expect(schemas.domainSchema.safeParse(`${'a.'.repeat(1_000_000)}com`).success).toBe(false);
    expect(schemas.safeParseCancellationRequest(deepObject(100_000)).success).toBe(false);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('inputs that throw while they are read', () => {
  it('a Proxy of a Date is not a Date: a failure, never a TypeError', () => {
    const proxy = new Proxy(new Date(0), {});
    expect(schemas.instantSchema.safeParse(proxy).success).toBe(false);
    const r = schemas.safeParseDevices([{ id: 'pc-1', lastRenewalAt: proxy }]);
    expect(r.success ? '' : r.error.field).toBe('devices[0].lastRenewalAt');
    expect(schemas.instantSchema.safeParse(new Date(0)).success).toBe(true);
  });

  it('safeParseWith never throws; parseWith throws only CspRuleError', () => {
    const getter = {
      get id() {
        throw new Error('boom');
      },
    };
    const r = schemas.safeParseWith(schemas.deviceSchema, getter, 'device');
    expect(r.success ? '' : [r.error.code, r.error.field]).toEqual(['invalid_input', 'device']);
    expect(schemas.safeParseWith(null as never, 1).success).toBe(false);
    expect(() => schemas.parseWith(null as never, 1)).toThrow(
      expect.objectContaining({ name: 'CspRuleError', field: 'schema' }),
    );
    expect(() => schemas.parseWith(schemas.deviceSchema, getter, 'device')).toThrow(
      expect.objectContaining({ name: 'CspRuleError', field: 'device' }),
    );
  });

  it('a fleet of one id repeated reports the first repeat, once', () => {
    const same = Array.from({ length: 20_000 }, () => ({ id: 'pc-1' }));
    const r = schemas.safeParseDevices(same);
    expect(r.success ? '' : [r.error.field, r.error.message]).toEqual([
      'devices[1].id',
      expect.stringContaining('id already used by devices[0]'),
    ]);
  });
});
