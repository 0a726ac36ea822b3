// Recipe: "How much comes back if I cancel now?" The customer asks at 12:00
// UTC on 5 June 2024 what cancelling each recent purchase would give back,
// and what it still owes where it is too late. (csp-software-rules/refunds)
import { cancellationRefund, invoiceFor, remainingObligation } from 'csp-software-rules/refunds';

const asOf = '2024-06-05T12:00:00Z';

// Windows Server, one-year term billed monthly: 8 licences at EUR 32.40 a month.
const windowsServer = {
  kind: 'subscription',
  id: 'ws2022-std',
  purchasedAt: '2024-05-31T16:20:00Z',
  term: 'P1Y',
  billingFrequency: 'monthly',
  quantity: 8,
  unitPrice: '32.40',
  currency: 'EUR',
} as const;
const ws = cancellationRefund(windowsServer, { asOf, roles: ['Admin agent'] });
ws.allowed; // => true
// The current cycle runs May 31 to June 29 (the next starts June 30, clamped
// from the 31st): 30 days, of which June 5..29 (25 days) come back.
const wsFigures = ws.computation?.method === 'credit' ? null : ws.computation;
wsFigures?.cycle; // => { termIndex: 0, index: 0, start: '2024-05-31', end: '2024-06-29' }
[wsFigures?.refundDays, wsFigures?.cycleDays]; // => [25, 30]
// 32.40 × 25 / 30 = 27.00 per licence; × 8 = 216.00 of the 259.20 charged.
wsFigures?.perUnit; // => { currency: 'EUR', minor: 2700 }
[ws.refund.minor, ws.kept.minor, ws.charged.minor]; // => [21600, 4320, 25920]
// The 11 later monthly charges of the term are not billed: 11 × 259.20.
ws.notBilled; // => { count: 11, from: '2024-06-30', to: '2025-05-30', amountEach: { currency: 'EUR', minor: 25920 }, total: { currency: 'EUR', minor: 285120 }, installments: null }

// Remote Desktop CALs: 25 at EUR 10.08 a month, bought June 3. The cycle June 3
// to July 2 has 30 days; June 5..July 2 is 28 of them: 10.08 × 28 / 30 = 9.408.
const rdsCals = {
  kind: 'subscription',
  id: 'rds-cal-2022',
  purchasedAt: '2024-06-03T08:45:00Z',
  term: 'P1Y',
  billingFrequency: 'monthly',
  productFamily: 'windows-rds-cal-2022',
  quantity: 25,
  unitPrice: '10.08',
  currency: 'EUR',
} as const;
// Default, as Microsoft's examples: 9.408 truncated to 9.40 per licence, × 25 = 235.00.
cancellationRefund(rdsCals, { asOf }).refund.minor; // => 23500
// Half-even per licence: 9.41 × 25 = 235.25.
cancellationRefund(rdsCals, { asOf, rounding: 'half_even' }).refund.minor; // => 23525
// Rounded once on the exact total 252.00 × 28 / 30 = 235.20.
const onTotal = cancellationRefund(rdsCals, {
  asOf,
  rounding: { mode: 'half_up', apply: 'total' },
});
onTotal.refund.minor; // => 23520

// SQL Server, three-year term billed annually, with Partner Center's deadline
// (23:59 today): 2 licences at EUR 1,740.00 a year, bought May 29.
const sqlSubscription = {
  kind: 'subscription',
  id: 'sql-2022-std',
  purchasedAt: '2024-05-29T10:30:00Z',
  term: 'P3Y',
  billingFrequency: 'annual',
  quantity: 2,
  unitPrice: '1740.00',
  currency: 'EUR',
  cancellationAllowedUntil: '2024-06-05T23:59:00Z',
} as const;
// The cycle 2024-05-29..2025-05-28 has 365 days, 358 come back:
// 1740 × 358 / 365 = 1706.6301… → 1706.63 per licence, × 2 = 3,413.26.
const sql = cancellationRefund(sqlSubscription, { asOf });
[sql.refund.minor, sql.kept.minor]; // => [341326, 6674]
// The two later yearly charges of the term are not billed.
[sql.notBilled?.count, sql.notBilled?.from, sql.notBilled?.total.minor]; // => [2, '2025-05-29', 696000]
// Microsoft's "365 or 366 days": the calendar year 2024 has 366.
// 1740 × 358 / 366 = 1701.9672… → 1701.96 × 2 = 3,403.92.
cancellationRefund(sqlSubscription, { asOf, cycleDays: 'month_of_start' }).refund.minor; // => 340392
// It lands on the June invoice, available between July 6 and 8.
sql.invoice; // => { billingPeriod: '2024-06', periodStart: '2024-06-01', periodEnd: '2024-06-30', availableFrom: '2024-07-06', availableBy: '2024-07-08' }
invoiceFor(asOf).billingPeriod; // => '2024-06'

// Windows Server Datacenter on a monthly term, bought yesterday at 15:00 (21 hours ago):
// 610.00 × 29 / 30 = 589.666… → 589.66, or everything with the 24-hour option.
const datacenter = {
  kind: 'subscription',
  id: 'ws2022-dc',
  purchasedAt: '2024-06-04T15:00:00Z',
  term: 'P1M',
  billingFrequency: 'monthly',
  quantity: 1,
  unitPrice: '610.00',
  currency: 'EUR',
} as const;
cancellationRefund(datacenter, { asOf }).refund.minor; // => 58966
const fullTier = cancellationRefund(datacenter, { asOf, fullRefundWithin: 'PT24H' });
[fullTier.computation?.method, fullTier.refund.minor]; // => ['full_refund_within', 61000]

// Perpetual SQL Server: a 100% credit, of the whole order or of some licences.
const sqlPerpetual = {
  kind: 'perpetual',
  id: 'sql-perpetual',
  purchasedAt: '2024-05-10T11:00:00Z',
  productName: 'SQL Server 2022 Standard',
  orderId: 'TXQ2MZG9VDDB',
  quantity: 2,
  unitPrice: '899.00',
  currency: 'USD',
} as const;
const credit = cancellationRefund(sqlPerpetual, { asOf });
[credit.settlement, credit.refund]; // => ['credit', { currency: 'USD', minor: 179800 }]
cancellationRefund(sqlPerpetual, { asOf, quantity: 1 }).refund.minor; // => 89900

// Too late for Windows Server after June 7 at 16:20: nothing comes back...
const late = cancellationRefund(windowsServer, { asOf: '2024-06-08T00:00:00Z' });
[late.allowed, late.refund.minor, late.kept.minor, late.billedInFull]; // => [false, 0, 25920, true]
// ...and in mid-August the term still owes cycles 3 to 11: 9 × 259.20.
const owed = remainingObligation(windowsServer, { asOf: '2024-08-15T00:00:00Z' });
owed.currentCycle; // => { index: 2, start: '2024-07-31', end: '2024-08-30', amount: { currency: 'EUR', minor: 25920 } }
[owed.installments.length, owed.remaining.minor, owed.termTotal.minor]; // => [9, 233280, 311040]
