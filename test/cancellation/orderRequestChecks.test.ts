// Edges of cancellation's input checks that earlier tests left open: the
// field a hole is reported at, negative line numbers, bad window-policy values.
import { describe, expect, it } from 'vitest';
import { cancellationWindow, evaluateCancellation } from '../../src/cancellation/index.js';
import { softwareOrderCancellationRequest } from '../../src/cancellation/order/index.js';
import { expectRuleError } from '../support/errors.js';
import { P1Y_MONTHLY } from './fixtures.js';

const line = (lineItemNumber: number) => ({
  lineItemNumber,
  offerId: 'DG7GMGF0FKZV:0001:DG7GMGF0D3SJ',
  quantity: 1,
});
const order = (lineItems: unknown[]) => ({
  id: 'TXQ2MZG9VDDB',
  status: 'completed',
  lineItems,
});
function withHole(first: unknown): unknown[] {
  const a: unknown[] = new Array(2);
  a[0] = first;
  return a;
}

describe('softwareOrderCancellationRequest', () => {
  it("names the hole in the order's line items and in the request", () => {
    expectRuleError(
      () => softwareOrderCancellationRequest(order(withHole(line(0))) as never),
      'invalid_input',
      'order.lineItems[1]',
    );
    expectRuleError(
      () =>
        softwareOrderCancellationRequest(order([line(0), line(1)]) as never, withHole(0) as never),
      'invalid_input',
      'lineItems[1]',
    );
  });
  it('refuses a negative or fractional line item number', () => {
    for (const n of [-1, 1.5, Number.NaN]) {
      expectRuleError(
        () => softwareOrderCancellationRequest(order([line(n)]) as never),
        'invalid_input',
        'order.lineItems[0].lineItemNumber',
      );
    }
    expect(softwareOrderCancellationRequest(order([line(0)]) as never).body.lineItems).toEqual([
      { lineItemNumber: 0, offerId: 'DG7GMGF0FKZV:0001:DG7GMGF0D3SJ' },
    ]);
  });
});

describe("a caller's window policy is checked value by value", () => {
  const sub = P1Y_MONTHLY;
  const policy = (value: unknown) => ({
    id: 'my.window',
    versions: [{ effectiveFrom: '2020-01-01', source: 'https://example.com', value }],
  });
  it.each([
    ['null', null],
    ['a number', 7],
    ['no days', {}],
    ['0 days', { days: 0 }],
    ['3661 days', { days: 3661 }],
    ['1.5 days', { days: 1.5 }],
  ])('refuses %s', (_name, value) => {
    expectRuleError(
      () => evaluateCancellation(sub, { asOf: '2022-03-02', policy: policy(value) as never }),
      'invalid_policy',
      'policy.versions[0].value.days',
    );
  });
  it('reads a copy of the versions: an own `constructor` on the array is never called', () => {
    const p = policy({ days: 10 });
    Object.defineProperty(p.versions, 'constructor', { value: -0 });
    const w = cancellationWindow(sub, { asOf: '2022-03-02', policy: p as never });
    expect(w.closesAt).toEqual(new Date('2022-03-11T09:30:00Z'));
  });
  it('accepts 1 and 3660 days', () => {
    for (const days of [1, 3660]) {
      const d = evaluateCancellation(sub, {
        asOf: '2022-03-01T10:00:00Z',
        policy: policy({ days }) as never,
      });
      expect(d.allowed).toBe(true);
    }
  });
});
