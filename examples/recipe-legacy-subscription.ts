// Recipe: "Why is this 2020 subscription missing from the Get Subscriptions
// API?" In June 2022 a partner moves its reconciliation to the Get
// Subscriptions API and one SQL Server subscription bought in November 2020
// is not there. (csp-software-rules/lifecycle, /billing)
import { billingFrequencyChange, eligibleBillingFrequencies } from 'csp-software-rules/billing';
import {
  autoRenewToggle,
  softwareSubscriptionVisibility,
  subscriptionStatusOn,
} from 'csp-software-rules/lifecycle';

const asOf = '2022-06-01T08:00:00Z';
const sqlServer = {
  kind: 'subscription',
  id: 'sql-2019-std-legacy',
  purchasedAt: '2020-11-16T14:00:00Z',
  term: 'P3Y',
  billingFrequency: 'triennial',
  quantity: 20,
  unitPrice: '1140.00',
  currency: 'EUR',
} as const;

// Bought before 2021-10-14 (UTC): not in the Get Subscriptions API nor on the
// customer's Subscriptions page; still on the Software page and in the Get Orders API.
const where = softwareSubscriptionVisibility(sqlServer.purchasedAt);
[where.getSubscriptionsApi, where.subscriptionsPage, where.softwarePage, where.getOrdersApi]; // => [false, false, true, true]
where.rules; // => [{ id: 'lifecycle.purchase_date_visibility', source: 'https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions', effectiveFrom: '0000-01-01' }]

// The cutoff includes the day itself, in UTC: 01:00 in Rome on October 14 is
// still October 13 for Partner Center.
softwareSubscriptionVisibility('2021-10-14T08:00:00Z').getSubscriptionsApi; // => true
softwareSubscriptionVisibility('2021-10-14T01:00:00+02:00').getSubscriptionsApi; // => false

// It does not autorenew: it expires on the end date set at purchase, three
// years from 2020-11-16, the last day included.
const status = subscriptionStatusOn(sqlServer, { asOf });
[status.legacy, status.autoRenew, status.autoRenewSource]; // => [true, false, 'purchase_date_rule']
status.currentTerm; // => { termIndex: 0, start: '2020-11-16', end: '2023-11-15', renewsOn: '2023-11-16' }
status.nextEvent; // => { type: 'expiry', on: '2023-11-15' }
// Partner Center's facts beat this forecast: if the subscription resource says
// autorenew is on, it renews, and the decision says where it differs.
const onInPartnerCenter = subscriptionStatusOn({ ...sqlServer, autoRenew: true }, { asOf });
onInPartnerCenter.nextEvent.type; // => 'renewal'
onInPartnerCenter.disagreements; // => [{ field: 'autoRenew', partnerCenter: true, forecast: false }]

// Autorenew is switched on the Subscriptions page, where it is not; a new plan
// would need a next term, which it will not have.
const toggle = autoRenewToggle(sqlServer, { asOf, roles: ['Admin agent'] });
toggle.reasons; // => [{ code: 'not_on_subscriptions_page', purchasedOn: '2020-11-16' }]
billingFrequencyChange(sqlServer, 'annual', { asOf }).reasons; // => [{ code: 'will_not_renew', cause: 'legacy_purchase', lastDay: '2023-11-15' }]

// The day after its last day it has expired; its replacement, bought on new
// commerce, may be billed annually or triennially.
subscriptionStatusOn(sqlServer, { asOf: '2023-11-16T00:00:00Z' }).state; // => 'expired'
eligibleBillingFrequencies({ term: 'P3Y', purchasedAt: '2023-11-16T09:00:00Z' }); // => ['annual', 'triennial']
