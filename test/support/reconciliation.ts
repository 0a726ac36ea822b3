// Microsoft's reconciliation records, generated from our expected lines: the
// tests, the example file and the benchmark write files the way Partner Center
// and Graph do (every column of Graph's `full` attribute set, and a few more),
// so the reader and the reconciler meet realistic input.
import { currencyExponent } from '../../src/core/index.js';
import type { ExpectedLine, ReconciledPurchase } from '../../src/reconciliation/index.js';
import { expectedLines } from '../../src/reconciliation/index.js';

/** Graph's `full` attribute set (BRIEF §11), then a few columns Partner Center's CSV adds. */
export const RECONCILIATION_COLUMNS = [
  'PartnerId',
  'CustomerId',
  'CustomerName',
  'CustomerDomainName',
  'CustomerCountry',
  'InvoiceNumber',
  'MpnId',
  'Tier2MpnId',
  'OrderId',
  'OrderDate',
  'ProductId',
  'SkuId',
  'AvailabilityId',
  'SkuName',
  'ProductName',
  'ChargeType',
  'UnitPrice',
  'Quantity',
  'Subtotal',
  'TaxTotal',
  'Total',
  'Currency',
  'PriceAdjustmentDescription',
  'PublisherName',
  'PublisherId',
  'SubscriptionDescription',
  'SubscriptionId',
  'ChargeStartDate',
  'ChargeEndDate',
  'TermAndBillingCycle',
  'EffectiveUnitPrice',
  'UnitType',
  'AlternateId',
  'BillableQuantity',
  'BillingFrequency',
  'PricingCurrency',
  'PCToBCExchangeRate',
  'PCToBCExchangeRateDate',
  'MeterDescription',
  'ReservationOrderId',
  'CreditReasonCode',
  'SubscriptionStartDate',
  'SubscriptionEndDate',
  'ReferenceId',
  'ProductQualifiers',
  'PromotionId',
  'ProductCategory',
  'PartnerName',
  'EntitlementId',
  'EntitlementDescription',
  'PartnerEarnedCreditPercentage',
  'CreditPercentage',
] as const;

export type ReconciliationRecord = Record<(typeof RECONCILIATION_COLUMNS)[number], string>;

/** The customer and subscription a line is billed for. */
export interface RecordContext {
  readonly customerId: string;
  readonly customerName?: string;
  readonly country?: string;
  readonly orderId?: string;
  readonly productName?: string;
  readonly billingFrequency?: string;
  readonly term?: string;
  readonly subscriptionStart?: string;
  readonly subscriptionEnd?: string;
  readonly invoiceNumber?: string;
  /** `'us'`: `7/15/2021`, as Partner Center's CSV writes dates; `'iso'`: `2021-07-15T00:00:00Z`, as Graph does. */
  readonly dates?: 'us' | 'iso';
  /** Tax rate in percent (the file's `TaxTotal`, `Total`); 0 by default. */
  readonly taxPercent?: number;
}

/** Minor units as decimal text in a currency of `exponent` digits: (-9420, 2) → '-94.20'. */
export function decimalText(minor: number | bigint, exponent: number): string {
  const m = BigInt(minor);
  const sign = m < 0n ? '-' : '';
  const abs = (m < 0n ? -m : m).toString().padStart(exponent + 1, '0');
  return exponent === 0
    ? `${sign}${abs}`
    : `${sign}${abs.slice(0, -exponent)}.${abs.slice(-exponent)}`;
}

function usDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${Number(m)}/${Number(d)}/${y}`;
}

/** One record, with Microsoft's attribute names, for an expected line. */
export function recordOf(line: ExpectedLine, ctx: RecordContext): ReconciliationRecord {
  const day = (d: string) => (ctx.dates === 'iso' ? `${d}T00:00:00Z` : usDay(d));
  const exponent = currencyExponent(line.subtotal.currency);
  const subtotal = BigInt(line.subtotal.minor);
  const tax = (subtotal * BigInt(Math.round((ctx.taxPercent ?? 0) * 100))) / 10000n;
  const sub = line.subscriptionId ?? '';
  const product = ctx.productName ?? 'Microsoft 365 Business Basic';
  return {
    PartnerId: '3b9d7a1e-2f4c-4e8a-9c1d-7a6b5c4d3e2f',
    CustomerId: ctx.customerId,
    CustomerName: ctx.customerName ?? 'Contoso, S.p.A.',
    CustomerDomainName: 'contoso.onmicrosoft.com',
    CustomerCountry: ctx.country ?? 'IT',
    InvoiceNumber: ctx.invoiceNumber ?? 'G012345678',
    MpnId: '1234567',
    Tier2MpnId: '',
    OrderId: ctx.orderId ?? `order-${sub}`,
    OrderDate: day(ctx.subscriptionStart ?? line.chargeStartDate),
    ProductId: 'CFQ7TTC0LH18',
    SkuId: '0001',
    AvailabilityId: 'CFQ7TTC0K8P5',
    SkuName: product,
    ProductName: product,
    ChargeType: line.chargeType,
    UnitPrice: line.unitPrice,
    Quantity: String(line.billableQuantity),
    Subtotal: decimalText(subtotal, exponent),
    TaxTotal: decimalText(tax, exponent),
    Total: decimalText(subtotal + tax, exponent),
    Currency: line.subtotal.currency,
    PriceAdjustmentDescription: '',
    PublisherName: 'Microsoft Corporation',
    PublisherId: '',
    // A comma and quotes, as friendly names have: the CSV must quote them.
    SubscriptionDescription: `${product}, "${ctx.customerName ?? 'Contoso'}"`,
    SubscriptionId: sub,
    ChargeStartDate: day(line.chargeStartDate),
    ChargeEndDate: day(line.chargeEndDate),
    TermAndBillingCycle: ctx.term ?? '1 Month Subscription',
    EffectiveUnitPrice: line.effectiveUnitPrice,
    UnitType: 'License',
    AlternateId: `alt-${sub}`,
    BillableQuantity: String(line.billableQuantity),
    BillingFrequency: ctx.billingFrequency ?? 'Monthly',
    PricingCurrency: line.subtotal.currency,
    PCToBCExchangeRate: '1',
    PCToBCExchangeRateDate: day(line.chargeStartDate),
    MeterDescription: '',
    ReservationOrderId: '',
    CreditReasonCode: line.subtotal.minor < 0 ? 'Cancel' : '',
    SubscriptionStartDate: day(ctx.subscriptionStart ?? line.chargeStartDate),
    SubscriptionEndDate: day(ctx.subscriptionEnd ?? line.chargeEndDate),
    ReferenceId: '',
    ProductQualifiers: '',
    PromotionId: '',
    ProductCategory: 'OnlineServicesNCE',
    PartnerName: 'Fabrikam Cloud Srl',
    EntitlementId: '',
    EntitlementDescription: '',
    PartnerEarnedCreditPercentage: '0',
    CreditPercentage: '0',
  };
}

/** A usage line (Azure), which the reconciler classifies as not modelled. */
export function usageRecord(customerId: string, subscriptionId: string): ReconciliationRecord {
  const base = {} as Record<string, string>;
  for (const c of RECONCILIATION_COLUMNS) base[c] = '';
  return {
    ...(base as ReconciliationRecord),
    CustomerId: customerId,
    SubscriptionId: subscriptionId,
    ChargeType: 'new',
    ChargeStartDate: '7/1/2021',
    ChargeEndDate: '7/31/2021',
    UnitPrice: '0.0312',
    Quantity: '744',
    BillableQuantity: '744',
    Subtotal: '23.21',
    Total: '23.21',
    Currency: 'EUR',
    MeterDescription: 'D2s v3 compute hours',
    ProductCategory: 'Azure plan',
    ProductName: 'Azure plan',
  };
}

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Records as a Partner Center CSV (a header line, CRLF line ends, as the portal writes it). */
export function toCsv(records: readonly Readonly<Record<string, string>>[]): string {
  const out = [RECONCILIATION_COLUMNS.join(',')];
  for (const r of records)
    out.push(RECONCILIATION_COLUMNS.map((c) => csvField(r[c] ?? '')).join(','));
  return `${out.join('\r\n')}\r\n`;
}

/** Records as Graph's JSON lines (before gzip). */
export function toJsonLines(records: readonly Readonly<Record<string, string>>[]): string {
  return `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
}

/**
 * The file Microsoft would send: every expected line of every period any
 * line falls on (a subscription that renews is billed in each of them).
 */
export function fileOf(portfolio: readonly ReconciledPurchase[]) {
  const periods = new Set<string>();
  for (const p of portfolio)
    for (const l of expectedLines(p.purchase, { history: p.history ?? [] }).lines)
      periods.add(l.period);
  const records: Record<string, string>[] = [];
  const lines: { line: ExpectedLine; other: ExpectedLine; p: ReconciledPurchase }[] = [];
  for (const period of [...periods].sort()) {
    for (const p of portfolio) {
      const history = p.history ?? [];
      const r = expectedLines(p.purchase, { period, history }).lines.filter(
        (l) => l.period === period,
      );
      const other = expectedLines(p.purchase, {
        period,
        history,
        rounding: 'truncate_line_total',
      }).lines.filter((l) => l.period === period);
      r.forEach((line, i) => {
        records.push(
          recordOf(line, { customerId: p.customerId ?? '', dates: i % 2 ? 'iso' : 'us' }),
        );
        lines.push({ line, other: other[i] as ExpectedLine, p });
      });
    }
  }
  return { records, lines };
}
