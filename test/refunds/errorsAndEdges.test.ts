// Pins the refund edges that earlier tests left unguarded: every option and
// amount error with its field, the cap flag at exact equality, later charge
// cycles, the window's exact opening, and that a refund never alters the
// cancellation decision it reuses.
import { describe, expect, it } from 'vitest';
import { evaluateCancellation } from '../../src/cancellation/index.js';
import type { PerpetualPurchase, SoftwareSubscription } from '../../src/core/index.js';
import { cancellationRefund, remainingObligation } from '../../src/refunds/index.js';
import { messageOf } from '../support/errors.js';

/** P1Y billed monthly, EUR 10.00, bought mid-month: cycle k runs the 10th to the 9th. */
const sub: SoftwareSubscription = {
  kind: 'subscription',
  purchasedAt: '2022-01-10T10:00:00Z',
  term: 'P1Y',
  billingFrequency: 'monthly',
  quantity: 1,
  unitPrice: '10.00',
  currency: 'EUR',
};

const order: PerpetualPurchase = {
  kind: 'perpetual',
  purchasedAt: '2023-03-10T11:00:00Z',
  quantity: 2,
  unitPrice: '899.00',
  currency: 'USD',
};

const asOf = '2022-01-12T00:00:00Z';

describe('cancellationRefund: option messages', () => {
  it('pins fullRefundWithin errors (text is never repeated, other types are named)', () => {
    const calls: (() => unknown)[] = [
      () => cancellationRefund(sub, { asOf, fullRefundWithin: ['PT24H'] as never }),
      () => cancellationRefund(sub, { asOf, fullRefundWithin: 24 as never }),
      () => cancellationRefund(sub, { asOf, fullRefundWithin: 'P' }),
      () => cancellationRefund(sub, { asOf, fullRefundWithin: 'PT' }),
      () => cancellationRefund(sub, { asOf, fullRefundWithin: 'P1DT' }),
      () => cancellationRefund(sub, { asOf, fullRefundWithin: 'one day' }),
      () => cancellationRefund(sub, { asOf, fullRefundWithin: 'PT0H' }),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_duration [fullRefundWithin] fullRefundWithin: expected an ISO-8601 duration in days, hours, minutes or seconds such as "PT24H", got an array",
        "invalid_duration [fullRefundWithin] fullRefundWithin: expected an ISO-8601 duration in days, hours, minutes or seconds such as "PT24H", got a number",
        "invalid_duration [fullRefundWithin] fullRefundWithin: expected an ISO-8601 duration in days, hours, minutes or seconds such as "PT24H", got another text",
        "invalid_duration [fullRefundWithin] fullRefundWithin: expected an ISO-8601 duration in days, hours, minutes or seconds such as "PT24H", got another text",
        "invalid_duration [fullRefundWithin] fullRefundWithin: expected an ISO-8601 duration in days, hours, minutes or seconds such as "PT24H", got another text",
        "invalid_duration [fullRefundWithin] fullRefundWithin: expected an ISO-8601 duration in days, hours, minutes or seconds such as "PT24H", got another text",
        "invalid_duration [fullRefundWithin] fullRefundWithin: the duration must be longer than zero",
      ]
    `);
  });

  it('pins rounding, cycleDays and quantity errors', () => {
    const calls: (() => unknown)[] = [
      () => cancellationRefund(sub, { asOf, rounding: null as never }),
      () => cancellationRefund(sub, { asOf, rounding: 5 as never }),
      () => cancellationRefund(sub, { asOf, rounding: ['truncate'] as never }),
      () => cancellationRefund(sub, { asOf, rounding: { apply: 'both' } as never }),
      () => cancellationRefund(sub, { asOf, cycleDays: 'weekly' as never }),
      () => cancellationRefund(sub, { asOf, quantity: 1 }),
      () => cancellationRefund(order, { asOf: '2023-03-12', quantity: 0 }),
      () => cancellationRefund(order, { asOf: '2023-03-12', quantity: 1.5 }),
      () => cancellationRefund(order, { asOf: '2023-03-12', quantity: '1' as never }),
      () => cancellationRefund(order, { asOf: '2023-03-12', quantity: 3 }),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_rounding [rounding] rounding: expected a mode or { mode, apply }, got null",
        "invalid_rounding [rounding] rounding: expected a mode or { mode, apply }, got a number",
        "invalid_rounding [rounding] rounding: expected a mode or { mode, apply }, got an array",
        "invalid_rounding [rounding.apply] rounding.apply: expected per-unit or total",
        "invalid_option [cycleDays] cycleDays: expected one of cycle, month_of_start",
        "invalid_option [quantity] quantity: a subscription is refunded for all its licences (quantity applies to perpetual orders)",
        "invalid_quantity [quantity] quantity: expected a whole number of at least 1, got 0",
        "invalid_quantity [quantity] quantity: expected a whole number of at least 1, got 1.5",
        "invalid_quantity [quantity] quantity: expected a whole number of at least 1, got a string",
        "invalid_quantity [quantity] quantity: 3 is more than the order's 2 licences",
      ]
    `);
  });

  it('a valid duration is applied (full refund within it)', () => {
    const r = cancellationRefund(sub, {
      asOf: '2022-01-11T09:59:59.999Z',
      fullRefundWithin: 'P1D',
    });
    expect(r.computation).toMatchObject({
      method: 'full_refund_within',
      fullRefundWithin: { duration: 'P1D', until: new Date('2022-01-11T10:00:00Z') },
    });
  });
});

describe('cancellationRefund: amounts too large for safe minor units', () => {
  it('names the unit price, for the charge and for the term total', () => {
    const calls: (() => unknown)[] = [
      () => cancellationRefund({ ...sub, unitPrice: '100000000000000', quantity: 100 }, { asOf }),
      () => cancellationRefund({ ...sub, unitPrice: '10000000000000' }, { asOf }),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_money [purchase.unitPrice] purchase.unitPrice: the amount is too large for safe minor units",
        "invalid_money [purchase.unitPrice] purchase.unitPrice: the term total is too large",
      ]
    `);
  });
});

describe('cancellationRefund: subscription figures', () => {
  it('a cancellation on the cycle first day refunds the whole cycle and is not capped', () => {
    const r = cancellationRefund(sub, { asOf: '2022-01-10T12:00:00Z' });
    expect(r.refund).toEqual({ currency: 'EUR', minor: 1000 });
    expect(r.computation).toMatchObject({
      method: 'whole_cycle',
      refundDays: 31,
      cycleDays: 31,
      capped: false,
    });
  });

  it('only cycles after the current one are not billed (a window lengthened into cycle 1)', () => {
    const r = cancellationRefund(sub, {
      asOf: '2022-02-15T00:00:00Z',
      minimumWindowDays: 60,
    });
    expect(r.allowed).toBe(true);
    expect(r.computation).toMatchObject({ cycle: { termIndex: 0, index: 1 } });
    expect(r.notBilled).toEqual({
      count: 10,
      from: '2022-03-10',
      to: '2023-01-09',
      amountEach: { currency: 'EUR', minor: 1000 },
      total: { currency: 'EUR', minor: 10_000 },
      installments: null,
    });
  });

  it('installments are listed only when asked, even when other options are given', () => {
    expect(
      cancellationRefund(sub, { asOf, cycleDays: 'cycle' }).notBilled?.installments,
    ).toBeNull();
    expect(
      cancellationRefund(sub, { asOf, cycleDays: 'cycle', listInstallments: true }).notBilled
        ?.installments,
    ).toHaveLength(11);
  });

  it('an unknown term or billing frequency is refused with its unknown_value reason', () => {
    const term = cancellationRefund({ ...sub, term: { unknown: 'P5Y' } }, { asOf });
    expect(term.allowed).toBe(false);
    expect(term.reasons).toEqual([{ code: 'unknown_value', field: 'purchase.term', raw: 'P5Y' }]);
    expect(term.refund).toEqual({ currency: 'EUR', minor: 0 });
    const freq = cancellationRefund({ ...sub, billingFrequency: { unknown: 'weekly' } }, { asOf });
    expect(freq.allowed).toBe(false);
    expect(freq.reasons).toEqual([
      { code: 'unknown_value', field: 'purchase.billingFrequency', raw: 'weekly' },
    ]);
  });
});

describe('cancellationRefund: a credit adds its rules without touching the cancellation decision', () => {
  it('the reused decision keeps its own rules', () => {
    const asOf = '2023-03-12T00:00:00Z';
    const alone = evaluateCancellation(order, { asOf });
    const r = cancellationRefund(order, { asOf: asOf });
    expect(r.cancellation.rules).toEqual(alone.rules);
    expect(r.rules).toEqual([
      ...alone.rules,
      expect.objectContaining({ id: 'refunds.perpetual_credit' }),
      expect.objectContaining({ id: 'refunds.invoice_period' }),
    ]);
  });
});

describe('remainingObligation: messages', () => {
  it('pins the billing-frequency, range and amount errors', () => {
    const calls: (() => unknown)[] = [
      () =>
        remainingObligation({ ...sub, billingFrequency: { unknown: 'weekly' } }, { asOf: asOf }),
      () => remainingObligation(sub, { asOf: '2022-01-10T09:59:59.999Z' }),
      () =>
        remainingObligation(
          { ...sub, unitPrice: '100000000000000', quantity: 100 },
          { asOf: asOf },
        ),
      () => remainingObligation({ ...sub, unitPrice: '10000000000000' }, { asOf: asOf }),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_billing_frequency [subscription.billingFrequency] subscription.billingFrequency: not a billing frequency this version knows",
        "no error",
        "invalid_money [subscription.unitPrice] subscription.unitPrice: the amount is too large for safe minor units",
        "invalid_money [subscription.unitPrice] subscription.unitPrice: the term total is too large",
      ]
    `);
  });

  it('accepts asOf at the purchase instant', () => {
    const r = remainingObligation(sub, { asOf: '2022-01-10T10:00:00Z' });
    expect(r.windowOpen).toBe(true);
    expect(r.installments).toHaveLength(11);
  });
});

describe('remainingObligation: windowOpen is opensAt <= asOf < closesAt', () => {
  /** Monthly term renewed at 12:00Z on its renewal day: term 1's window opens then. */
  const renewed: SoftwareSubscription = {
    ...sub,
    term: 'P1M',
    autoRenew: true,
    renewalCompletedAt: '2022-02-10T12:00:00Z',
  };

  it('false before the renewal is completed, even on the renewal day', () => {
    const r = remainingObligation(renewed, { asOf: '2022-02-10T11:59:59.999Z' });
    expect(r.window?.opensAt.toISOString()).toBe('2022-02-10T12:00:00.000Z');
    expect(r.windowOpen).toBe(false);
    expect(r.allowed).toBe(false);
  });

  it('true from the opening instant', () => {
    expect(remainingObligation(renewed, { asOf: '2022-02-10T12:00:00Z' }).windowOpen).toBe(true);
  });

  it('false from the closing instant', () => {
    const r = remainingObligation(sub, { asOf: '2022-01-17T10:00:00Z' });
    expect(r.window?.closesAt.toISOString()).toBe('2022-01-17T10:00:00.000Z');
    expect(r.windowOpen).toBe(false);
    expect(remainingObligation(sub, { asOf: '2022-01-17T09:59:59.999Z' }).windowOpen).toBe(true);
  });
});
