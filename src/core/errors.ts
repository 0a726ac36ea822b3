/**
 * The one error this library throws, for caller mistakes only.
 *
 * Business outcomes ("the window is closed") are decisions, never errors.
 * @module
 */

/**
 * Machine-readable codes of {@link CspRuleError}. Stable: new codes may be
 * added in minor versions, existing ones never change meaning.
 *
 * @category Errors
 */
export type CspRuleErrorCode =
  | 'invalid_instant'
  | 'ambiguous_local_time'
  | 'invalid_calendar_day'
  | 'invalid_duration'
  | 'invalid_term'
  | 'invalid_billing_frequency'
  | 'invalid_decimal'
  | 'invalid_money'
  | 'unknown_currency'
  | 'currency_mismatch'
  | 'invalid_quantity'
  | 'invalid_rounding'
  | 'invalid_allocation'
  | 'invalid_policy'
  | 'policy_not_in_force'
  | 'unknown_market'
  | 'unknown_role'
  | 'unknown_action'
  | 'invalid_range'
  | 'invalid_option'
  | 'invalid_input'
  | 'duplicate_id'
  | 'unknown_channel'
  | 'missing_field';

/**
 * The JSON form of a {@link CspRuleError}.
 * @category Errors
 */
export interface CspRuleErrorJSON {
  /** Always `'CspRuleError'`. */
  readonly name: 'CspRuleError';
  /** The stable code. */
  readonly code: CspRuleErrorCode;
  /** The offending field. */
  readonly field: string;
  /** The message. */
  readonly message: string;
  /** Structured detail. */
  readonly details: Readonly<Record<string, unknown>>;
}

const BRAND: unique symbol = Symbol.for('csp-software-rules.CspRuleError') as never;

/** Options of the {@link CspRuleError} constructor. */
export interface CspRuleErrorOptions {
  /** The offending input field, as a dotted path (`'purchase.purchasedAt'`). */
  readonly field: string;
  /** Structured detail for machines (never a secret value such as a product key). */
  readonly details?: Readonly<Record<string, unknown>>;
  /** The underlying cause, if any. */
  readonly cause?: unknown;
}

/**
 * Raised when a caller passes something the rules cannot read: an Invalid
 * Date, a local time without offset, an unknown market or currency, a
 * negative quantity, currencies mixed in one operation...
 *
 * Recognise it with {@link isCspRuleError}, which also works when the error
 * comes from another copy of the library (ESM and CJS builds, subpaths).
 *
 * @example
 * ```ts
 * import { CspRuleError, isCspRuleError } from 'csp-software-rules/core';
 *
 * const e = new CspRuleError('unknown_market', 'Unknown market code "QQ"', { field: 'market' });
 * isCspRuleError(e); // => true
 * e.code; // => 'unknown_market'
 * e.field; // => 'market'
 * ```
 * @category Errors
 */
export class CspRuleError extends Error {
  /** Stable machine-readable code. */
  readonly code: CspRuleErrorCode;
  /** The offending input field (dotted path). */
  readonly field: string;
  /** Structured detail (JSON-serialisable), never a secret value. */
  readonly details: Readonly<Record<string, unknown>>;
  /** Brand read by {@link isCspRuleError}. */
  readonly [BRAND] = true;

  /**
   * @param code - The stable error code.
   * @param message - Human text for logs (English).
   * @param options - The offending field, details and cause (`field` defaults to `''`).
   */
  constructor(code: CspRuleErrorCode, message: string, options?: CspRuleErrorOptions) {
    const o: Partial<CspRuleErrorOptions> =
      typeof options === 'object' && options !== null ? options : {};
    super(message, o.cause === undefined ? undefined : { cause: o.cause });
    this.name = 'CspRuleError';
    this.code = code;
    this.field = o.field ?? '';
    this.details = o.details ?? {};
  }

  /** A JSON form: `{ name, code, field, message, details }`. */
  toJSON(): CspRuleErrorJSON {
    return {
      name: 'CspRuleError',
      code: this.code,
      field: this.field,
      message: this.message,
      details: this.details,
    };
  }
}

/**
 * Whether `e` is a {@link CspRuleError} from any copy of this library (brand
 * check, not `instanceof`, so ESM, CJS and every subpath agree).
 *
 * @param e - Anything caught.
 * @returns `true` for a `CspRuleError`.
 * @example
 * ```ts
 * import { isCspRuleError, parseInstant } from 'csp-software-rules/core';
 *
 * let caught: unknown;
 * try { parseInstant('2021-10-14T10:00'); } catch (e) { caught = e; }
 * isCspRuleError(caught); // => true
 * isCspRuleError(new Error('x')); // => false
 * ```
 * @category Errors
 */
export function isCspRuleError(e: unknown): e is CspRuleError {
  if (typeof e !== 'object' || e === null) return false;
  try {
    return (e as { [BRAND]?: unknown })[BRAND] === true;
  } catch {
    return false; // a Proxy whose trap throws is not one
  }
}

/** @internal Throw a {@link CspRuleError}. */
export function fail(
  code: CspRuleErrorCode,
  field: string,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): never {
  // The constructor reads undefined details as {}.
  throw new CspRuleError(code, message, { field, details } as CspRuleErrorOptions);
}

/** @internal {@link fail} with the message `field: text` (the field named first, as every message does). */
export function failField(
  field: string,
  text: string,
  code: CspRuleErrorCode = 'invalid_input',
): never {
  return fail(code, field, `${field}: ${text}`);
}

/** @internal A short, safe description of a received value for messages (never the value of a string). */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (value instanceof Date) return 'Invalid Date';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') {
    return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? 'a number' : String(value);
  }
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * @internal The received text for a message, only when it has the harmless
 * shape `safe` allows (digits, a currency code...): a product key or other
 * secret passed in the wrong field is never echoed.
 */
export function quoteIfSafe(text: string, safe: RegExp): string {
  return safe.test(text) ? ` "${text}"` : '';
}

/**
 * @internal The optional `field` argument of a public function, checked: it is
 * repeated in messages and carried by the error, so it must be a string.
 */
export function fieldName(field: unknown): string {
  if (typeof field !== 'string') {
    fail('invalid_input', 'field', `field: expected a string, got ${describeType(field)}`);
  }
  return field;
}
