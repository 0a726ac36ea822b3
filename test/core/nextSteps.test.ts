// The Partner Center PATCH a decision's next step carries (core's
// subscriptionPatch, reached through seatReduction): only the keys that have
// a value, so a body sent as-is never carries `"id": undefined` or empty
// product ids. toStrictEqual tells an absent key from one set to undefined.
import { describe, expect, it } from 'vitest';
import { seatReduction } from '../../src/cancellation/index.js';
import type { SoftwareSubscription } from '../../src/core/index.js';

const SUB = {
  kind: 'subscription',
  purchasedAt: '2024-03-01T10:00:00Z',
  term: 'P1Y',
  billingFrequency: 'monthly',
  quantity: 10,
  autoRenew: true,
} as const satisfies SoftwareSubscription;
const AT = { asOf: '2024-03-02T10:00:00Z', quantity: 8 };

function body(sub: object): unknown {
  return seatReduction(sub as SoftwareSubscription, AT).nextSteps[0]?.request.body;
}

describe('the PATCH body of a next step', () => {
  it('has no id key when the subscription has no id, and the path a placeholder', () => {
    const b = body(SUB);
    expect(b).toStrictEqual({
      autoRenewEnabled: true,
      scheduledNextTermInstructions: {
        product: { billingCycle: 'monthly', termDuration: 'P1Y' },
        quantity: 8,
      },
    });
    expect(seatReduction(SUB, AT).nextSteps[0]?.request.path).toBe(
      '/v1/customers/{customer-tenant-id}/subscriptions/{subscription-id}',
    );
  });

  it("names the product from the subscription's offerId, part by part", () => {
    expect(body({ ...SUB, id: 's-1', offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K5BF' })).toStrictEqual({
      id: 's-1',
      autoRenewEnabled: true,
      scheduledNextTermInstructions: {
        product: {
          productId: 'CFQ7TTC0LH18',
          skuId: '0001',
          availabilityId: 'CFQ7TTC0K5BF',
          billingCycle: 'monthly',
          termDuration: 'P1Y',
        },
        quantity: 8,
      },
    });
    expect(body({ ...SUB, offerId: 'CFQ7TTC0LH18' })).toStrictEqual({
      autoRenewEnabled: true,
      scheduledNextTermInstructions: {
        product: { productId: 'CFQ7TTC0LH18', billingCycle: 'monthly', termDuration: 'P1Y' },
        quantity: 8,
      },
    });
  });

  it('ignores an offerId that is empty or not text', () => {
    const plain = body(SUB);
    expect(body({ ...SUB, offerId: '' })).toStrictEqual(plain);
    expect(body({ ...SUB, offerId: 42 })).toStrictEqual(plain);
  });
});
