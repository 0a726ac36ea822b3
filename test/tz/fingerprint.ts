// Prints, as JSON, the results of a fixed set of rule calls. test/tz/tz.test.ts
// runs it in child processes started under different TZ values (the zone is
// fixed at process start there, unlike the in-process checks) and compares.
import * as activation from '../../src/activation/index.js';
import * as billing from '../../src/billing/index.js';
import * as cancellation from '../../src/cancellation/index.js';
import * as core from '../../src/core/index.js';
import * as explain from '../../src/explain/index.js';
import { IT_MESSAGES } from '../../src/explain/it/index.js';
import * as lifecycle from '../../src/lifecycle/index.js';
import * as reconciliation from '../../src/reconciliation/index.js';
import * as refunds from '../../src/refunds/index.js';

const instants = [
  '2021-10-13T23:59:59.999Z',
  '2021-10-14T01:00:00+02:00',
  '2021-01-31T23:30:00-03:30',
  '2020-02-29T12:00:00+14:00',
  '2024-03-31T01:30:00Z',
];

const subscription = {
  kind: 'subscription',
  purchasedAt: '2022-01-31T22:00:00Z',
  term: 'P1M',
  billingFrequency: 'monthly',
  quantity: 3,
  unitPrice: '10.08',
  currency: 'EUR',
} as const;

export function fingerprint(): unknown {
  return {
    core: instants.map((i) => [
      core.parseInstant(i),
      core.calendarDayOf(i),
      core.addMonthsFromAnchor(core.calendarDayOf(i), 13),
    ]),
    lifecycle: instants.map((i) => [
      lifecycle.termDates({ purchasedAt: i, term: 'P1M', termIndex: 2 }),
      lifecycle.softwareSubscriptionVisibility(i),
      lifecycle.subscriptionStatusOn(subscription, { asOf: i }),
    ]),
    billing: instants.map((i) => [
      billing.eligibleBillingFrequencies({ term: 'P3Y', purchasedAt: i }),
      billing.chargeCycles({ purchasedAt: i, term: 'P1Y', billingFrequency: 'monthly' }),
    ]),
    cancellation: instants.map((i) => {
      const d = cancellation.evaluateCancellation(
        { ...subscription, purchasedAt: i },
        { asOf: '2021-10-20T12:00:00Z' },
      );
      return [
        d,
        explain.explain(d, { locale: IT_MESSAGES }),
        cancellation.cancellationWindow(
          { ...subscription, purchasedAt: i },
          { asOf: i, window: 'calendar_days' },
        ),
      ];
    }),
    refunds: instants.map((i) => [
      refunds.cancellationRefund(
        { ...subscription, purchasedAt: i },
        { asOf: new Date(Date.parse(core.parseInstant(i).toISOString()) + 86_400_000) },
      ),
      refunds.invoiceFor(i),
    ]),
    reconciliation: instants.map((i) => {
      const history = [
        { type: 'setQuantity', at: i, quantity: 5 },
        {
          type: 'cancel',
          at: new Date(Date.parse(core.parseInstant(i).toISOString()) + 86_400_000),
        },
      ] as const;
      const purchase = { ...subscription, id: 's1', purchasedAt: i };
      const lines = reconciliation.expectedLines(purchase, { history });
      return [
        lines,
        reconciliation.reconcile(
          lines.lines.map((l) => ({
            SubscriptionId: 's1',
            ChargeType: l.chargeType,
            ChargeStartDate: l.chargeStartDate,
            ChargeEndDate: l.chargeEndDate,
            UnitPrice: l.unitPrice,
            BillableQuantity: String(l.billableQuantity),
            Subtotal: String(l.subtotal.minor / 100),
            Currency: 'EUR',
          })),
          [{ purchase, history }],
        ),
      ];
    }),
    activation: activation.planMakMigration(
      instants.map((i, n) => ({ id: `d${n}`, lastRenewalAt: i })),
      { asOf: '2024-06-01T00:00:00Z', capacityPerDay: 1, kmsHostRetiredAt: '2024-05-01T00:00:00Z' },
    ),
  };
}

if (process.argv[1] === import.meta.filename) {
  process.stdout.write(JSON.stringify(fingerprint()));
}
