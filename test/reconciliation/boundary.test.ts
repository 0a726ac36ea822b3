// What the built-package fuzz found at reconciliation's boundary: a caller's
// mistake is one CspRuleError with its field, never a TypeError, a stack
// overflow or a finding per hole of a sparse array; no NaN reaches a result.
import { describe, expect, it } from 'vitest';
import { billedLineReader, reconcile, reconcileAsync } from '../../src/reconciliation/index.js';

const purchases = [
  {
    customerId: 'c1',
    purchase: {
      kind: 'subscription',
      id: 's1',
      purchasedAt: '2021-07-15T09:00:00Z',
      term: 'P1M',
      billingFrequency: 'monthly',
      quantity: 10,
      unitPrice: '10.08',
      currency: 'EUR',
    },
  },
] as const;
const line = {
  CustomerId: 'c1',
  SubscriptionId: 's1',
  ChargeType: 'new',
  ChargeStartDate: '7/15/2021',
  ChargeEndDate: '8/14/2021',
  UnitPrice: '10.08',
  BillableQuantity: '10',
  Subtotal: '100.80',
  Currency: 'EUR',
};
const ruleError = (field: string) => expect.objectContaining({ name: 'CspRuleError', field });

describe("reconciliation's boundary", () => {
  it('refuses lines or purchases that are not iterable', async () => {
    expect(() => reconcile(7 as never, purchases)).toThrow(ruleError('lines'));
    expect(() => reconcile([line], {} as never)).toThrow(ruleError('purchases'));
    expect(() => reconcile([line], null as never)).toThrow(ruleError('purchases'));
    await expect(reconcileAsync({} as never, purchases)).rejects.toThrow(ruleError('lines'));
  });

  it('takes any iterable of purchases, not only an array', () => {
    expect(reconcile([line], new Set(purchases)).matched).toBe(1);
  });

  it('refuses a hole at once, however long the sparse array', () => {
    const sparse = new Array(2 ** 27);
    sparse[0] = line;
    expect(() => reconcile(sparse, purchases)).toThrow(ruleError('lines[1]'));
  });

  it('still reports a value that is not a record as a malformed line', () => {
    const r = reconcile([line, 'text' as never], purchases);
    expect(r.findings).toMatchObject([
      { code: 'malformed_line', line: 2, problem: 'not a record' },
    ]);
  });

  it('never carries a line number that is not a whole number', () => {
    const r = reconcile(
      [{ malformed: { line: Number.NaN, field: null, problem: 'x' } } as never],
      purchases,
    );
    expect(r.findings[0]).toMatchObject({ code: 'malformed_line', line: 1 });
    const read = billedLineReader(['SubscriptionId', 'ChargeType']);
    expect(() => read(['s1', 'new'], Number.NaN)).toThrow(ruleError('line'));
    expect(() => read('s1' as never, 2)).toThrow(ruleError('values'));
  });

  it('reads a header only of strings, of a bounded width', () => {
    expect(() => billedLineReader(null as never)).toThrow(ruleError('header'));
    expect(() => billedLineReader([['a']] as never)).toThrow(ruleError('header[0]'));
    expect(() => billedLineReader(Object.create(null) as never)).toThrow(ruleError('header'));
    expect(() => billedLineReader(new Array(2 ** 27) as never)).toThrow(ruleError('header'));
    const read = billedLineReader(['x'.repeat(5_000_000), 'SubscriptionId']);
    expect(read(['a', 's1'], 2).subscriptionId).toBe('s1');
  });
});
