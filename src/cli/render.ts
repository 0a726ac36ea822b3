/**
 * Renders a report as text (a table per customer) or JSON.
 */
import type { Portfolio } from './portfolio.js';
import {
  type CancellationLine,
  type CustomerReport,
  customerFleet,
  customerMarket,
  customerReport,
  type FleetLine,
  type PerpetualLine,
  perpetualId,
  perpetualLine,
  planText,
  type Report,
  type ReportLocale,
  type SubscriptionLine,
  subscriptionId,
  subscriptionLine,
  termText,
} from './report.js';

const LABELS = {
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
    fleet: 'KMS to MAK',
    none: 'none',
    columns: ['id', 'name', 'term', 'plan', 'state', 'current term', 'next', 'cancellation'],
    perpetualColumns: ['order', 'product', 'bought', 'cancellation (100% credit)'],
    open: (l: CancellationLine) =>
      `open until ${l.closesAt} (${l.daysLeft} d ${l.hoursLeft} h left)${
        l.refund === null
          ? ''
          : `; now: ${l.refund.settlement === 'credit' ? 'credit' : 'refund'} ${l.refund.currency} ${l.refund.amount} on the ${l.refund.invoice} invoice`
      }`,
    closed: (l: CancellationLine) => l.summary,
    devices: 'devices',
    deadline: 'fleet deadline',
    lapses: 'devices that would lapse',
    completes: 'schedule completes on',
    warnings: 'warnings',
  },
  it: {
    title: 'Report software CSP',
    asOf: 'alla data',
    market: 'Mercato',
    reservations: 'Prenotazioni di Azure',
    available: 'disponibili',
    notAvailable: 'non disponibili in questo mercato',
    tax: 'Prezzi',
    taxIncluded: 'IVA inclusa',
    taxExcluded: 'IVA esclusa',
    subscriptions: 'Sottoscrizioni',
    perpetual: 'Software perpetuo',
    fleet: 'Da KMS a MAK',
    none: 'nessuno',
    columns: [
      'id',
      'nome',
      'durata',
      'piano',
      'stato',
      'periodo corrente',
      'prossimo evento',
      'annullamento',
    ],
    perpetualColumns: ['ordine', 'prodotto', 'acquistato', 'annullamento (credito 100%)'],
    open: (l: CancellationLine) =>
      `possibile fino a ${l.closesAt} (restano ${l.daysLeft} g ${l.hoursLeft} h)${
        l.refund === null
          ? ''
          : `; ora: ${l.refund.settlement === 'prorated_refund' ? 'rimborso' : 'credito'} ${l.refund.currency} ${l.refund.amount} sulla fattura ${l.refund.invoice}`
      }`,
    closed: (l: CancellationLine) => l.summary,
    devices: 'dispositivi',
    deadline: 'scadenza della flotta',
    lapses: 'dispositivi che scadrebbero',
    completes: 'piano completato il',
    warnings: 'avvisi',
  },
} as const;

/** Where the report's text goes, piece by piece (a file, stdout, a string in tests). */
export type Write = (text: string) => void;

/** A table's line formatter: cells padded to fixed widths, the last one not. */
function rowFormatter(widths: readonly number[]): (cells: readonly string[]) => string {
  return (cells) => {
    let line = '';
    for (let i = 0; i < cells.length; i++) {
      if (i > 0) line += '  ';
      line += (cells[i] as string).padEnd(widths[i] ?? 0);
    }
    return line.trimEnd();
  };
}

/** Widens `widths` to fit `cells`. */
function widen(widths: number[], cells: readonly string[]): void {
  for (let i = 0; i < widths.length; i++)
    widths[i] = Math.max(widths[i] ?? 0, (cells[i] ?? '').length);
}

type Labels = (typeof LABELS)[ReportLocale];

function cancelText(t: Labels, l: CancellationLine): string {
  return l.allowed ? t.open(l) : t.closed(l);
}

function subscriptionCells(t: Labels, s: SubscriptionLine): string[] {
  return [
    s.id,
    s.name,
    s.term,
    s.billingFrequency,
    s.state,
    `${s.termStart}..${s.termEnd}`,
    s.nextEvent,
    cancelText(t, s.cancellation),
  ];
}

function perpetualCells(t: Labels, p: PerpetualLine): string[] {
  return [p.id, p.name, p.purchasedOn, cancelText(t, p.cancellation)];
}

/** A customer's section as text, its lines computed one at a time. */
interface CustomerSource {
  readonly name: string;
  readonly market: CustomerReport['market'];
  /** The subscription table's column widths (known before the lines are computed). */
  readonly subscriptionWidths: readonly number[];
  readonly subscriptions: Iterable<SubscriptionLine>;
  readonly perpetualWidths: readonly number[];
  readonly perpetual: Iterable<PerpetualLine>;
  readonly hasSubscriptions: boolean;
  readonly hasPerpetual: boolean;
  readonly fleet: () => FleetLine | null;
}

function writeCustomer(c: CustomerSource, locale: ReportLocale, write: Write): void {
  const t = LABELS[locale];
  write(`\n## ${c.name}\n`);
  if (c.market !== null) {
    write(`${t.market}: ${c.market.name} (${c.market.code})\n`);
    write(`${t.reservations}: ${c.market.azureReservations ? t.available : t.notAvailable}\n`);
    write(`${t.tax}: ${c.market.pricesIncludeTax ? t.taxIncluded : t.taxExcluded}\n`);
  }
  const table = <L>(
    title: string,
    header: readonly string[],
    given: readonly number[],
    lines: Iterable<L>,
    cells: (l: L) => string[],
  ) => {
    const widths = header.map((h, i) => Math.max(h.length, given[i] ?? 0));
    const row = rowFormatter(widths);
    write(`\n${title}:\n${row(header)}\n${row(widths.map((w) => '-'.repeat(w)))}\n`);
    for (const l of lines) write(`${row(cells(l))}\n`);
  };
  if (c.hasSubscriptions)
    table(t.subscriptions, t.columns, c.subscriptionWidths, c.subscriptions, (s) =>
      subscriptionCells(t, s),
    );
  if (c.hasPerpetual)
    table(t.perpetual, t.perpetualColumns, c.perpetualWidths, c.perpetual, (p) =>
      perpetualCells(t, p),
    );
  const f = c.fleet();
  if (f !== null) {
    write(`\n${t.fleet}: ${f.devices} ${t.devices}\n`);
    write(`  ${t.deadline}: ${f.deadline ?? t.none}\n`);
    write(
      `  ${Object.entries(f.counts)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}\n`,
    );
    if (f.completesOn !== null) write(`  ${t.completes}: ${f.completesOn}\n`);
    write(`  ${t.lapses}: ${f.lapses}\n`);
    if (f.warnings.length > 0) write(`  ${t.warnings}: ${f.warnings.join(', ')}\n`);
  }
}

/** The report as text (a report already built: every column as wide as its widest cell). */
export function renderText(report: Report, locale: ReportLocale): string {
  const t = LABELS[locale];
  let out = `# ${t.title} (${t.asOf} ${report.asOf})\n`;
  const write: Write = (text) => {
    out += text;
  };
  for (const c of report.customers) {
    const sw: number[] = [];
    for (const s of c.subscriptions) widen(sw, subscriptionCells(t, s).slice(0, -1));
    const pw: number[] = [];
    for (const p of c.perpetual) widen(pw, perpetualCells(t, p).slice(0, -1));
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

/** The report as JSON (a report already built). */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
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
  write(`# ${t.title} (${t.asOf} ${asOf.toISOString()})\n`);
  portfolio.customers.forEach((c, i) => {
    const market = customerMarket(c, i, locale);
    // state, current term (YYYY-MM-DD..YYYY-MM-DD), next event (renewal YYYY-MM-DD)
    const sw = [0, 0, 0, 0, 'not_started'.length, 22, 'renewal 0000-00-00'.length];
    c.subscriptions.forEach((s, j) => {
      widen(sw, [subscriptionId(s, j), s.name ?? '', termText(s), planText(s)]);
    });
    const pw = [0, 0, 10];
    c.perpetual.forEach((p, j) => {
      widen(pw, [perpetualId(p, j), p.productName ?? '']);
    });
    writeCustomer(
      {
        name: c.name,
        market,
        subscriptionWidths: sw,
        subscriptions: lines(c.subscriptions.length, (j) =>
          subscriptionLine(c, i, j, asOf, locale),
        ),
        hasSubscriptions: c.subscriptions.length > 0,
        perpetualWidths: pw,
        perpetual: lines(c.perpetual.length, (j) => perpetualLine(c, i, j, asOf, locale)),
        hasPerpetual: c.perpetual.length > 0,
        fleet: () => customerFleet(c, i, asOf),
      },
      locale,
      write,
    );
  });
}

/** Indents every line but the first of a JSON text. */
const indent = (json: string, by: string) => json.replaceAll('\n', `\n${by}`);

/**
 * The report as one JSON document (the same as {@link renderJson} gives),
 * written line by line as it is computed.
 */
export function writeJsonReport(
  portfolio: Portfolio,
  asOf: Date,
  locale: ReportLocale,
  write: Write,
): void {
  write(`{\n  "asOf": ${JSON.stringify(asOf.toISOString())},\n  "customers": [`);
  portfolio.customers.forEach((c, i) => {
    write(i === 0 ? '\n    {\n' : ',\n    {\n');
    write(`      "name": ${JSON.stringify(c.name)},\n`);
    write(
      `      "market": ${indent(JSON.stringify(customerMarket(c, i, locale), null, 2), '      ')},\n`,
    );
    const list = <L>(key: string, count: number, line: (j: number) => L) => {
      if (count === 0) {
        write(`      "${key}": [],\n`);
        return;
      }
      write(`      "${key}": [`);
      for (let j = 0; j < count; j++)
        write(
          `${j === 0 ? '' : ','}\n        ${indent(JSON.stringify(line(j), null, 2), '        ')}`,
        );
      write('\n      ],\n');
    };
    list('subscriptions', c.subscriptions.length, (j) => subscriptionLine(c, i, j, asOf, locale));
    list('perpetual', c.perpetual.length, (j) => perpetualLine(c, i, j, asOf, locale));
    write(
      `      "fleet": ${indent(JSON.stringify(customerFleet(c, i, asOf), null, 2), '      ')}\n    }`,
    );
  });
  write(portfolio.customers.length === 0 ? ']\n}\n' : '\n  ]\n}\n');
}

/**
 * The report as JSON lines: one customer per line (`{ asOf, name, market,
 * subscriptions, perpetual, fleet }`), written as each is computed.
 */
export function writeNdjsonReport(
  portfolio: Portfolio,
  asOf: Date,
  locale: ReportLocale,
  write: Write,
): void {
  const at = asOf.toISOString();
  portfolio.customers.forEach((c, i) => {
    write(`${JSON.stringify({ asOf: at, ...customerReport(c, i, asOf, locale) })}\n`);
  });
}
