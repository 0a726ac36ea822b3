/**
 * Renders a report as a table per customer (in the report's language, every
 * line at most 120 characters) or as JSON (data only: codes, ISO dates,
 * `Money`, reasons with their data; no text).
 */
import type { DeviceStatus } from '../activation/index.js';
import {
  type BillingFrequency,
  calendarDayOf,
  type Term,
  type UnknownValue,
} from '../core/index.js';
import { explain, explainReason } from '../explain/index.js';
import { IT_MESSAGES } from '../explain/it/index.js';
import type { LifecycleState, NextLifecycleEvent } from '../lifecycle/index.js';
import { marketName } from '../markets/index.js';
import type { Portfolio } from './portfolio.js';
import {
  type CancellationLine,
  type CustomerReport,
  customerFleet,
  customerMarket,
  type FleetLine,
  type PerpetualLine,
  perpetualId,
  perpetualLine,
  type Report,
  type ReportLocale,
  type SubscriptionLine,
  subscriptionId,
  subscriptionLine,
} from './report.js';
import {
  clean,
  fitWidths,
  formatAmount,
  formatCount,
  formatDay,
  formatInstant,
  formatMonth,
  headerRule,
  LINE_WIDTH,
  paragraph,
  tableRow,
  wrap,
} from './text.js';

/** Every word a report table writes, in one language. */
interface Labels {
  readonly title: string;
  readonly asOf: string;
  readonly market: string;
  readonly reservations: string;
  readonly available: string;
  readonly notAvailable: string;
  readonly tax: string;
  readonly taxIncluded: string;
  readonly taxExcluded: string;
  readonly subscriptions: string;
  readonly perpetual: string;
  readonly columns: readonly string[];
  readonly perpetualColumns: readonly string[];
  readonly terms: Readonly<Record<Term, string>>;
  readonly plans: Readonly<Record<BillingFrequency, string>>;
  readonly states: Readonly<Record<LifecycleState, string>>;
  readonly ends: Readonly<Record<NextLifecycleEvent['type'], string>>;
  readonly cancellation: string;
  readonly open: (until: string, days: string, hours: string) => string;
  readonly refundNow: (credit: boolean, amount: string, invoice: string) => string;
  readonly fleet: string;
  readonly devices: string;
  readonly deadline: string;
  readonly none: string;
  readonly statuses: Readonly<Record<DeviceStatus, string>>;
  readonly completes: string;
  readonly lapses: string;
  readonly warnings: string;
}

const LABELS: Readonly<Record<ReportLocale, Labels>> = {
  en: {
    title: 'CSP software report',
    asOf: 'as of',
    market: 'Market',
    reservations: 'Azure reservations',
    available: 'available',
    notAvailable: 'not sold in this market',
    tax: 'Prices',
    taxIncluded: 'include tax',
    taxExcluded: 'exclude tax',
    subscriptions: 'Subscriptions',
    perpetual: 'Perpetual software',
    columns: ['id', 'name', 'term', 'plan', 'state', 'current term', 'at term end'],
    perpetualColumns: ['order', 'product', 'bought'],
    terms: { P1M: '1 month', P1Y: '1 year', P3Y: '3 years' },
    plans: { monthly: 'monthly', annual: 'annual', triennial: 'triennial' },
    states: {
      not_started: 'not started',
      in_term: 'in term',
      expired: 'expired',
      cancelled: 'cancelled',
    },
    ends: { renewal: 'renews', expiry: 'expires', none: '—' },
    cancellation: 'cancellation',
    open: (until, days, hours) => `open until ${until} (${days} d ${hours} h left)`,
    refundNow: (credit, amount, invoice) =>
      `; now: ${credit ? 'credit' : 'refund'} ${amount} on the ${invoice} invoice`,
    fleet: 'KMS to MAK',
    devices: 'devices',
    deadline: 'fleet deadline',
    none: 'none',
    statuses: {
      mak_activated: 'on a MAK',
      ok: 'KMS active',
      due_soon: 'KMS due soon',
      lapsed: 'KMS lapsed',
      unknown: 'unknown',
    },
    completes: 'schedule completes on',
    lapses: 'devices that would lapse',
    warnings: 'warnings',
  },
  it: {
    title: 'Resoconto software CSP',
    asOf: 'al',
    market: 'Mercato',
    reservations: 'Prenotazioni di Azure',
    available: 'disponibili',
    notAvailable: 'non disponibili in questo mercato',
    tax: 'Prezzi',
    taxIncluded: 'IVA inclusa',
    taxExcluded: 'IVA esclusa',
    subscriptions: 'Sottoscrizioni',
    perpetual: 'Software perpetuo',
    columns: ['codice', 'nome', 'durata', 'piano', 'stato', 'periodo corrente', 'a fine periodo'],
    perpetualColumns: ['ordine', 'prodotto', 'acquistato il'],
    terms: { P1M: '1 mese', P1Y: '1 anno', P3Y: '3 anni' },
    plans: { monthly: 'mensile', annual: 'annuale', triennial: 'triennale' },
    states: {
      not_started: 'non iniziata',
      in_term: 'in corso',
      expired: 'scaduta',
      cancelled: 'annullata',
    },
    ends: { renewal: 'si rinnova', expiry: 'scade', none: '—' },
    cancellation: 'annullamento',
    open: (until, days, hours) => `possibile fino al ${until} (restano ${days} g ${hours} h)`,
    refundNow: (credit, amount, invoice) =>
      `; ora: ${credit ? 'credito' : 'rimborso'} di ${amount} sulla fattura di ${invoice}`,
    fleet: 'Da KMS a MAK',
    devices: 'dispositivi',
    deadline: 'scadenza della flotta',
    none: 'nessuna',
    statuses: {
      mak_activated: 'con MAK',
      ok: 'KMS attivo',
      due_soon: 'KMS in scadenza',
      lapsed: 'KMS scaduto',
      unknown: 'stato sconosciuto',
    },
    completes: 'piano completato il',
    lapses: 'dispositivi che scadrebbero',
    warnings: 'avvisi',
  },
};

/** Where the report's text goes, piece by piece (a file, stdout, a string in tests). */
export type Write = (text: string) => void;

const messagesOf = (locale: ReportLocale) => (locale === 'it' ? IT_MESSAGES : 'en');

/** A value this version does not know, shown as received with a question mark. */
const unknownText = (v: UnknownValue) => `${clean(v.unknown)} (?)`;

function termText(t: Labels, term: Term | UnknownValue): string {
  return typeof term === 'string' ? t.terms[term] : unknownText(term);
}

function planText(t: Labels, plan: BillingFrequency | UnknownValue): string {
  return typeof plan === 'string' ? t.plans[plan] : unknownText(plan);
}

function cancelText(t: Labels, l: CancellationLine, locale: ReportLocale): string {
  if (!l.allowed || l.window === null)
    return explain({ reasons: l.reasons }, { locale: messagesOf(locale) }).summary;
  let text = t.open(
    formatInstant(l.window.closesAt, locale),
    formatCount(l.timeRemaining.days, locale),
    formatCount(l.timeRemaining.hours, locale),
  );
  if (l.refund !== null)
    text += t.refundNow(
      l.refund.settlement === 'credit',
      formatAmount(l.refund.amount, locale),
      formatMonth(l.refund.invoice.billingPeriod, locale),
    );
  return text;
}

/** The widest text each of a table's fixed columns can hold, per locale. */
interface FixedWidths {
  readonly day: number;
  readonly state: number;
  readonly end: number;
}

const fixedWidths = new Map<ReportLocale, FixedWidths>();

function fixedWidthsOf(locale: ReportLocale): FixedWidths {
  let w = fixedWidths.get(locale);
  if (w === undefined) {
    const t = LABELS[locale];
    let day = 0;
    for (let m = 1; m <= 12; m++)
      day = Math.max(day, formatDay(`2000-${String(m).padStart(2, '0')}-28`, locale).length);
    const longest = (values: readonly string[]) =>
      values.reduce((n, v) => Math.max(n, v.length), 1);
    w = {
      day,
      state: longest(Object.values(t.states)),
      end: longest(Object.values(t.ends)),
    };
    fixedWidths.set(locale, w);
  }
  return w;
}

/** The columns a subscription table's width depends on, from the input or a line. */
interface SubscriptionKey {
  readonly id: string;
  readonly name: string;
  readonly term: string;
  readonly plan: string;
}

function subscriptionKey(t: Labels, l: SubscriptionLine): SubscriptionKey {
  return {
    id: clean(l.id ?? `#${l.index + 1}`),
    name: clean(l.name ?? ''),
    term: termText(t, l.term),
    plan: planText(t, l.billingFrequency),
  };
}

/** Natural widths (id, name, term, plan), widened to fit `key`. */
function widenSubscription(widths: number[], key: SubscriptionKey): void {
  widths[0] = Math.max(widths[0] ?? 0, key.id.length);
  widths[1] = Math.max(widths[1] ?? 0, key.name.length);
  widths[2] = Math.max(widths[2] ?? 0, key.term.length);
  widths[3] = Math.max(widths[3] ?? 0, key.plan.length);
}

// Narrowed in this order until the table fits: a long id first down to 18,
// the name down to 16, the term and plan down to 10 (an unknown value), then
// the id and the name further. Narrowed cells wrap; nothing is cut.
const SUBSCRIPTION_NARROWING: readonly (readonly [number, number])[] = [
  [0, 18],
  [1, 16],
  [2, 10],
  [3, 10],
  [0, 8],
  [1, 8],
];
const PERPETUAL_NARROWING: readonly (readonly [number, number])[] = [
  [0, 18],
  [1, 16],
  [0, 8],
  [1, 8],
];

function subscriptionWidths(t: Labels, locale: ReportLocale, natural: readonly number[]): number[] {
  const f = fixedWidthsOf(locale);
  const content = [...natural, f.state, 2 * f.day + 3, f.end];
  return fitWidths(
    t.columns.map((h, i) => Math.max(h.length, content[i] ?? 0)),
    SUBSCRIPTION_NARROWING,
  );
}

function perpetualWidths(t: Labels, locale: ReportLocale, natural: readonly number[]): number[] {
  const content = [...natural, fixedWidthsOf(locale).day];
  return fitWidths(
    t.perpetualColumns.map((h, i) => Math.max(h.length, content[i] ?? 0)),
    PERPETUAL_NARROWING,
  );
}

function subscriptionRow(
  t: Labels,
  locale: ReportLocale,
  l: SubscriptionLine,
  widths: readonly number[],
): string {
  const k = subscriptionKey(t, l);
  const term = l.currentTerm;
  const cells = [
    k.id,
    k.name,
    k.term,
    k.plan,
    l.state === null ? '?' : t.states[l.state],
    term === null ? '?' : `${formatDay(term.start, locale)} – ${formatDay(term.end, locale)}`,
    l.nextEvent === null ? '?' : t.ends[l.nextEvent.type],
  ];
  return (
    tableRow(cells, widths) +
    paragraph(`${t.cancellation}: ${cancelText(t, l.cancellation, locale)}`, '    ', '      ')
  );
}

function perpetualRow(
  t: Labels,
  locale: ReportLocale,
  l: PerpetualLine,
  widths: readonly number[],
): string {
  const cells = [
    clean(l.orderId ?? l.id ?? `#${l.index + 1}`),
    clean(l.productName ?? ''),
    formatDay(calendarDayOf(l.purchasedAt), locale),
  ];
  return (
    tableRow(cells, widths) +
    paragraph(`${t.cancellation}: ${cancelText(t, l.cancellation, locale)}`, '    ', '      ')
  );
}

/** A customer's section as text, its lines computed one at a time. */
interface CustomerSource {
  readonly name: string;
  readonly market: CustomerReport['market'];
  /** The subscription table's natural widths of id, name, term, plan (known before the lines are computed). */
  readonly subscriptionWidths: readonly number[];
  readonly subscriptions: Iterable<SubscriptionLine>;
  /** The perpetual table's natural widths of order and product. */
  readonly perpetualWidths: readonly number[];
  readonly perpetual: Iterable<PerpetualLine>;
  readonly hasSubscriptions: boolean;
  readonly hasPerpetual: boolean;
  readonly fleet: () => FleetLine | null;
}

function writeFleet(t: Labels, locale: ReportLocale, f: FleetLine, write: Write): void {
  write(paragraph(`${t.fleet}: ${formatCount(f.devices, locale)} ${t.devices}`, '\n', ''));
  write(
    paragraph(
      `${t.deadline}: ${f.deadline === null ? t.none : formatInstant(f.deadline, locale)}`,
      '  ',
      '    ',
    ),
  );
  const counts: string[] = [];
  for (const [status, n] of Object.entries(f.counts) as [DeviceStatus, number][])
    if (n > 0) counts.push(`${t.statuses[status]} ${formatCount(n, locale)}`);
  if (counts.length > 0) write(paragraph(counts.join(', '), '  ', '    '));
  if (f.completesOn !== null)
    write(paragraph(`${t.completes}: ${formatDay(f.completesOn, locale)}`, '  ', '    '));
  write(paragraph(`${t.lapses}: ${formatCount(f.lapses.length, locale)}`, '  ', '    '));
  if (f.warnings.length > 0) {
    write(`  ${t.warnings}:\n`);
    for (const w of f.warnings)
      write(paragraph(explainReason(w, { locale: messagesOf(locale) }).text, '  - ', '    '));
  }
}

function writeCustomer(c: CustomerSource, locale: ReportLocale, write: Write): void {
  const t = LABELS[locale];
  write(paragraph(clean(c.name), '\n## ', '   '));
  if (c.market !== null) {
    write(`${t.market}: ${marketName(c.market.code, locale)} (${c.market.partnerCenterCode})\n`);
    write(`${t.reservations}: ${c.market.azureReservations ? t.available : t.notAvailable}\n`);
    write(`${t.tax}: ${c.market.pricesIncludeTax ? t.taxIncluded : t.taxExcluded}\n`);
  }
  if (c.hasSubscriptions) {
    const widths = subscriptionWidths(t, locale, c.subscriptionWidths);
    write(`\n${t.subscriptions}:\n${tableRow(t.columns, widths)}${headerRule(widths)}`);
    for (const l of c.subscriptions) write(subscriptionRow(t, locale, l, widths));
  }
  if (c.hasPerpetual) {
    const widths = perpetualWidths(t, locale, c.perpetualWidths);
    write(`\n${t.perpetual}:\n${tableRow(t.perpetualColumns, widths)}${headerRule(widths)}`);
    for (const l of c.perpetual) write(perpetualRow(t, locale, l, widths));
  }
  const f = c.fleet();
  if (f !== null) writeFleet(t, locale, f, write);
}

function title(t: Labels, asOf: Date, locale: ReportLocale): string {
  return `${wrap(`# ${t.title} (${t.asOf} ${formatInstant(asOf, locale)})`, LINE_WIDTH).join('\n')}\n`;
}

/** The report as text (a report already built: the same text the streaming writer gives). */
export function renderText(report: Report, locale: ReportLocale): string {
  const t = LABELS[locale];
  let out = title(t, report.asOf, locale);
  const write: Write = (text) => {
    out += text;
  };
  for (const c of report.customers) {
    const sw: number[] = [];
    for (const s of c.subscriptions) widenSubscription(sw, subscriptionKey(t, s));
    const pw = [0, 0];
    for (const p of c.perpetual) {
      pw[0] = Math.max(pw[0] as number, clean(p.orderId ?? p.id ?? `#${p.index + 1}`).length);
      pw[1] = Math.max(pw[1] as number, clean(p.productName ?? '').length);
    }
    writeCustomer(
      {
        name: c.name,
        market: c.market,
        subscriptionWidths: sw,
        subscriptions: c.subscriptions,
        hasSubscriptions: c.subscriptions.length > 0,
        perpetualWidths: pw,
        perpetual: c.perpetual,
        hasPerpetual: c.perpetual.length > 0,
        fleet: () => c.fleet,
      },
      locale,
      write,
    );
  }
  return out;
}

/** The report as JSON (a report already built): the text {@link writeJsonReport} writes. */
export function renderJson(report: Report): string {
  let out = '';
  writeJson(
    report.asOf,
    report.customers.map((c) => ({
      ...c,
      market: () => c.market,
      fleet: () => c.fleet,
    })),
    (text) => {
      out += text;
    },
  );
  return out;
}

function* lines<L>(count: number, line: (j: number) => L): Generator<L> {
  for (let j = 0; j < count; j++) yield line(j);
}

/**
 * The report written as it is computed, customer by customer and line by
 * line: a portfolio of a million subscriptions never sits in memory as a
 * report. Column widths come from the input (ids, names, terms, plans) and
 * the widest value the other columns can take.
 */
export function writeTextReport(
  portfolio: Portfolio,
  asOf: Date,
  locale: ReportLocale,
  write: Write,
): void {
  const t = LABELS[locale];
  write(title(t, asOf, locale));
  portfolio.customers.forEach((c, i) => {
    const market = customerMarket(c, i);
    const sw: number[] = [];
    c.subscriptions.forEach((s, j) => {
      widenSubscription(sw, {
        id: clean(subscriptionId(s, j)),
        name: clean(s.name ?? ''),
        term: termText(t, s.term),
        plan: planText(t, s.billingFrequency),
      });
    });
    const pw = [0, 0];
    c.perpetual.forEach((p, j) => {
      pw[0] = Math.max(pw[0] as number, clean(perpetualId(p, j)).length);
      pw[1] = Math.max(pw[1] as number, clean(p.productName ?? '').length);
    });
    writeCustomer(
      {
        name: c.name,
        market,
        subscriptionWidths: sw,
        subscriptions: lines(c.subscriptions.length, (j) => subscriptionLine(c, i, j, asOf)),
        hasSubscriptions: c.subscriptions.length > 0,
        perpetualWidths: pw,
        perpetual: lines(c.perpetual.length, (j) => perpetualLine(c, i, j, asOf)),
        hasPerpetual: c.perpetual.length > 0,
        fleet: () => customerFleet(c, i, asOf),
      },
      locale,
      write,
    );
  });
}

/** A customer for the JSON writer, its parts computed when written. */
interface JsonCustomer {
  readonly name: string;
  readonly customerId: string | null;
  readonly market: () => CustomerReport['market'];
  readonly subscriptions: Iterable<SubscriptionLine>;
  readonly perpetual: Iterable<PerpetualLine>;
  readonly fleet: () => FleetLine | null;
}

/**
 * One JSON document, a purchase per line: `{"asOf":…,"customers":[`, then
 * each customer's fields up to its lists, each subscription and perpetual
 * purchase on a line of its own, and the fleet. Compact (no indentation):
 * it is for programs, and half the bytes of an indented one.
 */
function writeJson(asOf: Date, customers: Iterable<JsonCustomer>, write: Write): void {
  write(`{"asOf":${JSON.stringify(asOf)},"customers":[`);
  let first = true;
  for (const c of customers) {
    write(first ? '\n' : ',\n');
    first = false;
    writeJsonCustomer(c, '', '\n', write);
  }
  write('\n]}\n');
}

/**
 * One customer's object, `{` + `head` + its fields `}`, written a purchase
 * at a time: `gap` goes before each purchase and before each list's end
 * (`'\n'` in the document, `''` on an ndjson line, which must stay one line).
 */
function writeJsonCustomer(c: JsonCustomer, head: string, gap: string, write: Write): void {
  write(
    `{${head}"name":${JSON.stringify(c.name)},"customerId":${JSON.stringify(c.customerId)},"market":${JSON.stringify(c.market())},"subscriptions":[`,
  );
  writeJsonItems(c.subscriptions, gap, write);
  write(`${gap}],"perpetual":[`);
  writeJsonItems(c.perpetual, gap, write);
  write(`${gap}],"fleet":`);
  writeJsonFleet(c.fleet(), write);
  write('}');
}

/**
 * A fleet as `JSON.stringify` writes it, its lapses and warnings one at a
 * time: a fleet of a million lapsed devices is a list of a million lapses.
 */
function writeJsonFleet(f: FleetLine | null, write: Write): void {
  if (f === null) {
    write('null');
    return;
  }
  write(
    `{"devices":${f.devices},"deadline":${JSON.stringify(f.deadline)},"counts":${JSON.stringify(f.counts)},"capacityPerDay":${JSON.stringify(f.capacityPerDay)},"completesOn":${JSON.stringify(f.completesOn)},"lapses":[`,
  );
  writeJsonItems(f.lapses, '', write);
  write(`],"downtimeDeviceDays":${f.downtimeDeviceDays},"warnings":[`);
  writeJsonItems(f.warnings, '', write);
  write(']}');
}

function writeJsonItems(items: Iterable<unknown>, gap: string, write: Write): void {
  let sep = gap;
  for (const item of items) {
    write(`${sep}${JSON.stringify(item)}`);
    sep = `,${gap}`;
  }
}

/**
 * The report as one JSON document (the same text {@link renderJson} gives),
 * written a line at a time as it is computed: a purchase per line.
 */
export function writeJsonReport(portfolio: Portfolio, asOf: Date, write: Write): void {
  writeJson(asOf, jsonCustomers(portfolio, asOf), write);
}

/** The portfolio's customers for the JSON writers, each part computed as it is written. */
function* jsonCustomers(portfolio: Portfolio, asOf: Date): Generator<JsonCustomer> {
  for (let i = 0; i < portfolio.customers.length; i++) {
    const c = portfolio.customers[i] as Portfolio['customers'][number];
    yield {
      name: c.name,
      customerId: c.customerId ?? null,
      market: () => customerMarket(c, i),
      subscriptions: lines(c.subscriptions.length, (j) => subscriptionLine(c, i, j, asOf)),
      perpetual: lines(c.perpetual.length, (j) => perpetualLine(c, i, j, asOf)),
      fleet: () => customerFleet(c, i, asOf),
    };
  }
}

/**
 * The report as JSON lines: one customer per line (`{ asOf, name,
 * customerId, market, subscriptions, perpetual, fleet }`), written as each
 * is computed.
 */
export function writeNdjsonReport(portfolio: Portfolio, asOf: Date, write: Write): void {
  // A customer's line is written a purchase at a time too: one customer of
  // 200,000 subscriptions is one line of 130 MB, never held whole.
  const head = `"asOf":${JSON.stringify(asOf)},`;
  for (const c of jsonCustomers(portfolio, asOf)) {
    writeJsonCustomer(c, head, '', write);
    write('\n');
  }
}
