/**
 * Locale-independent formatting of reason data: deterministic (UTC, no Intl
 * date formatting) and total (a value of the wrong type gives `undefined`,
 * never a throw, never `"undefined"` or `"[object Object]"`).
 * @internal
 * @module
 */
import { formatMoney, type Money } from '../core/index.js';
import { epochDayOfMs, formatEpochDay, toInstantMs } from '../core/internal.js';

/** Epoch milliseconds of a Date or an ISO-8601 / `YYYY-MM-DD` string; `undefined` otherwise. */
function instantMs(value: unknown): number | undefined {
  if (!(value instanceof Date) && typeof value !== 'string') return undefined;
  try {
    return toInstantMs(value, 'reason');
  } catch {
    return undefined;
  }
}

/**
 * @internal An instant as a UTC ISO-8601 string, `YYYY-MM-DDTHH:mm:ssZ`
 * (milliseconds shown only when not zero).
 */
export function formatInstant(value: unknown): string | undefined {
  const ms = instantMs(value);
  if (ms === undefined) return undefined;
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** @internal The UTC calendar day (`YYYY-MM-DD`) of a day string, instant string or Date. */
export function formatDay(value: unknown): string | undefined {
  const ms = instantMs(value);
  return ms === undefined ? undefined : formatEpochDay(epochDayOfMs(ms));
}

/** @internal A money amount as `'94.20 EUR'` (core `formatMoney` and the currency code). */
export function formatAmount(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    return `${formatMoney(value as Money)} ${(value as Money).currency}`;
  } catch {
    return undefined;
  }
}

/** @internal A signed amount `{ currency, minor }` as `'-94.20 EUR'`. */
export function formatSignedAmount(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { currency, minor } = value as { currency?: unknown; minor?: unknown };
  if (typeof minor !== 'number' || !Number.isSafeInteger(minor)) return undefined;
  const abs = formatAmount({ currency, minor: Math.abs(minor) });
  return abs === undefined ? undefined : minor < 0 ? `-${abs}` : abs;
}

/** @internal A line's dates `{ start, end }` as `2021-07-17…2021-08-14`. */
export function formatDates(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { start, end } = value as { start?: unknown; end?: unknown };
  const a = formatDay(start);
  const b = formatDay(end);
  return a === undefined && b === undefined ? undefined : `${a ?? '?'}…${b ?? '?'}`;
}

/** @internal A non-negative safe integer as digits. */
export function formatCount(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? String(value)
    : undefined;
}

const MAX_QUOTED = 60;
const CONTROL = /\p{Cc}/gu;

/**
 * @internal A received string in double quotes, control characters replaced
 * by spaces and cut after 60 characters (`…`).
 */
export function quote(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const clean = value.replace(CONTROL, ' ');
  const chars = Array.from(clean);
  return `"${chars.length > MAX_QUOTED ? `${chars.slice(0, MAX_QUOTED).join('')}…` : clean}"`;
}

/**
 * @internal A code or figure from a file (`cycleCharge`, `257.38`, `EUR`)
 * shown bare when it is a plain token, else quoted as {@link quote} does.
 */
export function formatToken(value: unknown): string | undefined {
  if (typeof value === 'string' && /^[A-Za-z0-9_.-]{1,40}$/.test(value)) return value;
  return quote(value);
}

const MAX_ITEMS = 100;

/**
 * @internal The items of an array (none for anything else), copied: holes
 * skipped and at most 100, so an odd or huge array is never walked whole.
 */
export function items(value: unknown): readonly unknown[] {
  if (!Array.isArray(value)) return [];
  const out: unknown[] = [];
  const n = Math.min(value.length, MAX_ITEMS);
  for (let i = 0; i < n; i++) if (i in value) out.push(value[i]);
  return out;
}

/** @internal `a`, `a or b`, `a, b or c` with the locale's conjunction. */
export function joinList(parts: readonly string[], conjunction: string): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} ${conjunction} ${parts[parts.length - 1]}`;
}

/** @internal The value of an own property of a table, by a key that may be anything. */
export function lookup<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * @internal A Partner Center fact or forecast value in words: a boolean as
 * `on`/`off`, a day as `YYYY-MM-DD`, an instant as UTC ISO-8601, other text
 * quoted; `undefined` for anything else.
 */
export function formatFact(value: unknown, on: string, off: string): string | undefined {
  if (typeof value === 'boolean') return value ? on : off;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value);
  if (value instanceof Date || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value))) {
    return formatInstant(value);
  }
  return quote(value);
}

/** @internal The `field` of a disagreement-like value, or `undefined`. */
export function factField(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const f = (value as { field?: unknown }).field;
  return typeof f === 'string' ? f : undefined;
}
