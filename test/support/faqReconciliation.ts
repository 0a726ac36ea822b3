// The FAQ's worked example as a reconciliation: Microsoft's one-month
// subscription (10 seats at EUR 10.08) bought 15 July 2021 and cancelled two
// days in, its two billed lines as records; a yearly subscription billed
// monthly; and the small helpers the reconcile tests share.
import { isCspRuleError } from '../../src/core/index.js';
import type { ReconciledPurchase } from '../../src/reconciliation/index.js';

export type Rec = Readonly<Record<string, string>>;

/** `base` with `patch` applied; an attribute patched to `undefined` is left out. */
export function rec(base: Rec, patch: Readonly<Record<string, string | undefined>> = {}): Rec {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...base, ...patch })) if (v !== undefined) out[k] = v;
  return out;
}

/** What `fn` throws (`undefined` when it returns). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** `code [field] message` of the CspRuleError `fn` throws. */
export function ruleError(fn: () => unknown): string {
  const e = thrown(fn);
  if (!isCspRuleError(e)) throw new Error(`expected a CspRuleError, got ${String(e)}`);
  return `${e.code} [${e.field}] ${e.message}`;
}

// Tenant ids as Partner Center writes them; these two begin with digits, so
// they sort after a missing customer id ('') and before any letter.
export const C1 = '1f0e9d8c-7b6a-4f5e-8d4c-3b2a1f0e9d8c';
export const C2 = '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
export const PERIOD = '2021-07';

export const faqPurchase = {
  kind: 'subscription',
  id: 'sub-faq',
  purchasedAt: '2021-07-15T09:00:00Z',
  term: 'P1M',
  billingFrequency: 'monthly',
  quantity: 10,
  unitPrice: '10.08',
  currency: 'EUR',
} as const;
export const faq: ReconciledPurchase = {
  customerId: C1,
  purchase: faqPurchase,
  history: [{ type: 'cancel', at: '2021-07-17T10:00:00Z' }],
};
export const NEW: Rec = {
  CustomerId: C1,
  SubscriptionId: 'sub-faq',
  ChargeType: 'new',
  ChargeStartDate: '7/15/2021',
  ChargeEndDate: '8/14/2021',
  UnitPrice: '10.08',
  BillableQuantity: '10',
  Subtotal: '100.80',
  Currency: 'EUR',
};
export const CANCEL: Rec = rec(NEW, {
  ChargeType: 'cancelImmediate',
  ChargeStartDate: '7/17/2021',
  Subtotal: '-94.20',
});

/** One year, billed monthly from 20 June 2021: 4 seats at EUR 20.00. */
export const yearly: ReconciledPurchase = {
  customerId: C1,
  purchase: {
    kind: 'subscription',
    id: 'sub-year',
    purchasedAt: '2021-06-20T09:00:00Z',
    term: 'P1Y',
    billingFrequency: 'monthly',
    quantity: 4,
    unitPrice: '20.00',
    currency: 'EUR',
  },
};
