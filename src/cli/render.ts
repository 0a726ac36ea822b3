/**
 * Renders a report as text (a table per customer) or JSON.
 */
import type { CancellationLine, CustomerReport, Report, ReportLocale } from './report.js';

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

/** Appends `lines` one by one: spreading them into one call overflows the stack on a large report. */
function append(out: string[], lines: readonly string[]): void {
  for (const line of lines) out.push(line);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  // Widths found in a loop: spreading a large report's rows into one call would overflow the stack.
  const widths = header.map((h) => h.length);
  for (const r of rows) {
    for (let i = 0; i < widths.length; i++) {
      widths[i] = Math.max(widths[i] ?? 0, (r[i] ?? '').length);
    }
  }
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function customer(c: CustomerReport, locale: ReportLocale): string[] {
  const t = LABELS[locale];
  const out = [`## ${c.name}`];
  if (c.market !== null) {
    out.push(`${t.market}: ${c.market.name} (${c.market.code})`);
    out.push(`${t.reservations}: ${c.market.azureReservations ? t.available : t.notAvailable}`);
    out.push(`${t.tax}: ${c.market.pricesIncludeTax ? t.taxIncluded : t.taxExcluded}`);
  }
  const cancel = (l: CancellationLine) => (l.allowed ? t.open(l) : t.closed(l));
  if (c.subscriptions.length > 0) {
    out.push('', `${t.subscriptions}:`);
    append(
      out,
      table(
        t.columns,
        c.subscriptions.map((s) => [
          s.id,
          s.name,
          s.term,
          s.billingFrequency,
          s.state,
          `${s.termStart}..${s.termEnd}`,
          s.nextEvent,
          cancel(s.cancellation),
        ]),
      ),
    );
  }
  if (c.perpetual.length > 0) {
    out.push('', `${t.perpetual}:`);
    append(
      out,
      table(
        t.perpetualColumns,
        c.perpetual.map((p) => [p.id, p.name, p.purchasedOn, cancel(p.cancellation)]),
      ),
    );
  }
  if (c.fleet !== null) {
    const f = c.fleet;
    out.push('', `${t.fleet}: ${f.devices} ${t.devices}`);
    out.push(`  ${t.deadline}: ${f.deadline ?? t.none}`);
    out.push(
      `  ${Object.entries(f.counts)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
    if (f.completesOn !== null) out.push(`  ${t.completes}: ${f.completesOn}`);
    out.push(`  ${t.lapses}: ${f.lapses}`);
    if (f.warnings.length > 0) out.push(`  ${t.warnings}: ${f.warnings.join(', ')}`);
  }
  return out;
}

/** The report as text. */
export function renderText(report: Report, locale: ReportLocale): string {
  const t = LABELS[locale];
  const out = [`# ${t.title} (${t.asOf} ${report.asOf})`];
  for (const c of report.customers) {
    out.push('');
    append(out, customer(c, locale));
  }
  return `${out.join('\n')}\n`;
}

/** The report as JSON. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
