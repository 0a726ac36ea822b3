// The purchase shapes are declared once, as the interfaces in core; every other
// spelling of them is held to that declaration here: the field lists the
// guards use (checked against the interfaces at compile time), the fields the
// guards actually read, the zod schemas and the JSON Schemas.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type { PerpetualPurchase, SoftwareSubscription } from '../../src/core/index.js';
import {
  checkPerpetual,
  checkSubscription,
  PERPETUAL_FIELDS,
  SUBSCRIPTION_FIELDS,
} from '../../src/core/internal.js';
import {
  jsonSchemas,
  perpetualPurchaseSchema,
  softwareSubscriptionSchema,
} from '../../src/schemas/index.js';

const subscription: Required<SoftwareSubscription> = {
  kind: 'subscription',
  id: 'sub-1',
  purchasedAt: '2024-01-31T10:00:00Z',
  term: 'P1Y',
  billingFrequency: 'monthly',
  autoRenew: true,
  publisher: 'Microsoft',
  productFamily: 'Windows Server',
  quantity: 2,
  unitPrice: '10.08',
  currency: 'EUR',
  status: 'active',
  cancellationAllowedUntil: '2024-02-07T10:00:00Z',
  renewalCompletedAt: '2025-01-31T00:00:00Z',
  productType: 'license_based',
  refundOptions: [{ type: 'full', expiresAt: '2024-02-07T10:00:00Z' }],
  refundableQuantity: {
    totalQuantity: 2,
    details: [{ quantity: 2, allowedUntil: '2024-02-07T10:00:00Z' }],
  },
  commitmentEndDate: '2025-01-30',
  scheduledNextTerm: { offerId: 'P:S:A', quantity: 1, billingFrequency: 'annual', term: 'P1Y' },
  renewalTerm: 'P1Y',
  suspendedAt: '2024-06-01T00:00:00Z',
};
const perpetual: Required<PerpetualPurchase> = {
  kind: 'perpetual',
  id: 'p-1',
  purchasedAt: '2024-01-31T10:00:00Z',
  publisher: 'Microsoft',
  productName: 'SQL Server 2022 Standard',
  orderId: 'ord-1',
  quantity: 1,
  unitPrice: '899.00',
  currency: 'USD',
  status: 'completed',
};

/** The keys a guard reads from its input (through a Proxy). */
function keysRead(check: (input: unknown) => unknown, input: object): string[] {
  const read = new Set<string>();
  check(
    new Proxy(input, {
      get(target, key, receiver) {
        if (typeof key === 'string') read.add(key);
        return Reflect.get(target, key, receiver);
      },
    }),
  );
  return [...read].sort();
}

/** The object shape inside a schema that ends with a transform. */
function shapeKeys(schema: z.ZodType): string[] {
  const def = (schema as unknown as { def: { in?: { shape?: object }; shape?: object } }).def;
  return Object.keys(def.in?.shape ?? def.shape ?? {}).sort();
}

describe.each([
  [
    'software-subscription',
    SUBSCRIPTION_FIELDS,
    subscription,
    checkSubscription,
    softwareSubscriptionSchema,
  ],
  ['perpetual-purchase', PERPETUAL_FIELDS, perpetual, checkPerpetual, perpetualPurchaseSchema],
] as const)('the %s shape', (name, fields, sample, check, schema) => {
  const declared = [...fields].sort();

  it('lists every field of the interface once (the sample fills each)', () => {
    expect(new Set(fields).size).toBe(fields.length);
    expect(Object.keys(sample).sort()).toEqual(declared);
  });

  it('is what the guard reads, field by field', () => {
    expect(keysRead((x) => check(x), sample)).toEqual(declared);
  });

  it('is the zod schema, which parses the full sample unchanged', () => {
    expect(shapeKeys(schema)).toEqual(declared);
    expect(schema.parse(sample)).toEqual(sample);
  });

  it('is the published JSON Schema', () => {
    const doc = jsonSchemas()[name] as { properties?: object; required?: string[] };
    expect(Object.keys(doc.properties ?? {}).sort()).toEqual(declared);
  });
});

describe('the schemas produce the interfaces', () => {
  it('types: what a schema parses is the interface', () => {
    expectTypeOf<
      z.output<typeof softwareSubscriptionSchema>
    >().toEqualTypeOf<SoftwareSubscription>();
    expectTypeOf<z.output<typeof perpetualPurchaseSchema>>().toEqualTypeOf<PerpetualPurchase>();
  });
});
