/**
 * The reconcile command: a portfolio (with histories and tenant ids) against
 * a reconciliation file Microsoft sent. Reads files and, for the progress
 * line, the clock; the rendering below is pure.
 */
import { formatMoney, type Money, type Purchase } from '../core/index.js';
import { explainReason } from '../explain/index.js';
import { IT_MESSAGES } from '../explain/it/index.js';
import type {
  ReconciledPurchase,
  Reconciliation,
  ReconciliationFinding,
} from '../reconciliation/index.js';
import type { Portfolio } from './portfolio.js';
import type { ReportLocale } from './report.js';
import {
  clean,
  fitWidths,
  formatAmount,
  formatCount,
  formatMonth,
  paragraph,
  tableRow,
} from './text.js';

/** Customer names by tenant id (lower case), for the totals. */
export function customerNames(portfolio: Portfolio): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of portfolio.customers)
    if (c.customerId !== undefined) names.set(c.customerId.toLowerCase(), c.name);
  return names;
}

/** The portfolio's purchases as `reconcile` reads them: the purchase, its history, its tenant. */
export function portfolioPurchases(portfolio: Portfolio): ReconciledPurchase[] {
  const out: ReconciledPurchase[] = [];
  for (const c of portfolio.customers) {
    for (const p of [...c.subscriptions, ...c.perpetual]) {
      const {
        history,
        name: _name,
        ...purchase
      } = p as typeof p & {
        history?: ReconciledPurchase['history'];
        name?: string;
      };
      out.push({
        purchase: purchase as Purchase,
        ...(history === undefined ? {} : { history }),
        ...(c.customerId === undefined ? {} : { customerId: c.customerId }),
      });
    }
  }
  return out;
}

const HEADINGS = {
  en: {
    title: 'Reconciliation',
    lines: 'lines read',
    matched: 'matched',
    periods: 'periods',
    totals: 'Totals (before tax)',
    customer: 'customer',
    expected: 'expected',
    billed: 'billed',
    difference: 'difference',
    notModelled: 'not modelled',
    taxInclusive: 'prices include tax',
    findings: 'Findings',
    none: 'Every modelled line matches the rules.',
    otherReadings: 'lines fit the other documented rounding reading',
    noCustomer: '(no customer id)',
  },
  it: {
    title: 'Riconciliazione',
    lines: 'righe lette',
    matched: 'abbinate',
    periods: 'periodi',
    totals: 'Totali (al netto delle imposte)',
    customer: 'cliente',
    expected: 'atteso',
    billed: 'fatturato',
    difference: 'differenza',
    notModelled: 'non modellato',
    taxInclusive: 'prezzi comprensivi di imposte',
    findings: 'Rilievi',
    none: 'Ogni riga modellata corrisponde alle regole.',
    otherReadings: 'righe corrispondono all’altra lettura documentata dell’arrotondamento',
    noCustomer: '(senza id cliente)',
  },
} as const;

/** A finding's sentence in the locale. */
export function findingText(f: ReconciliationFinding, locale: ReportLocale): string {
  return explainReason(f, { locale: locale === 'it' ? IT_MESSAGES : 'en' }).text;
}

/** A signed amount `{ currency, minor }` as `-94.20 EUR` (for the CSV: plain decimal text). */
function amount(m: unknown): string {
  const { currency, minor } = (m ?? {}) as { currency?: unknown; minor?: unknown };
  if (typeof currency !== 'string' || typeof minor !== 'number') return '';
  const abs = formatMoney({ currency, minor: Math.abs(minor) });
  return `${minor < 0 ? '-' : ''}${abs} ${currency}`;
}

/** Text from the file, safe for a terminal: no control characters, at most 80 characters. */
function shown(s: string): string {
  const t = clean(s);
  return t.length > 80 ? `${t.slice(0, 79)}…` : t;
}

/** The outcome as a table: a summary, the totals, then every finding with its sentence. */
export function renderReconciliationText(
  r: Reconciliation,
  source: string,
  locale: ReportLocale,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  const h = HEADINGS[locale];
  let out = paragraph(`${h.title}: ${clean(source)}`, '# ', '  ');
  const periods = r.periods.map((p) => formatMonth(p, locale)).join(', ') || '-';
  out += paragraph(
    `${h.lines}: ${formatCount(r.lines, locale)}, ${h.matched}: ${formatCount(r.matched, locale)}, ${h.periods}: ${periods}`,
    '\n',
    '',
  );
  if (r.otherReadings.length > 0)
    out += paragraph(`${formatCount(r.otherReadings.length, locale)} ${h.otherReadings}`, '', '');
  out += `\n## ${h.totals}\n`;
  const header = [h.customer, h.expected, h.billed, h.difference, h.notModelled];
  const rows: string[][] = [];
  const money = (m: Money) => formatAmount(m, locale);
  for (const t of r.totals) {
    rows.push([
      `${t.customerId === null ? h.noCustomer : shown(names.get(t.customerId.toLowerCase()) ?? t.customerId)}${t.taxInclusiveMarket ? ` (${h.taxInclusive})` : ''}`,
      money(t.expected),
      money(t.billed),
      money(t.difference),
      money(t.notModelled),
    ]);
  }
  const natural = header.map((c) => c.length);
  for (const row of rows)
    for (let i = 0; i < row.length; i++)
      natural[i] = Math.max(natural[i] as number, (row[i] as string).length);
  // Only the customer column narrows (and wraps); the amounts keep their width.
  const widths = fitWidths(natural, [[0, 16]]);
  out += tableRow(header, widths, AMOUNT_COLUMNS);
  for (const row of rows) out += tableRow(row, widths, AMOUNT_COLUMNS);
  out += `\n## ${h.findings} (${formatCount(r.findings.length, locale)})\n`;
  if (r.findings.every((f) => f.code === 'not_modelled')) out += `${h.none}\n`;
  for (const f of r.findings) {
    const where = [
      `[${f.code}]`,
      f.line === null ? '-' : String(f.line),
      shown(f.subscriptionId ?? ''),
      shown(f.chargeType ?? ''),
    ]
      .filter((x) => x !== '')
      .join(' ');
    out += paragraph(`${where}: ${findingText(f, locale)}`, '- ', '  ');
  }
  return out;
}

const AMOUNT_COLUMNS: ReadonlySet<number> = new Set([1, 2, 3, 4]);

/** The outcome as JSON (every number and code, for a program). */
export function renderReconciliationJson(r: Reconciliation): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

const CSV_COLUMNS = [
  'line',
  'code',
  'customerId',
  'subscriptionId',
  'chargeType',
  'period',
  'expected',
  'billed',
  'difference',
  'message',
] as const;

function csvCell(v: string): string {
  // A leading = + - @ would be a formula to a spreadsheet: quote it as text.
  const safe = /^[=+\-@\t\r]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function figure(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'object' || v === null) return '';
  if ('minor' in v) return amount(v);
  if ('unitPrice' in v) return String((v as { unitPrice: unknown }).unitPrice ?? '');
  const d = v as { start?: unknown; end?: unknown };
  if (typeof d.start === 'string') return `${d.start}…${String(d.end)}`;
  return '';
}

/** The findings as CSV, one row each, for a spreadsheet. */
export function renderReconciliationCsv(r: Reconciliation, locale: ReportLocale): string {
  const out = [CSV_COLUMNS.join(',')];
  for (const f of r.findings) {
    const x = f as unknown as Record<string, unknown>;
    out.push(
      [
        f.line === null ? '' : String(f.line),
        f.code,
        f.customerId ?? '',
        f.subscriptionId ?? '',
        f.chargeType ?? '',
        f.period ?? '',
        figure(x['expected']),
        figure(x['billed']),
        figure(x['difference']),
        findingText(f, locale),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${out.join('\r\n')}\r\n`;
}
