// Recipe: "Can I still cancel this, until when exactly?" A partner's back
// office checks one customer's recent purchases at 12:00 UTC on 5 June 2024,
// before the customer's admin agent calls back. (csp-software-rules/cancellation)
import { evaluateCancellation } from 'csp-software-rules/cancellation';

const asOf = '2024-06-05T12:00:00Z';
const adminAgent = ['Admin agent'];

// Windows Server on a one-year term billed monthly, bought at 16:20 UTC on May 31.
const windowsServer = {
  kind: 'subscription',
  id: 'ws2022-std',
  purchasedAt: '2024-05-31T16:20:00Z',
  term: 'P1Y',
  billingFrequency: 'monthly',
  publisher: 'Microsoft',
  quantity: 8,
  unitPrice: '32.40',
  currency: 'EUR',
} as const;
// Remote Desktop CALs bought on Monday morning.
const rdsCals = {
  kind: 'subscription',
  id: 'rds-cal-2022',
  purchasedAt: '2024-06-03T08:45:00Z',
  term: 'P1Y',
  billingFrequency: 'monthly',
  publisher: 'Microsoft',
  productFamily: 'windows-rds-cal-2022',
  quantity: 25,
  unitPrice: '10.08',
  currency: 'EUR',
} as const;
// A Red Hat plan: never cancellable, whatever the date.
const rhel = {
  kind: 'subscription',
  id: 'rhel-server',
  purchasedAt: '2024-06-04T12:00:00Z',
  term: 'P1Y',
  billingFrequency: 'annual',
  publisher: 'Red Hat, Inc.',
  quantity: 2,
  unitPrice: '780.00',
  currency: 'EUR',
} as const;
// SQL Server with Partner Center's own deadline read from the API.
const sqlSubscription = {
  kind: 'subscription',
  id: 'sql-2022-std',
  purchasedAt: '2024-05-29T10:30:00Z',
  term: 'P3Y',
  billingFrequency: 'annual',
  publisher: 'Microsoft',
  quantity: 2,
  unitPrice: '1740.00',
  currency: 'EUR',
  cancellationAllowedUntil: '2024-06-05T23:59:00Z',
} as const;
// Perpetual SQL Server licences: 30 days.
const sqlPerpetual = {
  kind: 'perpetual',
  id: 'sql-perpetual',
  purchasedAt: '2024-05-10T11:00:00Z',
  publisher: 'Microsoft',
  productName: 'SQL Server 2022 Standard',
  orderId: 'TXQ2MZG9VDDB',
  quantity: 2,
  unitPrice: '899.00',
  currency: 'USD',
} as const;

const portfolio = [windowsServer, rdsCals, rhel, sqlSubscription, sqlPerpetual];
const decisions = portfolio.map((p) => evaluateCancellation(p, { asOf, roles: adminAgent }));

// One line per purchase: can we cancel, until which instant, and why not.
decisions.map((d) => [d.id, d.allowed, d.window?.closesAt.toISOString()]); // => [['ws2022-std', true, '2024-06-07T16:20:00.000Z'], ['rds-cal-2022', true, '2024-06-10T08:45:00.000Z'], ['rhel-server', false, '2024-06-11T12:00:00.000Z'], ['sql-2022-std', true, '2024-06-05T23:59:00.001Z'], ['sql-perpetual', true, '2024-06-09T11:00:00.000Z']]
decisions[2]?.reasons; // => [{ code: 'non_cancellable_publisher', publisher: 'Red Hat, Inc.', matched: 'Red Hat' }]

// Windows Server: 168 hours from 16:20 on May 31, so until 16:20 on June 7;
// from 12:00 on June 5 that leaves 2 days, 4 hours and 20 minutes.
decisions[0]?.timeRemaining; // => { days: 2, hours: 4, milliseconds: 188400000 }
decisions[0]?.window?.lastDay; // => '2024-06-07'

// SQL Server subscription: 168 hours would have closed at 10:30 today, but
// Partner Center's own deadline (23:59 today, inclusive) decides.
decisions[3]?.window?.source; // => 'partner_center'
const { cancellationAllowedUntil: _deadline, ...withoutDeadline } = sqlSubscription;
evaluateCancellation(withoutDeadline, { asOf }).allowed; // => false

// Perpetual software: 30 × 24 hours from the purchase, 3 days and 23 hours left.
decisions[4]?.timeRemaining; // => { days: 3, hours: 23, milliseconds: 342000000 }
// What the partner needs to cancel it: the customer, the product name and the order ID.
decisions[4]?.needs.map((n) => `${n.item}:${n.known}`); // => ['customer:false', 'product:true', 'order:true']

// Calendar-day reading: the last day is the purchase day + 7, until 00:00Z after it.
const calendar = evaluateCancellation(windowsServer, { asOf, window: 'calendar_days' });
calendar.window?.closesAt.toISOString(); // => '2024-06-08T00:00:00.000Z'
// A jurisdiction that requires 14 days lengthens the policy window, and says so.
const legal = evaluateCancellation(windowsServer, { asOf, minimumWindowDays: 14 });
[legal.window?.closesAt.toISOString(), legal.window?.extended]; // => ['2024-06-14T16:20:00.000Z', true]

// Only an admin agent may cancel: a helpdesk agent is told so, with every other reason.
const helpdesk = evaluateCancellation(rhel, { asOf, roles: ['Helpdesk agent'] });
helpdesk.reasons.map((r) => r.code); // => ['non_cancellable_publisher', 'missing_role']

// Too late: at closesAt the window is shut and the whole term stays billed.
const late = evaluateCancellation(windowsServer, { asOf: '2024-06-07T16:20:00Z' });
late.reasons; // => [{ code: 'window_closed', closedAt: new Date('2024-06-07T16:20:00.000Z') }]
late.billedInFull; // => true

// The first renewal (2025-05-31) opens its own seven days at 00:00Z.
const renewal = evaluateCancellation(windowsServer, { asOf: '2025-06-02T08:00:00Z' });
[renewal.term?.termIndex, renewal.window?.opensAt.toISOString(), renewal.window?.lastDay]; // => [1, '2025-05-31T00:00:00.000Z', '2025-06-06']
