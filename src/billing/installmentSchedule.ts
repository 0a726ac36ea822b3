/**
 * What is charged at each cycle start of a term.
 * @module
 */
import {
  type BillingFrequency,
  currencyExponent,
  type DecimalInput,
  type Money,
  parseCurrency,
  parseQuantity,
  type RoundingMode,
  type Term,
} from '../core/index.js';
import {
  asRecord,
  checkPrice,
  cyclesOfTerm,
  fail,
  formatEpochDay,
  monthsOfTerm,
  parseRoundingMode,
  priceTimesQuantityMinor,
} from '../core/internal.js';
import { type ChargeCycle, type ChargeCyclesInput, readCycleInput } from './chargeCycles.js';

/**
 * Input of {@link installmentSchedule}: the term's cycles, a quantity, and
 * **exactly one** of `unitPrice` (per licence per charge cycle, as the
 * subscription shape's `unitPrice`) or `unitPricePerTerm` (per licence for
 * the whole term).
 * @category Billing
 */
export interface InstallmentScheduleInput extends ChargeCyclesInput {
  /** Number of licences: a whole number of at least 1. */
  readonly quantity: number;
  /** Price of one licence per charge cycle (an exact decimal; may have more decimals than the currency). */
  readonly unitPrice?: DecimalInput;
  /** Price of one licence for the whole term, split across the cycles. */
  readonly unitPricePerTerm?: DecimalInput;
  /** ISO 4217 code of the price. */
  readonly currency: string;
  /** How an amount finer than the currency's minor unit is rounded, once per amount; default `half_even`. */
  readonly rounding?: RoundingMode;
}

/**
 * One installment: a charge cycle and the money due on its first day.
 * @category Billing
 */
export interface Installment extends ChargeCycle {
  /** The amount charged on `start` for the whole quantity. */
  readonly amount: Money;
}

/**
 * The result of {@link installmentSchedule}.
 * @category Billing
 */
export interface InstallmentSchedule {
  /** The term (0 = initial). */
  readonly termIndex: number;
  /** The term length. */
  readonly term: Term;
  /** The billing plan. */
  readonly billingFrequency: BillingFrequency;
  /** One installment per charge cycle, in order. */
  readonly installments: readonly Installment[];
  /** The sum of the installments: what the term costs. */
  readonly total: Money;
  /** The rounding mode applied. */
  readonly rounding: RoundingMode;
}

/**
 * The money due at each charge-cycle start of one term.
 *
 * - With `unitPrice` (per licence per cycle): every installment is
 *   `unitPrice × quantity`, rounded once to the currency's minor unit.
 * - With `unitPricePerTerm`: the term's total `unitPricePerTerm × quantity`,
 *   rounded once, is split across the cycles by largest remainder (as core
 *   `allocate` with equal weights), so the installments add up exactly to it;
 *   they differ by at most one minor unit, the earlier ones taking the extra
 *   units.
 *
 * Prices are exact decimals (no binary floating point). Rounding (our
 * reading; no Microsoft document states how charges are rounded): one
 * rounding of the exact product per amount, `half_even` by default (unbiased
 * over many records); pass `rounding` (`half_up`, `truncate`) to match your
 * invoices. Cycles are those of {@link chargeCycles}.
 *
 * @param input - The term (`purchasedAt`, `term`, `billingFrequency`, `termIndex`), `quantity`, one price, `currency`, optional `rounding`.
 * @returns The installments (cycle and amount), their total, and the rounding applied.
 * @throws {@link core!CspRuleError} `invalid_quantity` (0, negative, fractional),
 *   `invalid_decimal` (a price that is not a plain decimal, or negative),
 *   `invalid_input` (neither or both prices), `unknown_currency`,
 *   `invalid_rounding`, `invalid_money` (amount beyond safe integers), and the
 *   errors of {@link chargeCycles}.
 * @see https://learn.microsoft.com/partner-center/billing/common-billing-scenarios-onetime-recurring
 * @example
 * ```ts
 * import { installmentSchedule } from 'csp-software-rules/billing';
 *
 * const perCycle = installmentSchedule({ purchasedAt: '2022-03-15', term: 'P3Y', billingFrequency: 'annual', quantity: 4, unitPrice: '100.125', currency: 'EUR' });
 * perCycle.installments[0]; // => { index: 0, start: '2022-03-15', end: '2023-03-14', amount: { currency: 'EUR', minor: 40050 } }
 * perCycle.total; // => { currency: 'EUR', minor: 120150 }
 * const perTerm = installmentSchedule({ purchasedAt: '2022-01-31', term: 'P1Y', billingFrequency: 'monthly', quantity: 1, unitPricePerTerm: '100', currency: 'EUR' });
 * perTerm.installments.map((i) => i.amount.minor); // => [834, 834, 834, 834, 833, 833, 833, 833, 833, 833, 833, 833]
 * perTerm.total; // => { currency: 'EUR', minor: 10000 }
 * installmentSchedule({ purchasedAt: '2022-01-31', term: 'P1Y', billingFrequency: 'annual', quantity: 0, unitPrice: '10', currency: 'EUR' }); // => throws invalid_quantity
 * ```
 * @category Billing
 */
export function installmentSchedule(input: InstallmentScheduleInput): InstallmentSchedule {
  const r = asRecord(input, 'input');
  const { anchorDay, term, billingFrequency, cycleMonths, termIndex, offsetMonths, ...next } =
    readCycleInput(r);
  // A renewal's seats are the scheduled quantity when Partner Center has one.
  const quantity = next.quantity ?? parseQuantity(r['quantity'], 'quantity');
  const currency = parseCurrency(r['currency'], 'currency');
  const exponent = currencyExponent(currency, 'currency');
  const rounding = parseRoundingMode(r['rounding'] ?? 'half_even', 'rounding');
  const perTerm = r['unitPricePerTerm'];
  // The price given; when neither or both are, the one to blame.
  const field = perTerm === undefined ? 'unitPrice' : 'unitPricePerTerm';
  if ((r['unitPrice'] === undefined) === (perTerm === undefined)) {
    fail('invalid_input', field, 'give exactly one of unitPrice (per cycle) or unitPricePerTerm');
  }
  const cycles = cyclesOfTerm(anchorDay, monthsOfTerm(term), cycleMonths, termIndex, offsetMonths);
  const n = cycles.length;
  const minor = priceTimesQuantityMinor(
    checkPrice(r[field], field),
    quantity,
    exponent,
    rounding,
    field,
  );
  const total = perTerm === undefined ? minor * n : minor;
  if (!Number.isSafeInteger(total)) {
    fail('invalid_money', 'unitPrice', 'unitPrice: the term total is too large');
  }
  // Per cycle, `total` is n equal amounts. Per term, it is split as core
  // `allocate` splits it with equal weights: every remainder is the same, so
  // the first `total mod n` cycles take one unit more.
  const share = Math.floor(total / n);
  const extra = total - share * n;
  return {
    termIndex,
    term,
    billingFrequency,
    installments: cycles.map((c, i) => ({
      index: c.index,
      start: formatEpochDay(c.startDay),
      end: formatEpochDay(c.endDay),
      amount: { currency, minor: i < extra ? share + 1 : share },
    })),
    total: { currency, minor: total },
    rounding,
  };
}
