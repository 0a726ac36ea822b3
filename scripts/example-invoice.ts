// Writes examples/reconciliation/invoice-2026-11.csv: the lines Microsoft
// would bill the example portfolio for November 2026, in Partner Center's
// CSV (every column of the reconciliation file), with two mistakes a partner
// should catch and an Azure plan's usage lines. Run: npx tsx scripts/example-invoice.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { readPortfolio } from '../src/cli/portfolio.js';
import { portfolioPurchases } from '../src/cli/reconcile.js';
import { expectedLines } from '../src/reconciliation/index.js';
import {
  type ReconciliationRecord,
  recordOf,
  toCsv,
  usageRecord,
} from '../test/support/reconciliation.js';

const PERIOD = '2026-11';
const portfolio = readPortfolio(
  JSON.parse(readFileSync('examples/reconciliation/portfolio.json', 'utf8')),
);
const purchases = portfolioPurchases(portfolio);
const records: ReconciliationRecord[] = [];
let n = 0;
for (const c of portfolio.customers) {
  for (const p of [...c.subscriptions, ...c.perpetual]) {
    const r = purchases[n++] as (typeof purchases)[number];
    const lines = expectedLines(r.purchase, { period: PERIOD, history: r.history ?? [] }).lines;
    for (const line of lines) {
      const s = p as { term?: string; billingFrequency?: string; name?: string; orderId?: string };
      records.push(
        recordOf(line, {
          customerId: c.customerId ?? '',
          customerName: c.name,
          country: c.market ?? 'IT',
          productName: s.name ?? 'Office LTSC Professional Plus 2024',
          orderId: s.orderId ?? `${String(line.subscriptionId).slice(0, 8)}-order`,
          billingFrequency:
            s.billingFrequency === 'annual'
              ? 'Annual'
              : s.billingFrequency === undefined
                ? 'OneTime'
                : 'Monthly',
          term:
            s.term === 'P1M'
              ? '1 Month Subscription'
              : s.term === 'P1Y'
                ? '1 Year Subscription'
                : 'Perpetual',
          invoiceNumber: 'G078912345',
          taxPercent: c.market === 'DE' ? 19 : 22,
        }),
      );
    }
  }
}
// Mistake 1: SQL Server's cycle charge at 257.38, not the price locked for the term.
const sql = records.find(
  (r) => r.SubscriptionId.startsWith('b7d1') && r.ChargeType === 'cycleCharge',
);
if (sql === undefined) throw new Error('no SQL Server cycle charge');
Object.assign(sql, {
  UnitPrice: '257.38',
  EffectiveUnitPrice: '257.38',
  Subtotal: '772.14',
  TaxTotal: '169.87',
  Total: '942.01',
});
// Mistake 2: the credit for the 25 Microsoft 365 E3 seats replaced on the 20th never came.
const credit = records.findIndex(
  (r) =>
    r.SubscriptionId.startsWith('e4a0') &&
    r.ChargeType === 'removeQuantity' &&
    r.Subtotal.startsWith('-'),
);
records.splice(credit, 1);
// An Azure plan: usage, which the library does not model.
const fabrikam = portfolio.customers[1]?.customerId ?? '';
for (const meter of ['D2s v3 compute hours', 'Standard SSD managed disk']) {
  records.push({
    ...usageRecord(fabrikam, '9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a'),
    ChargeStartDate: '11/1/2026',
    ChargeEndDate: '11/30/2026',
    MeterDescription: meter,
    CustomerName: 'Fabrikam GmbH',
    CustomerCountry: 'DE',
  });
}
writeFileSync('examples/reconciliation/invoice-2026-11.csv', `\uFEFF${toCsv(records)}`);
console.log(`${records.length} lines`);
