// Issue 27: the reconciler's lists are checked before they are walked: what
// is not an array or an iterable is a CspRuleError (a TypeError before), an
// endless iterable of purchases ends at the bound, and an expected line
// beyond safe minor units is refused instead of carrying Infinity.
import { describe, expect, it } from 'vitest';
import { expectedLines, reconcile, reconcileAsync } from '../../src/reconciliation/index.js';
import { expectRuleError, messageOf } from '../support/errors.js';

const purchase = {
  kind: 'subscription',
  id: 's1',
  purchasedAt: '2021-07-15T09:00:00Z',
  term: 'P1M',
  billingFrequency: 'monthly',
  quantity: 10,
  unitPrice: '10.08',
  currency: 'EUR',
} as const;
const purchases = [{ customerId: 'c1', purchase }];

describe('reconcile: lists that are not lists (issue 27)', () => {
  it.each([undefined, null, 5, 'lines', {}, () => [], Symbol.iterator])(
    'lines = %s is invalid_input on lines',
    (lines) => {
      expect(messageOf(() => reconcile(lines as never, purchases))).toMatch(
        /^invalid_input \[lines\] lines: expected an array or an iterable of records, got /,
      );
    },
  );
  it.each([undefined, null, 5, 'purchases', {}])('purchases = %s is invalid_input', (p) => {
    expect(messageOf(() => reconcile([], p as never))).toMatch(
      /^invalid_input \[purchases\] purchases: expected an array or an iterable, got /,
    );
  });
  it('iterables of either still work: a Set, a generator, a Map of purchases', () => {
    function* once() {
      yield* purchases;
    }
    const period = { period: '2021-07' } as const;
    expect(reconcile(new Set(), once(), period).findings.map((f) => f.code)).toEqual([
      'missing_charge',
    ]);
    const byId = new Map([['s1', purchases[0]]]);
    expect(reconcile([], byId.values() as never, period).findings.map((f) => f.code)).toEqual([
      'missing_charge',
    ]);
  });
  it('an endless iterable of purchases stops at 10,000,000 (it would never end)', () => {
    let made = 0;
    const endless = {
      *[Symbol.iterator]() {
        for (;;) {
          made++;
          yield null;
        }
      },
    };
    expectRuleError(() => reconcile([], endless as never), 'invalid_input', 'purchases');
    expect(made).toBe(10_000_001);
  });
  it('reconcileAsync rejects with the same error; an async iterable is taken', async () => {
    await expect(reconcileAsync(5 as never, purchases)).rejects.toMatchObject({
      name: 'CspRuleError',
      field: 'lines',
    });
    async function* none() {}
    await expect(reconcileAsync(none(), [])).resolves.toMatchObject({ ok: true });
  });
});

describe('expectedLines: amounts beyond safe minor units (issue 27)', () => {
  it('a price × quantity beyond 2^53 minor units is invalid_money, never Infinity', () => {
    expect(
      messageOf(() =>
        expectedLines({ ...purchase, unitPrice: '9'.repeat(20) }, { period: '2021-07' }),
      ),
    ).toBe(
      'invalid_money [purchase] purchase: a line is too large for safe minor units (price × quantity)',
    );
    expectRuleError(
      () => expectedLines({ ...purchase, unitPrice: 1e308 }, { period: '2021-07' }),
      'invalid_decimal',
      'purchase.unitPrice',
    );
    const ok = expectedLines({ ...purchase, unitPrice: '900719925474.09' }, { period: '2021-07' });
    expect(ok.lines[0]?.subtotal.minor).toBe(900719925474090);
  });
});
