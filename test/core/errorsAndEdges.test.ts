// Pins what earlier tests left unpinned in core: the field each error
// names, leap years and four-digit years, the month-sum cache keys, decimal
// length limits, truncation, allocation across scales, policy shape checks,
// unknown values and the description of a received value.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMoney,
  addMonthsFromAnchor,
  allocate,
  CspRuleError,
  calendarDayOf,
  compareDays,
  daysBetween,
  definePolicy,
  formatMoney,
  inclusiveDayCount,
  isUnknownValue,
  knownCurrencies,
  moneyFromDecimal,
  multiplyMoney,
  parseCalendarDay,
  parseDecimal,
  parseInstant,
  policyInForce,
  startOfDay,
  subtractMoney,
} from '../../src/core/index.js';
import {
  assertSameCurrency,
  checkPerpetual,
  checkSubscription,
  oneOf,
  policyAtMs,
} from '../../src/core/internal.js';
import { messageOf } from '../support/errors.js';
import { SUBSCRIPTION } from './fixtures.js';

const EUR = (minor: number) => ({ currency: 'EUR', minor });

describe('calendar days', () => {
  it('century years are leap years only when divisible by 400', () => {
    expect(parseCalendarDay('2000-02-29')).toBe('2000-02-29');
    expect(parseCalendarDay('2400-02-29')).toBe('2400-02-29');
    expect(parseCalendarDay('2024-02-29')).toBe('2024-02-29');
    expect(messageOf(() => parseCalendarDay('1900-02-29'))).toBe(
      'invalid_calendar_day [day] day: "1900-02-29" is not a real calendar date',
    );
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
  });

  it('years before 1000 are written with four digits', () => {
    expect(parseCalendarDay('0999-12-31')).toBe('0999-12-31');
    expect(addDays('1000-01-01', -1)).toBe('0999-12-31');
    expect(addDays('0100-01-01', -1)).toBe('0099-12-31');
    expect(addDays('0001-01-01', -1)).toBe('0000-12-31');
  });

  it('only a string is a day, even if it reads as one', () => {
    expect(messageOf(() => parseCalendarDay(['2021-10-14']))).toBe(
      'invalid_calendar_day [day] day: expected a "YYYY-MM-DD" string',
    );
    expect(messageOf(() => parseCalendarDay({ toString: () => '2021-10-14' }))).toBe(
      'invalid_calendar_day [day] day: expected a "YYYY-MM-DD" string',
    );
  });

  it('each function names the argument it could not read', () => {
    const calls: (() => unknown)[] = [
      () => addDays('2021-1-1', 1),
      () => startOfDay(20211014 as never),
      () => addMonthsFromAnchor('14/10/2021', 1),
      () => inclusiveDayCount('x', '2021-10-14'),
      () => inclusiveDayCount('2021-10-14', 'x'),
      () => daysBetween('x', '2021-10-14'),
      () => daysBetween('2021-10-14', 'x'),
      () => compareDays('x', '2021-10-14'),
      () => compareDays('2021-10-14', 'x'),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_calendar_day [day] day: expected a "YYYY-MM-DD" string",
        "invalid_calendar_day [day] day: expected a "YYYY-MM-DD" string",
        "invalid_calendar_day [anchor] anchor: expected a "YYYY-MM-DD" string",
        "invalid_calendar_day [from] from: expected a "YYYY-MM-DD" string",
        "invalid_calendar_day [to] to: expected a "YYYY-MM-DD" string",
        "invalid_calendar_day [from] from: expected a "YYYY-MM-DD" string",
        "invalid_calendar_day [to] to: expected a "YYYY-MM-DD" string",
        "invalid_calendar_day [a] a: expected a "YYYY-MM-DD" string",
        "invalid_calendar_day [b] b: expected a "YYYY-MM-DD" string",
      ]
    `);
  });
});

describe('adding months: the memoised sums never mix up anchors and counts', () => {
  it('counts above 32767 months do not share a cache slot with the next anchor', () => {
    expect(addMonthsFromAnchor('5000-03-15', 40_000)).toBe('8333-07-15');
    expect(addMonthsFromAnchor('5000-03-16', -25_536)).toBe('2872-03-16');
    // Two counts above the range, anchors one day apart, 65536 months apart.
    expect(addMonthsFromAnchor('1000-01-15', 40_000)).toBe('4333-05-15');
    expect(addMonthsFromAnchor('1000-01-14', 105_536)).toBe('9794-09-14');
  });

  it('counts below -32768 months do not share a cache slot with the previous anchor', () => {
    expect(addMonthsFromAnchor('9999-06-14', -40_000)).toBe('6666-02-14');
    expect(addMonthsFromAnchor('9999-06-15', -105_536)).toBe('1204-10-15');
  });

  it('anchors 65536 days apart stay distinct', () => {
    const far = addDays('2200-01-15', -65_536);
    expect(far).toBe('2020-08-10');
    expect(addMonthsFromAnchor('2200-01-15', 2)).toBe('2200-03-15');
    expect(addMonthsFromAnchor(far, 3)).toBe('2020-11-10');
  });
});

describe('instants', () => {
  it('day 00 is not a real date', () => {
    expect(messageOf(() => parseInstant('2021-10-00T10:00:00Z'))).toBe(
      'invalid_instant [instant] instant: "2021-10-00T10:00:00Z" is not a real date and time',
    );
  });

  it('offsets up to ±23:59 are accepted, 24 hours or 60 minutes are not', () => {
    expect(parseInstant('2021-10-14T10:00:00+23:59')).toEqual(new Date('2021-10-13T10:01:00Z'));
    expect(parseInstant('2021-10-14T10:00:00-00:59')).toEqual(new Date('2021-10-14T10:59:00Z'));
    expect(messageOf(() => parseInstant('2021-10-14T10:00:00+24:00'))).toBe(
      'invalid_instant [instant] instant: offset out of range',
    );
    expect(messageOf(() => parseInstant('2021-10-14T10:00:00+00:60'))).toBe(
      'invalid_instant [instant] instant: offset out of range',
    );
  });

  it('calendarDayOf names the instant by default', () => {
    expect(messageOf(() => calendarDayOf(42 as never))).toBe(
      'invalid_instant [instant] instant: expected a Date or an ISO-8601 string, got a number',
    );
  });
});

describe('describing a received value (never its content)', () => {
  it('names objects and every primitive type', () => {
    const got = [{}, true, 10n, Symbol('s'), () => 1].map((v) => messageOf(() => parseInstant(v)));
    expect(got).toEqual(
      ['an object', 'a boolean', 'a bigint', 'a symbol', 'a function'].map(
        (t) => `invalid_instant [instant] instant: expected a Date or an ISO-8601 string, got ${t}`,
      ),
    );
  });
});

describe('CspRuleError', () => {
  it('has a cause only when given one', () => {
    const plain = new CspRuleError('invalid_input', 'm', { field: 'f' });
    expect(Object.hasOwn(plain, 'cause')).toBe(false);
    const cause = new Error('root');
    const wrapped = new CspRuleError('invalid_input', 'm', { field: 'f', cause });
    expect(wrapped.cause).toBe(cause);
  });
});

describe('oneOf (internal guard)', () => {
  it('lists the allowed values, comma separated, under the field', () => {
    expect(messageOf(() => oneOf('weekly', ['monthly', 'annual'], 'cycle'))).toBe(
      'invalid_input [cycle] cycle: expected one of monthly, annual',
    );
    expect(messageOf(() => oneOf('x', ['a', 'b'], 'window', 'invalid_option'))).toBe(
      'invalid_option [window] window: expected one of a, b',
    );
    expect(oneOf('annual', ['monthly', 'annual'], 'cycle')).toBe('annual');
  });
});

describe('decimals', () => {
  it('accept up to 60 digits with a sign and a point (62 characters), not more', () => {
    const sixtyTwo = `+${'1'.repeat(30)}.${'5'.repeat(30)}`;
    expect(sixtyTwo).toHaveLength(62);
    expect(parseDecimal(sixtyTwo)).toBe(`${'1'.repeat(30)}.${'5'.repeat(30)}`);
    const sixtyOne = `${'1'.repeat(30)}.${'5'.repeat(30)}`;
    expect(parseDecimal(sixtyOne)).toBe(sixtyOne);
    expect(messageOf(() => parseDecimal(`${sixtyTwo}5`))).toBe(
      'invalid_decimal [amount] amount: the value is not a plain decimal (digits, optional sign and "." point)',
    );
  });

  it('echo the input only when it is entirely made of number characters', () => {
    const msg = (shown: string) =>
      `invalid_decimal [amount] amount:${shown} is not a plain decimal (digits, optional sign and "." point)`;
    expect(messageOf(() => parseDecimal('1,5'))).toBe(msg(' "1,5"'));
    expect(messageOf(() => parseDecimal('x1,5'))).toBe(msg(' the value'));
    expect(messageOf(() => parseDecimal('1,5x'))).toBe(msg(' the value'));
  });

  it('truncate drops the excess digits even above one half', () => {
    expect(moneyFromDecimal('EUR', '1.009', 'truncate')).toEqual(EUR(100));
    expect(moneyFromDecimal('EUR', '1.005', 'half_up')).toEqual(EUR(101));
    expect(moneyFromDecimal('EUR', '1.005', 'half_even')).toEqual(EUR(100));
    expect(moneyFromDecimal('EUR', '1.015', 'half_even')).toEqual(EUR(102));
    expect(moneyFromDecimal('EUR', '1.009', 'half_even')).toEqual(EUR(101));
  });
});

describe('money', () => {
  it('each function names the argument it could not use', () => {
    const max = EUR(Number.MAX_SAFE_INTEGER);
    const calls: (() => unknown)[] = [
      () => moneyFromDecimal('EUR', 'abc'),
      () => moneyFromDecimal('EUR', '100000000000000000000'),
      () => formatMoney({ currency: 'XYZ', minor: 1 }),
      () => addMoney(null as never),
      () => addMoney(EUR(1), null as never),
      () => addMoney(max, max),
      () => subtractMoney(null as never, EUR(1)),
      () => subtractMoney(EUR(1), null as never),
      () => subtractMoney(EUR(1), { currency: 'USD', minor: 1 }),
      () => multiplyMoney(null as never, 1),
      () => multiplyMoney(max, 2),
      () => allocate(null as never, [1]),
      () => assertSameCurrency(EUR(1), { currency: 'USD', minor: 1 }),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_decimal [amount] amount: the value is not a plain decimal (digits, optional sign and "." point)",
        "invalid_money [amount] amount: minor units must be a non-negative safe integer, got 1e+22",
        "unknown_currency [money.currency] money.currency: unknown ISO 4217 currency "XYZ"",
        "invalid_money [amounts[0]] amounts[0]: expected { currency, minor }, got null",
        "invalid_money [amounts[1]] amounts[1]: expected { currency, minor }, got null",
        "invalid_money [total] total: minor units must be a non-negative safe integer, got 18014398509481982",
        "invalid_money [a] a: expected { currency, minor }, got null",
        "invalid_money [b] b: expected { currency, minor }, got null",
        "currency_mismatch [b] b: cannot combine EUR with USD",
        "invalid_money [money] money: expected { currency, minor }, got null",
        "invalid_money [result] result: minor units must be a non-negative safe integer, got 18014398509481982",
        "invalid_money [total] total: expected { currency, minor }, got null",
        "currency_mismatch [money] money: cannot combine EUR with USD",
      ]
    `);
  });

  it('allocate brings weights of different scales to one scale', () => {
    expect(allocate(EUR(100), ['1.5', '1'])).toEqual([EUR(60), EUR(40)]);
    expect(allocate(EUR(100), ['1', '0.25'])).toEqual([EUR(80), EUR(20)]);
    expect(allocate(EUR(100), [0.125, '0.5'])).toEqual([EUR(20), EUR(80)]);
  });

  it('allocate gives the units left over to the largest remainders first', () => {
    // Shares 5, 1, 3 (remainders 0, 4, 2 sixths): the unit left goes to the second.
    expect(allocate(EUR(10), [3, 1, 2])).toEqual([EUR(5), EUR(2), EUR(3)]);
  });
});

describe('currencies', () => {
  it('knownCurrencies is sorted', () => {
    const list = knownCurrencies();
    expect(list).toEqual([...list].sort());
    expect(list.slice(0, 3)).toEqual(['AED', 'AFN', 'ALL']);
    expect(list.at(-1)).toBe('ZWL');
  });
});

describe('dated policies: shape checks', () => {
  const version = { effectiveFrom: '2021-01-01', source: 's', value: 1 };
  it('name the faulty part', () => {
    const calls: (() => unknown)[] = [
      () => definePolicy(42 as never),
      () => definePolicy({ id: 42, versions: [version] } as never),
      () => definePolicy({ id: 'p', versions: [null] } as never),
      () =>
        definePolicy({
          id: 'p',
          versions: [{ ...version, effectiveFrom: ['2021-01-01'] }],
        } as never),
      () => definePolicy({ id: 'p', versions: [{ ...version, source: 42 }] } as never),
      () => policyInForce({ id: 'p', versions: [version] }, 'yesterday'),
      () => policyAtMs({ id: 'p', versions: [version] }, 0),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_policy [policy] policy: expected { id, versions }, got a number",
        "invalid_policy [policy.id] policy.id: expected a non-empty string",
        "invalid_policy [policy.versions[0].effectiveFrom] policy.versions[0].effectiveFrom: expected YYYY-MM-DD",
        "invalid_policy [policy.versions[0].effectiveFrom] policy.versions[0].effectiveFrom: expected YYYY-MM-DD",
        "invalid_policy [policy.versions[0].source] policy.versions[0].source: every version needs its source",
        "invalid_instant [asOf] asOf: the value is not an ISO-8601 instant (YYYY-MM-DDTHH:mm:ssZ, an offset, or YYYY-MM-DD)",
        "no error",
      ]
    `);
  });

  it('an impossible effectiveFrom day is invalid_policy, naming its version', () => {
    let caught: { code?: unknown; field?: unknown; message?: unknown } = {};
    try {
      definePolicy({ id: 'p', versions: [{ ...version, effectiveFrom: '2021-02-30' }] });
    } catch (e) {
      caught = e as typeof caught;
    }
    expect(caught.code).toBe('invalid_policy');
    expect(caught.field).toBe('policy.versions[0].effectiveFrom');
    expect(caught.message).toBe(
      'policy.versions[0].effectiveFrom: "2021-02-30" is not a real calendar date',
    );
  });
});

describe('unknown values', () => {
  it('are objects carrying an `unknown` string, nothing else', () => {
    expect(isUnknownValue({ unknown: 'quarterly' })).toBe(true);
    expect(isUnknownValue(null)).toBe(false);
    expect(isUnknownValue(undefined)).toBe(false);
    expect(isUnknownValue({})).toBe(false);
    expect(isUnknownValue({ unknown: 5 })).toBe(false);
    expect(isUnknownValue('quarterly')).toBe(false);
    expect(isUnknownValue(Object.assign(() => 0, { unknown: 'x' }))).toBe(false);
  });
});

describe('purchases: every field is named in its error', () => {
  const sub = SUBSCRIPTION;
  const perp = {
    kind: 'perpetual',
    purchasedAt: '2022-05-02T08:00:00Z',
    quantity: 1,
    unitPrice: '899.00',
    currency: 'USD',
  };
  it('subscription and perpetual purchase', () => {
    const calls: (() => unknown)[] = [
      () => checkSubscription({ ...sub, productFamily: 5 }),
      () => checkSubscription({ ...sub, renewalCompletedAt: 'soon' }),
      () => checkPerpetual({ ...perp, currency: 'XYZ' }),
      () => checkPerpetual({ ...perp, id: 5 }),
      () => checkPerpetual({ ...perp, purchasedAt: 'soon' }),
      () => checkPerpetual({ ...perp, publisher: 5 }),
      () => checkPerpetual({ ...perp, productName: 5 }),
      () => checkPerpetual({ ...perp, orderId: 5 }),
      () => checkPerpetual({ ...perp, quantity: 0 }),
      () => checkPerpetual({ ...perp, unitPrice: 'free' }),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_input [subscription.productFamily] subscription.productFamily: expected a string",
        "invalid_instant [subscription.renewalCompletedAt] subscription.renewalCompletedAt: the value is not an ISO-8601 instant (YYYY-MM-DDTHH:mm:ssZ, an offset, or YYYY-MM-DD)",
        "unknown_currency [purchase.currency] purchase.currency: unknown ISO 4217 currency "XYZ"",
        "invalid_input [purchase.id] purchase.id: expected a string",
        "invalid_instant [purchase.purchasedAt] purchase.purchasedAt: the value is not an ISO-8601 instant (YYYY-MM-DDTHH:mm:ssZ, an offset, or YYYY-MM-DD)",
        "invalid_input [purchase.publisher] purchase.publisher: expected a string",
        "invalid_input [purchase.productName] purchase.productName: expected a string",
        "invalid_input [purchase.orderId] purchase.orderId: expected a string",
        "invalid_quantity [purchase.quantity] purchase.quantity: expected a whole number of at least 1, got 0",
        "invalid_decimal [purchase.unitPrice] purchase.unitPrice: the value is not a plain decimal (digits, optional sign and "." point)",
      ]
    `);
  });
});
