// cancellationRefund checks the purchase once and hands that check to the
// cancellation rule it asks: the same answer, one read of each field, and
// nothing kept once the call returns.
import { describe, expect, it } from 'vitest';
import { evaluateCancellation } from '../../src/cancellation/index.js';
import { cancellationRefund } from '../../src/refunds/index.js';

function counted() {
  const reads = { purchasedAt: 0 };
  const sub = {
    kind: 'subscription',
    term: 'P1Y',
    billingFrequency: 'monthly',
    quantity: 3,
    unitPrice: '10.08',
    currency: 'EUR',
    get purchasedAt() {
      reads.purchasedAt++;
      return '2024-01-31T10:00:00Z';
    },
  } as const;
  return { sub, reads };
}

describe('cancellationRefund checks the purchase once', () => {
  it('reads each field of the purchase once, and gives the decision evaluateCancellation gives', () => {
    const { sub, reads } = counted();
    const r = cancellationRefund(sub, { asOf: '2024-02-03T12:00:00Z' });
    expect(reads.purchasedAt).toBe(1);
    expect(r.cancellation).toEqual(evaluateCancellation(sub, { asOf: '2024-02-03T12:00:00Z' }));
  });

  it('keeps nothing once it returns: the same object, changed, is checked again', () => {
    const sub: Record<string, unknown> = {
      kind: 'subscription',
      purchasedAt: '2024-01-31T10:00:00Z',
      term: 'P1Y',
      billingFrequency: 'monthly',
      quantity: 3,
      unitPrice: '10.08',
      currency: 'EUR',
    };
    expect(cancellationRefund(sub as never, { asOf: '2024-02-03T12:00:00Z' }).allowed).toBe(true);
    sub['purchasedAt'] = '2023-06-15T10:00:00Z';
    expect(evaluateCancellation(sub as never, { asOf: '2024-02-03T12:00:00Z' }).allowed).toBe(
      false,
    );
    sub['quantity'] = -1;
    expect(() => evaluateCancellation(sub as never, { asOf: '2024-02-03T12:00:00Z' })).toThrow(
      expect.objectContaining({ code: 'invalid_quantity' }),
    );
  });

  it('keeps nothing after an error inside the call either', () => {
    const sub: Record<string, unknown> = {
      kind: 'subscription',
      purchasedAt: '2024-01-31T10:00:00Z',
      term: 'P1Y',
      billingFrequency: 'monthly',
      quantity: 3,
      unitPrice: '10.08',
      currency: 'EUR',
    };
    expect(() =>
      cancellationRefund(sub as never, { asOf: '2024-02-03T12:00:00Z', roles: [7] as never }),
    ).toThrow(expect.objectContaining({ field: 'roles[0]' }));
    sub['quantity'] = 0;
    expect(() => evaluateCancellation(sub as never, { asOf: '2024-02-03T12:00:00Z' })).toThrow(
      expect.objectContaining({ field: 'purchase.quantity' }),
    );
  });
});
