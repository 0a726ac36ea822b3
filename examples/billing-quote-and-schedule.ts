// A quoting tool offers only the billing plans Partner Center will accept,
// then a finance service plans what will be charged when.
import {
  billingFrequencyChange,
  billingFrequencyDecision,
  chargeCycles,
  eligibleBillingFrequencies,
  installmentSchedule,
  productFamilyOf,
} from 'csp-software-rules/billing';

// 1. Which plans may a quote offer? Recognise the family from the catalog title.
const purchasedAt = '2024-01-31T14:05:00Z';
const rdsCal = productFamilyOf('Windows Server 2022 Remote Desktop Services - 1 User CAL');
rdsCal; // => 'windows-rds-cal-2022'
productFamilyOf('SQL Server 2022 Standard'); // => undefined
const rdsPlans = { term: 'P1Y', purchasedAt, productFamily: rdsCal } as const;
eligibleBillingFrequencies(rdsPlans); // => ['monthly', 'annual']
eligibleBillingFrequencies({ term: 'P1Y', purchasedAt }); // => ['annual']
// The catalog's review screen may offer fewer plans: pass them as `offered`.
eligibleBillingFrequencies({ term: 'P3Y', purchasedAt, offered: ['triennial'] }); // => ['triennial']
// Bought the day before 2021-10-22, a three-year SKU was triennial only.
const early = { term: 'P3Y', purchasedAt: '2021-10-21T12:00:00Z' } as const;
const refused = billingFrequencyDecision({ ...early, billingFrequency: 'annual' });
refused.reasons.map((r) => r.code); // => ['frequency_not_eligible']

// 2. The charge cycles of a monthly plan bought Jan 31 (from the anchor, clamped).
const plan = { purchasedAt, term: 'P1Y', billingFrequency: 'monthly' } as const;
const cycles = chargeCycles(plan);
cycles.slice(0, 3).map((c) => `${c.start}..${c.end}`); // => ['2024-01-31..2024-02-28', '2024-02-29..2024-03-30', '2024-03-31..2024-04-29']

// 3. What is due at each cycle start: 40 CALs at EUR 5.125 per licence per month.
const schedule = installmentSchedule({
  ...plan,
  quantity: 40,
  unitPrice: '5.125',
  currency: 'EUR',
});
schedule.installments[1]; // => { index: 1, start: '2024-02-29', end: '2024-03-30', amount: { currency: 'EUR', minor: 20500 } }
schedule.total; // => { currency: 'EUR', minor: 246000 }
// A yearly price per licence, split exactly across the 12 monthly charges.
const split = installmentSchedule({
  ...plan,
  quantity: 3,
  unitPricePerTerm: '61.50',
  currency: 'EUR',
});
split.installments.map((i) => i.amount.minor).slice(0, 3); // => [1538, 1538, 1538]
split.installments.reduce((sum, i) => sum + i.amount.minor, 0); // => 18450

// 4. The customer wants annual billing instead: it takes effect at the renewal.
const subscription = {
  kind: 'subscription',
  purchasedAt,
  term: 'P1Y',
  billingFrequency: 'monthly',
  productFamily: 'windows-rds-cal-2022',
  quantity: 40,
  unitPrice: '5.125',
  currency: 'EUR',
} as const;
const asOf = '2024-06-10T09:00:00Z';
const change = billingFrequencyChange(subscription, 'annual', { asOf, roles: ['Admin agent'] });
change.allowed; // => true
change.effectiveFrom; // => '2025-01-31'
const bySales = billingFrequencyChange(subscription, 'annual', { asOf, roles: ['Sales agent'] });
bySales.reasons.map((r) => r.code); // => ['missing_role']
