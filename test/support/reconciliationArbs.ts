// fast-check generators of portfolios with histories, for the reconciliation
// properties and for the explain catalogue's coverage.
import fc from 'fast-check';
import type { Purchase } from '../../src/core/index.js';
import type { ReconciledPurchase, SubscriptionEvent } from '../../src/reconciliation/index.js';

const DAY = 86_400_000;
const PRICES = {
  EUR: ['10.08', '0.10', '120.96', '7.5', '1999.99'],
  USD: ['12.00', '0.03', '360.00'],
  JPY: ['1250', '7', '43200'],
  KWD: ['3.125', '0.010'],
} as const;
type Currency = keyof typeof PRICES;

const plan = fc.constantFrom(
  { term: 'P1M', billingFrequency: 'monthly' },
  { term: 'P1Y', billingFrequency: 'monthly' },
  { term: 'P1Y', billingFrequency: 'annual' },
  { term: 'P3Y', billingFrequency: 'annual' },
  { term: 'P3Y', billingFrequency: 'triennial' },
) as fc.Arbitrary<{
  term: 'P1M' | 'P1Y' | 'P3Y';
  billingFrequency: 'monthly' | 'annual' | 'triennial';
}>;

export interface EventShape {
  /** Which event kinds to generate. */
  readonly types?: readonly SubscriptionEvent['type'][];
  /** Days after the purchase the events fall in. */
  readonly withinDays?: number;
}

/** A history: events at increasing instants from `purchasedMs`. */
export function historyArb(
  purchasedMs: number,
  currency: Currency,
  shape: EventShape = {},
): fc.Arbitrary<SubscriptionEvent[]> {
  const types = shape.types ?? ['setQuantity', 'cancel', 'convert', 'changeBillingPlan', 'renew'];
  if (types.length === 0) return fc.constant([]);
  const within = shape.withinDays ?? 60;
  const price = fc.constantFrom(...PRICES[currency]);
  const event = fc.record({
    type: fc.constantFrom(...types),
    // Often on the same day as the previous event, often within the 7 days.
    gapMs: fc.oneof(
      fc.integer({ min: 0, max: 3 * 3_600_000 }),
      fc.integer({ min: 0, max: 8 * DAY }),
      fc.integer({ min: 0, max: within * DAY }),
    ),
    quantity: fc.integer({ min: 1, max: 40 }),
    price,
    billingFrequency: fc.constantFrom('monthly', 'annual', 'triennial'),
  });
  return fc.array(event, { maxLength: 5 }).map((list) => {
    let at = purchasedMs;
    return list.map((e): SubscriptionEvent => {
      at += e.gapMs;
      const when = new Date(at).toISOString();
      switch (e.type) {
        case 'setQuantity':
          return { type: 'setQuantity', at: when, quantity: e.quantity };
        case 'cancel':
          return { type: 'cancel', at: when };
        case 'convert':
          return { type: 'convert', at: when, unitPrice: e.price };
        case 'changeBillingPlan':
          return {
            type: 'changeBillingPlan',
            at: when,
            billingFrequency: e.billingFrequency as 'monthly',
            unitPrice: e.price,
          };
        default:
          return { type: 'renew', at: when, unitPrice: e.price };
      }
    });
  });
}

/** A subscription or perpetual purchase with a price, and its history. */
export function reconciledPurchaseArb(
  id: string,
  shape: EventShape & { readonly perpetual?: boolean } = {},
): fc.Arbitrary<ReconciledPurchase> {
  return fc
    .record({
      purchasedMs: fc.integer({ min: Date.UTC(2021, 0, 1), max: Date.UTC(2026, 11, 31) }),
      currency: fc.constantFrom<Currency>('EUR', 'EUR', 'USD', 'JPY', 'KWD'),
      plan,
      productType: fc.constantFrom('software', 'license_based'),
      quantity: fc.integer({ min: 1, max: 30 }),
      // One purchase in eight is perpetual software, unless excluded.
      perpetual:
        shape.perpetual === false
          ? fc.constant(false)
          : fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
      priceIndex: fc.nat(),
      autoRenew: fc.boolean(),
    })
    .chain((p) => {
      const prices = PRICES[p.currency];
      const unitPrice = prices[p.priceIndex % prices.length] as string;
      const purchasedAt = new Date(p.purchasedMs).toISOString();
      const purchase: Purchase = p.perpetual
        ? {
            kind: 'perpetual',
            id,
            purchasedAt,
            quantity: p.quantity,
            unitPrice,
            currency: p.currency,
          }
        : {
            kind: 'subscription',
            id,
            purchasedAt,
            term: p.plan.term,
            billingFrequency: p.plan.billingFrequency,
            quantity: p.quantity,
            unitPrice,
            currency: p.currency,
            productType: p.productType as 'software',
            autoRenew: p.autoRenew,
          };
      return historyArb(p.purchasedMs, p.currency, shape).map(
        (history): ReconciledPurchase => ({
          purchase,
          history,
          customerId: `tenant-${id.length % 3}`,
        }),
      );
    });
}

/** A portfolio of 1 to `max` purchases with distinct ids. */
export function portfolioArb(max = 4, shape: EventShape = {}): fc.Arbitrary<ReconciledPurchase[]> {
  return fc
    .integer({ min: 1, max })
    .chain((n) =>
      fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          reconciledPurchaseArb(`sub-${'x'.repeat(i)}${i}`, shape),
        ),
      ),
    );
}
