// Recipe: "Which billing plans may I sell for this SKU?" A partner's quoting
// tool lists the plans of each catalog row on 10 February 2025, checks the plan
// a customer asks for, prints the installments of a quote, and changes the plan
// of a running subscription. (csp-software-rules/billing)
import {
  billingFrequencyChange,
  billingFrequencyDecision,
  eligibleBillingFrequencies,
  installmentSchedule,
  PRODUCT_FAMILIES,
  productFamilyOf,
} from 'csp-software-rules/billing';
import type { BillingFrequency, Term } from 'csp-software-rules/core';

const today = '2025-02-10T10:00:00Z';

// Rows of the partner's price list: the product title, the term, and the plans
// Partner Center's catalog shows for the SKU (when the partner stores them).
interface CatalogRow {
  readonly title: string;
  readonly term: Term;
  readonly offered?: readonly BillingFrequency[];
}
const catalog: CatalogRow[] = [
  { title: 'Windows Server 2022 Standard - 16 Core License', term: 'P1Y' },
  { title: 'Windows Server 2022 Standard - 16 Core License', term: 'P3Y' },
  { title: 'Windows Server 2022 Remote Desktop Services - 1 User CAL', term: 'P1Y' },
  { title: 'Windows Server 2022 Remote Desktop Services - 1 Device CAL', term: 'P3Y' },
  { title: 'Windows Server 2019 Remote Desktop Services - 1 User CAL', term: 'P1Y' },
  { title: 'SQL Server 2022 Standard - 2 Core License', term: 'P3Y', offered: ['triennial'] },
];
// Three-year SKUs: annual or triennial; RDS CALs 2022 also monthly; the rest upfront;
// never more than the catalog offers.
const plansOf = (row: CatalogRow) =>
  eligibleBillingFrequencies({
    term: row.term,
    purchasedAt: today,
    productFamily: productFamilyOf(row.title),
    ...(row.offered === undefined ? {} : { offered: row.offered }),
  });
catalog.map(plansOf); // => [['annual'], ['annual', 'triennial'], ['monthly', 'annual'], ['monthly', 'annual', 'triennial'], ['annual'], ['triennial']]

// The customer asks for a monthly plan on Windows Server for one year: refused, and why.
const monthly = billingFrequencyDecision({
  term: 'P1Y',
  purchasedAt: today,
  billingFrequency: 'monthly',
});
monthly.reasons; // => [{ code: 'frequency_not_eligible', billingFrequency: 'monthly', term: 'P1Y', eligible: ['annual'] }]
// Annual SQL Server: the rules allow it, this catalog does not.
const sqlAnnual = billingFrequencyDecision({
  term: 'P3Y',
  purchasedAt: today,
  billingFrequency: 'annual',
  offered: ['triennial'],
});
[sqlAnnual.allowed, sqlAnnual.byPolicy]; // => [false, ['annual', 'triennial']]
sqlAnnual.reasons; // => [{ code: 'not_offered_in_catalog', billingFrequency: 'annual', offered: ['triennial'] }]

// The quote: 10 Windows Server licences for three years at EUR 2,890.00 each for
// the term, billed annually. EUR 28,900.00 split in three: the cents that do not
// divide go to the earlier installments (9,633.34 + 9,633.33 + 9,633.33).
const quote = installmentSchedule({
  purchasedAt: today,
  term: 'P3Y',
  billingFrequency: 'annual',
  quantity: 10,
  unitPricePerTerm: '2890.00',
  currency: 'EUR',
});
quote.installments.map((i) => [i.start, i.amount.minor]); // => [['2025-02-10', 963334], ['2026-02-10', 963333], ['2027-02-10', 963333]]
quote.total; // => { currency: 'EUR', minor: 2890000 }

// An audit of an old purchase: three-year SKUs bought before 2021-10-22 were billed upfront.
eligibleBillingFrequencies({ term: 'P3Y', purchasedAt: '2021-10-20T09:00:00Z' }); // => ['triennial']

// A running subscription: RDS CALs billed monthly since 2024-06-03. The change
// waits for the next term, which starts on 2025-06-03.
const rdsCals = {
  kind: 'subscription',
  id: 'rds-cal-2022',
  purchasedAt: '2024-06-03T08:45:00Z',
  term: 'P1Y',
  billingFrequency: 'monthly',
  productFamily: PRODUCT_FAMILIES.rdsCal2022,
  quantity: 25,
  unitPrice: '10.08',
  currency: 'EUR',
} as const;
const change = billingFrequencyChange(rdsCals, 'annual', { asOf: today, roles: ['Admin agent'] });
[change.allowed, change.from, change.effectiveFrom, change.eligible]; // => [true, 'monthly', '2025-06-03', ['monthly', 'annual']]
change.nextTerm; // => { termIndex: 1, start: '2025-06-03', end: '2026-06-02', renewsOn: '2026-06-03' }
// A sales agent asking for the plan it already has: every reason at once.
const noop = billingFrequencyChange(rdsCals, 'monthly', { asOf: today, roles: ['Sales agent'] });
noop.reasons.map((r) => r.code); // => ['missing_role', 'same_as_current']
