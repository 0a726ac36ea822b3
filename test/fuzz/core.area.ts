// Valid samples and known bugs of core for the cross-area fuzz (see ../engine.ts).
import * as core from '../../src/core/index.js';
import type { AreaSpec, KnownBug, Sample } from './engine.js';
import { policy } from './fixtures.js';

const EUR = (minor: number) => ({ currency: 'EUR', minor });
const rule = () => ({ id: 'demo', source: 'https://example.com', effectiveFrom: '2021-10-14' });

const samples: Record<string, readonly Sample[]> = {
  addDays: [() => ['2021-10-14', 7], () => ['2024-03-01', -1]],
  addMoney: [() => [EUR(1008), EUR(92)], () => [EUR(1), EUR(2), EUR(3)]],
  addMonthsFromAnchor: [() => ['2021-01-31', 1], () => ['2020-02-29', 12]],
  allocate: [
    () => [EUR(1000), [1, 1, 1]],
    () => [{ currency: 'JPY', minor: 100 }, ['0.5', '0.25', '0.25']],
  ],
  calendarDayOf: [
    () => ['2021-10-14T01:30:00+02:00'],
    () => [new Date('2021-10-14T23:59:59.999Z')],
  ],
  compareDays: [() => ['2022-01-01', '2021-12-31']],
  currencyExponent: [() => ['EUR'], () => ['KWD', 'price.currency']],
  daysBetween: [() => ['2021-10-14', '2021-10-21']],
  decide: [
    () => [[], [rule()], { lastDay: '2021-10-21' }],
    () => [[{ code: 'window_closed' }], [rule()], {}],
  ],
  definePolicy: [() => [policy()]],
  formatMoney: [() => [EUR(9420)], () => [{ currency: 'KWD', minor: 1250 }]],
  frequencyMonths: [() => ['annual']],
  inclusiveDayCount: [() => ['2021-01-31', '2021-02-27']],
  isCspRuleError: [
    () => [new core.CspRuleError('unknown_market', 'Unknown market', { field: 'market' })],
  ],
  isUnknownValue: [() => [{ unknown: 'quarterly' }]],
  knownCurrencies: [() => []],
  money: [() => ['EUR', 9420]],
  moneyFromDecimal: [() => ['EUR', '94.2'], () => ['EUR', '10.085', 'half_even']],
  multiplyMoney: [() => [EUR(1008), 3]],
  parseBillingFrequency: [() => ['annual'], () => ['monthly', 'subscription.billingFrequency']],
  parseCalendarDay: [() => ['2024-02-29'], () => ['2024-02-29', 'day']],
  parseCurrency: [() => ['EUR'], () => [' eur ', 'price.currency']],
  parseDecimal: [() => ['10.080'], () => [1e-7, 'amount']],
  parseInstant: [() => ['2021-10-15T21:28:19.3058617Z'], () => [new Date(0), 'asOf']],
  parseQuantity: [() => [25], () => [1, 'quantity']],
  parseTerm: [() => ['P3Y'], () => ['P1M', 'term']],
  policyInForce: [
    () => [policy(), '2020-06-01'],
    () => [policy({ days: 7 }), new Date('2022-01-01T00:00:00Z'), 'policy'],
  ],
  startOfDay: [() => ['2021-10-14']],
  subtractMoney: [() => [EUR(1008), EUR(8)]],
  termMonths: [() => ['P3Y']],
  upfrontFrequency: [() => ['P1Y']],
};

/** Functions with an optional `field` argument (the name an error repeats), and its position. */
const fieldArg: Record<string, number> = {
  calendarDayOf: 1,
  currencyExponent: 1,
  parseBillingFrequency: 1,
  parseCalendarDay: 1,
  parseCurrency: 1,
  parseDecimal: 1,
  parseInstant: 1,
  parseQuantity: 1,
  parseTerm: 1,
  policyInForce: 2,
};

// Every bug the fuzz found in core is fixed; the it() tests in ../core.test.ts
// keep each minimal input.
const knownBugs: Record<string, KnownBug[]> = {};

export const spec: AreaSpec = {
  area: 'core',
  module: core,
  samples,
  knownBugs,
  fieldArg,
  // decide, definePolicy and policyInForce hand back the caller's own values.
  echoes: ['decide', 'definePolicy', 'policyInForce'],
};
