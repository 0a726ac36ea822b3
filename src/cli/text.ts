/**
 * The tables' words and layout: dates with date-fns in the report's language
 * (always in UTC, whatever the machine's time zone), money with
 * `Intl.NumberFormat` and the currency's ISO 4217 decimals, and lines that
 * fit {@link LINE_WIDTH} columns (cells wrapped, never cut without a mark).
 * Only the table renderers use this: the JSON report carries no text.
 */
import { UTCDate } from '@date-fns/utc';
import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { it } from 'date-fns/locale/it';
import { type CalendarDay, currencyExponent, formatMoney, type Money } from '../core/index.js';
import type { ReportLocale } from './report.js';

/** Every line of a table is at most this many characters. */
export const LINE_WIDTH = 120;

const DATE_LOCALES = { en: enGB, it } as const;
const NUMBER_LOCALES = { en: 'en-GB', it: 'it-IT' } as const;

// A report formats the same few days and instants again and again (terms
// share their dates): each text is remembered, in a bounded map.
const cache = new Map<string, string>();

function remembered(key: string, make: () => string): string {
  let text = cache.get(key);
  if (text === undefined) {
    text = make();
    if (cache.size >= 20_000) cache.clear();
    cache.set(key, text);
  }
  return text;
}

/** A UTC calendar day in the locale: `27 Nov 2026`, `27 nov 2026`. */
export function formatDay(day: CalendarDay, locale: ReportLocale): string {
  return remembered(`d${locale}${day}`, () =>
    format(new UTCDate(Date.parse(`${day}T00:00:00Z`)), 'd MMM uuuu', {
      locale: DATE_LOCALES[locale],
    }),
  );
}

/**
 * An instant in the locale, to the minute, in UTC: `27 Nov 2026 09:15 UTC`.
 * Seconds are dropped (toward the past: a window shown closing at 16:05
 * closes at 16:05:44); the JSON report has the exact instant.
 */
export function formatInstant(instant: Date, locale: ReportLocale): string {
  return remembered(`i${locale}${instant.getTime()}`, () => {
    const text = format(new UTCDate(instant.getTime()), 'd MMM uuuu HH:mm', {
      locale: DATE_LOCALES[locale],
    });
    return `${text} UTC`;
  });
}

/** A billing period `YYYY-MM` in the locale: `Nov 2026`, `nov 2026`. */
export function formatMonth(period: string, locale: ReportLocale): string {
  return remembered(`m${locale}${period}`, () =>
    format(new UTCDate(Date.parse(`${period}-01T00:00:00Z`)), 'MMM uuuu', {
      locale: DATE_LOCALES[locale],
    }),
  );
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * Money in the locale with its currency (`€8,562.32`, `8.562,32 €`), a
 * negative amount with its sign. Exactly the currency's ISO 4217 decimals:
 * the amount is formatted from its exact decimal text, never a float.
 */
export function formatAmount(m: Money, locale: ReportLocale): string {
  const key = `${locale}${m.currency}`;
  let f = moneyFormats.get(key);
  if (f === undefined) {
    // ISO 4217's decimals, not CLDR's display digits (HUF, IDR show 0 there).
    const digits = currencyExponent(m.currency);
    f = new Intl.NumberFormat(NUMBER_LOCALES[locale], {
      style: 'currency',
      currency: m.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(key, f);
  }
  const abs = formatMoney({ currency: m.currency, minor: Math.abs(m.minor) });
  // format() reads a string as an exact decimal (Intl.NumberFormat v3).
  return f.format((m.minor < 0 ? `-${abs}` : abs) as unknown as number);
}

const countFormats = { en: new Intl.NumberFormat('en-GB'), it: new Intl.NumberFormat('it-IT') };

/** A whole number in the locale: `1,000`, `1.000`. */
export function formatCount(n: number, locale: ReportLocale): string {
  return countFormats[locale].format(n);
}

/** Text from a file, safe for a terminal: control characters become spaces. */
export function clean(s: string): string {
  let safe = true;
  for (let i = 0; i < s.length && safe; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) safe = false;
  }
  if (safe) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c < 0x20 || (c >= 0x7f && c <= 0x9f) ? ' ' : s[i];
  }
  return out;
}

/**
 * `text` in lines of at most `width` characters, broken at spaces; a word
 * longer than `width` is broken inside (an id, a URL).
 */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(1, width);
  if (text.length <= w) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let rest = word;
    if (line !== '' && line.length + 1 + rest.length <= w) {
      line += ` ${rest}`;
      continue;
    }
    if (line !== '') lines.push(line);
    while (rest.length > w) {
      lines.push(rest.slice(0, w));
      rest = rest.slice(w);
    }
    line = rest;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** `text` wrapped to {@link LINE_WIDTH}: the first line after `first`, the others after `next` (indents). */
export function paragraph(text: string, first: string, next: string): string {
  let out = '';
  wrap(text, LINE_WIDTH - Math.max(first.length, next.length)).forEach((l, i) => {
    out += `${i === 0 ? first : next}${l}
`;
  });
  return out;
}

/**
 * Column widths that fit {@link LINE_WIDTH} with two spaces between columns:
 * each column as wide as `natural` asks, then, while the total is over,
 * column `c` narrowed down to `min` for each `[c, min]` of `narrowing` in turn.
 */
export function fitWidths(
  natural: readonly number[],
  narrowing: readonly (readonly [number, number])[],
): number[] {
  const widths = [...natural];
  let total = 2 * (widths.length - 1);
  for (const w of widths) total += w;
  for (const [col, min] of narrowing) {
    if (total <= LINE_WIDTH) break;
    const cut = Math.min(total - LINE_WIDTH, (widths[col] ?? 0) - min);
    if (cut > 0) {
      widths[col] = (widths[col] ?? 0) - cut;
      total -= cut;
    }
  }
  return widths;
}

/**
 * One table row: each cell wrapped to its column's width, the row as tall
 * as its tallest cell; cells padded, the last one not. `right` columns are
 * aligned right (amounts).
 */
export function tableRow(
  cells: readonly string[],
  widths: readonly number[],
  right: ReadonlySet<number> = NO_COLUMNS,
): string {
  const wrapped = cells.map((c, i) => wrap(c, widths[i] ?? c.length));
  let height = 1;
  for (const w of wrapped) height = Math.max(height, w.length);
  let out = '';
  for (let k = 0; k < height; k++) {
    let line = '';
    for (let i = 0; i < wrapped.length; i++) {
      if (i > 0) line += '  ';
      const piece = (wrapped[i] as string[])[k] ?? '';
      const width = widths[i] ?? piece.length;
      line += right.has(i) ? piece.padStart(width) : piece.padEnd(width);
    }
    out += `${line.trimEnd()}\n`;
  }
  return out;
}

const NO_COLUMNS: ReadonlySet<number> = new Set();

/** The rule under a table's header: one run of dashes per column. */
export function headerRule(widths: readonly number[]): string {
  return `${widths.map((w) => '-'.repeat(w)).join('  ')}\n`;
}
