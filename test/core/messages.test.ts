// Error messages are part of the contract people read in logs: pin them all,
// so a changed or emptied message is a visible diff (and mutants die).
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMoney,
  addMonthsFromAnchor,
  allocate,
  currencyExponent,
  definePolicy,
  formatMoney,
  inclusiveDayCount,
  money,
  moneyFromDecimal,
  multiplyMoney,
  parseBillingFrequency,
  parseCalendarDay,
  parseDecimal,
  parseInstant,
  parseQuantity,
  parseTerm,
  policyInForce,
  subtractMoney,
} from '../../src/core/index.js';
import { checkPerpetual, checkPurchase, checkSubscription } from '../../src/core/internal.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    const err = e as { code: string; field: string; message: string };
    return `${err.code} [${err.field}] ${err.message}`;
  }
  return 'no error';
}

const sub = {
  kind: 'subscription',
  purchasedAt: '2022-01-31T10:00:00Z',
  term: 'P1Y',
  billingFrequency: 'monthly',
  quantity: 3,
  unitPrice: '10.08',
  currency: 'EUR',
};
const policy = { id: 'p', versions: [{ effectiveFrom: '2021-01-01', source: 's', value: 1 }] };

describe('core error messages', () => {
  it('say what is wrong, with the field, and echo only harmless text', () => {
    const calls: (() => unknown)[] = [
      () => parseInstant(new Date(Number.NaN), 'asOf'),
      () => parseInstant(42),
      () => parseInstant(undefined),
      () => parseInstant('2021-10-14T10:00'),
      () => parseInstant('2021-10-14T24:00:00Z'),
      () => parseInstant('2021-10-14T10:00:00+24:00'),
      () => parseInstant('not a date'),
      () => parseInstant('ABCDE-FGHIJ-KLMNO-PQRST-UVWXY'),
      () => parseCalendarDay('2021-02-30'),
      () => parseCalendarDay(20211014),
      () => addDays('2021-10-14', 0.5),
      () => addMonthsFromAnchor('2021-10-14', Number.NaN),
      () => inclusiveDayCount('2021-10-15', '2021-10-14'),
      () => parseDecimal('10,08'),
      () => parseDecimal('ABCDE-FGHIJ'),
      () => parseDecimal(Number.NaN),
      () => parseDecimal(null),
      () => currencyExponent('XYZ'),
      () => currencyExponent('not-a-currency'),
      () => currencyExponent(7),
      () => money('EUR', -1),
      () => money('EUR', '1' as never),
      () => moneyFromDecimal('-1', 'EUR'),
      () => moneyFromDecimal('1.001', 'EUR'),
      () => moneyFromDecimal('1', 'EUR', 'up' as never),
      () => formatMoney(null as never),
      () => addMoney(),
      () => addMoney({ currency: 'EUR', minor: 1 }, { currency: 'USD', minor: 1 }),
      () => subtractMoney({ currency: 'EUR', minor: 1 }, { currency: 'EUR', minor: 2 }),
      () => multiplyMoney({ currency: 'EUR', minor: 1 }, -1),
      () => allocate({ currency: 'EUR', minor: 1 }, []),
      () => allocate({ currency: 'EUR', minor: 1 }, [0]),
      () => allocate({ currency: 'EUR', minor: 1 }, [1, -1]),
      () => parseTerm('P2Y'),
      () => parseBillingFrequency('weekly'),
      () => parseQuantity(0),
      () => parseQuantity('3'),
      () => definePolicy(null as never),
      () => definePolicy({ id: '', versions: [] } as never),
      () => definePolicy({ id: 'p', versions: [] }),
      () => definePolicy({ id: 'p', versions: [{ effectiveFrom: 'x', source: 's', value: 1 }] }),
      () =>
        definePolicy({
          id: 'p',
          versions: [{ effectiveFrom: '2021-01-01', source: '', value: 1 }],
        }),
      () =>
        definePolicy({
          id: 'p',
          versions: [
            { effectiveFrom: '2021-01-01', source: 's', value: 1 },
            { effectiveFrom: '2020-01-01', source: 's', value: 2 },
          ],
        }),
      () => policyInForce(policy, '2020-12-31'),
      () => checkSubscription(null),
      () => checkSubscription({ ...sub, kind: 'x' }),
      () => checkSubscription({ ...sub, unitPrice: '-1' }),
      () => checkSubscription({ ...sub, status: 'gone' }),
      () => checkSubscription({ ...sub, autoRenew: 1 }),
      () => checkSubscription({ ...sub, id: 1 }),
      () => checkPerpetual({ ...sub, kind: 'perpetual', status: 'open' }),
      () => checkPerpetual(sub),
      () => checkPurchase({ kind: 7 }),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_instant [asOf] asOf: Invalid Date",
        "invalid_instant [instant] instant: expected a Date or an ISO-8601 string, got a number",
        "invalid_instant [instant] instant: expected a Date or an ISO-8601 string, got undefined",
        "ambiguous_local_time [instant] instant: "2021-10-14T10:00" has no time zone; add "Z" (UTC) or an offset such as "+02:00"",
        "invalid_instant [instant] instant: "2021-10-14T24:00:00Z" is not a real date and time",
        "invalid_instant [instant] instant: offset out of range",
        "invalid_instant [instant] instant: the value is not an ISO-8601 instant (YYYY-MM-DDTHH:mm:ssZ, an offset, or YYYY-MM-DD)",
        "invalid_instant [instant] instant: the value is not an ISO-8601 instant (YYYY-MM-DDTHH:mm:ssZ, an offset, or YYYY-MM-DD)",
        "invalid_calendar_day [day] day: "2021-02-30" is not a real calendar date",
        "invalid_calendar_day [day] day: expected a "YYYY-MM-DD" string",
        "invalid_input [days] days: expected a whole number",
        "invalid_input [months] months: expected a whole number",
        "invalid_range [to] to (2021-10-14) is before from (2021-10-15)",
        "invalid_decimal [amount] amount: "10,08" is not a plain decimal (digits, optional sign and "." point)",
        "invalid_decimal [amount] amount: the value is not a plain decimal (digits, optional sign and "." point)",
        "invalid_decimal [amount] amount: expected a finite decimal, got NaN",
        "invalid_decimal [amount] amount: expected a decimal string or number, got null",
        "unknown_currency [currency] currency: unknown ISO 4217 currency "XYZ"",
        "unknown_currency [currency] currency: unknown ISO 4217 currency",
        "unknown_currency [currency] currency: unknown ISO 4217 currency",
        "invalid_money [minor] minor: minor units must be a non-negative safe integer, got -1",
        "invalid_money [minor] minor: minor units must be a non-negative safe integer, got a string",
        "invalid_money [amount] amount: must not be negative",
        "invalid_money [amount] amount: EUR has 2 decimals; pass a rounding mode to round 1.001",
        "invalid_rounding [rounding] rounding: expected one of truncate, half-even, half-up",
        "invalid_money [money] money: expected { currency, minor }, got null",
        "invalid_money [amounts] amounts: nothing to add",
        "currency_mismatch [amounts[1]] amounts[1]: cannot combine EUR with USD",
        "invalid_money [result] result: minor units must be a non-negative safe integer, got -1",
        "invalid_quantity [quantity] quantity: expected a non-negative whole number",
        "invalid_allocation [weights] weights: expected at least one weight",
        "invalid_allocation [weights] weights: at least one must be above zero",
        "invalid_allocation [weights[1]] weights[1]: must not be negative",
        "invalid_term [term] term: expected one of P1M, P1Y, P3Y",
        "invalid_billing_frequency [billingFrequency] billingFrequency: expected one of monthly, annual, triennial",
        "invalid_quantity [quantity] quantity: expected a whole number of at least 1, got 0",
        "invalid_quantity [quantity] quantity: expected a whole number of at least 1, got a string",
        "invalid_policy [policy] policy: expected { id, versions }, got null",
        "invalid_policy [policy.id] policy.id: expected a non-empty string",
        "invalid_policy [policy.versions] policy.versions: expected at least one version",
        "invalid_policy [policy.versions[0].effectiveFrom] policy.versions[0].effectiveFrom: expected YYYY-MM-DD",
        "invalid_policy [policy.versions[0].source] policy.versions[0].source: every version needs its source",
        "invalid_policy [policy.versions[1].effectiveFrom] policy.versions[1].effectiveFrom: versions must be in ascending order",
        "policy_not_in_force [policy] policy: "p" has no version in force at that date",
        "invalid_input [subscription] subscription: expected an object, got null",
        "invalid_input [subscription.kind] subscription.kind: expected "subscription"",
        "invalid_decimal [subscription.unitPrice] subscription.unitPrice: a price cannot be negative",
        "invalid_input [subscription.status] subscription.status: expected one of active, pending, suspended, disabled, expired, cancelled, deleted",
        "invalid_input [subscription.autoRenew] subscription.autoRenew: expected true or false",
        "invalid_input [subscription.id] subscription.id: expected a string",
        "invalid_input [purchase.status] purchase.status: expected completed or cancelled",
        "invalid_input [purchase.kind] purchase.kind: expected "perpetual"",
        "invalid_input [purchase.kind] purchase.kind: expected "subscription" or "perpetual", got a number",
      ]
    `);
  });
});
