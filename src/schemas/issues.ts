/**
 * From zod's issues to the library's one error, and the `parse…` /
 * `safeParse…` plumbing every schema of this area shares.
 * @module
 */
import type * as z from 'zod';
import { CspRuleError, isCspRuleError } from '../core/index.js';
import { describeType, fail } from '../core/internal.js';

/**
 * One problem found in an input.
 * @category Schemas
 */
export interface SchemaIssue {
  /**
   * Where, from the root: the input's name, then keys and array indexes
   * (`['subscription', 'lineItems', 0, 'quantity']`).
   */
  readonly path: readonly (string | number)[];
  /** What is wrong, naming the field (dotted path) and the accepted values. */
  readonly message: string;
  /**
   * The library's error code when one of core's checks refused the value
   * (`invalid_instant`, `ambiguous_local_time`, `invalid_decimal`,
   * `unknown_currency`, `unknown_role`, `unknown_market`, ...) or a list's
   * own check did (`duplicate_id`; `too_many_issues` when a fleet stopped
   * being read after 1,000 bad devices), else zod's issue code
   * (`invalid_type`, `invalid_value`, `invalid_union`, `too_small`, `too_big`, `custom`).
   */
  readonly code: string;
}

/**
 * What a `safeParse…` function returns: the parsed value, or the
 * {@link core!CspRuleError} its `parse…` twin would have thrown.
 * @category Schemas
 */
export type SafeParseResult<T> =
  | {
      /** The input was valid. */
      readonly success: true;
      /** The parsed value. */
      readonly data: T;
    }
  | {
      /** The input was not valid. */
      readonly success: false;
      /** `invalid_input`, with every issue in `details.issues` ({@link SchemaIssue}[]). */
      readonly error: CspRuleError;
    };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const MAX_KEY = 48;

function segment(key: unknown): string | number {
  if (typeof key === 'number') return key;
  const text = typeof key === 'string' ? key : typeof key === 'symbol' ? key.toString() : '?';
  return text.length > MAX_KEY ? `${text.slice(0, MAX_KEY)}…` : text;
}

/**
 * @internal A path as the library writes fields: `subscription.lineItems[0].quantity`.
 * Keys that are not identifiers are quoted (`offers["DG7GMGF0D3SJ:0002"]`).
 */
export function dottedPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** The issue shape this module reads (zod's finalized issues). */
interface RawIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** @internal Every issue of a zod error, with the root name prepended and the field named. */
export function schemaIssues(issues: readonly RawIssue[], root: string): SchemaIssue[] {
  return issues.map((issue: Partial<RawIssue> | null) => {
    const rawPath = Array.isArray(issue?.path) ? issue.path : [];
    const path = [...(root === '' ? [] : [root]), ...rawPath.map(segment)];
    const field = dottedPath(path);
    const text = typeof issue?.message === 'string' ? issue.message : 'invalid';
    const zodCode = typeof issue?.code === 'string' ? issue.code : 'custom';
    const libraryCode = issue?.params?.['code'];
    return {
      path,
      message: field === '' ? text : `${field}: ${text}`,
      code: zodCode === 'custom' && typeof libraryCode === 'string' ? libraryCode : zodCode,
    };
  });
}

/**
 * Converts a zod error (from one of this area's schemas or your own) into the
 * library's error: code `invalid_input`, `field` = the first issue's dotted
 * path, `details.issues` = every {@link SchemaIssue}.
 *
 * @param error - A `ZodError` (what `schema.safeParse(x).error` holds).
 * @param root - The input's name, prepended to every path (`'subscription'`); `''` for none.
 * @returns The error (not thrown).
 * @throws {@link core!CspRuleError} `invalid_input` when `error` has no `issues` list.
 * @example
 * ```ts
 * import { quantitySchema, toCspRuleError } from 'csp-software-rules/schemas';
 *
 * const result = quantitySchema.safeParse(0);
 * const error = result.success ? undefined : toCspRuleError(result.error, 'quantity');
 * error?.code; // => 'invalid_input'
 * error?.message; // => 'quantity: expected a whole number of at least 1, got 0'
 * ```
 * @category Schemas
 */
export function toCspRuleError(error: z.ZodError, root = 'input'): CspRuleError {
  const raw = (error as { issues?: unknown } | null | undefined)?.issues;
  if (!Array.isArray(raw) || typeof root !== 'string') {
    fail('invalid_input', 'error', 'error: expected a ZodError (with issues) and a root name');
  }
  const issues = schemaIssues(raw as readonly RawIssue[], root);
  const first = issues[0];
  const more = issues.length - 1;
  const message =
    (first?.message ?? `${root}: invalid`) +
    (more > 0 ? ` (and ${more} more issue${more === 1 ? '' : 's'})` : '');
  return new CspRuleError('invalid_input', message, {
    field: first === undefined ? root : dottedPath(first.path),
    details: { issues },
  });
}

/**
 * Parses `input` with any zod schema and throws the library's error on failure.
 *
 * @param schema - A zod schema (one of this area's, or yours).
 * @param input - Anything.
 * @param root - The input's name, used in fields and messages; default `'input'`.
 * @returns The parsed value.
 * @throws {@link core!CspRuleError} `invalid_input` carrying every issue in `details.issues`.
 * @example
 * ```ts
 * import { instantSchema, parseWith } from 'csp-software-rules/schemas';
 *
 * parseWith(instantSchema, '2021-10-15T21:28:19.3058617Z', 'asOf'); // => '2021-10-15T21:28:19.3058617Z'
 * parseWith(instantSchema, '2021-10-14T10:00', 'asOf'); // => throws invalid_input
 * ```
 * @category Schemas
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  root = 'input',
): z.output<S> {
  const result = guardedParse(schema, input, root);
  if (result.success) return result.data;
  throw result.error;
}

/**
 * `schema.safeParse(input)` that never throws: a schema that is not one is
 * the caller's mistake (`CspRuleError` on `schema`), and an input that throws
 * while it is read (a Proxy, a throwing getter) is a failure on `root`.
 */
function guardedParse<S extends z.ZodType>(
  schema: S,
  input: unknown,
  root: string,
): SafeParseResult<z.output<S>> {
  const safeParse = safeParseOf(schema);
  if (typeof root !== 'string') fail('invalid_input', 'root', 'root: expected a string');
  try {
    const result = safeParse.call(schema, input) as {
      success?: unknown;
      data?: unknown;
      error?: unknown;
    } | null;
    if (typeof result !== 'object' || result === null) throw NOT_A_RESULT;
    if (result.success === true) return { success: true, data: result.data as z.output<S> };
    const error = result.error; // zod words its issues on this first read
    return { success: false, error: toCspRuleError(error as z.ZodError, root) };
  } catch (e) {
    if (e === NOT_A_RESULT) {
      fail('invalid_input', 'schema', 'schema: its safeParse did not return a result');
    }
    if (isCspRuleError(e)) return { success: false, error: e };
    return {
      success: false,
      error: new CspRuleError('invalid_input', `${root}: could not be read (it threw while read)`, {
        field: root,
      }),
    };
  }
}

/** Thrown (and caught) inside {@link guardedParse} when a schema's `safeParse` returns no result. */
const NOT_A_RESULT: unique symbol = Symbol('not a result');

/** The schema's `safeParse`, read once; a schema without one is the caller's mistake. */
function safeParseOf(schema: unknown): (input: unknown) => unknown {
  let safeParse: unknown;
  try {
    safeParse =
      typeof schema === 'object' && schema !== null
        ? (schema as { safeParse?: unknown }).safeParse
        : undefined;
  } catch {}
  if (typeof safeParse !== 'function')
    fail('invalid_input', 'schema', 'schema: expected a zod schema');
  return safeParse as (input: unknown) => unknown;
}

/**
 * Parses `input` with any zod schema, never throwing for a bad input.
 *
 * @param schema - A zod schema (one of this area's, or yours).
 * @param input - Anything.
 * @param root - The input's name, used in fields and messages; default `'input'`.
 * @returns `{ success: true, data }` or `{ success: false, error }` (a {@link core!CspRuleError}).
 * @example
 * ```ts
 * import { currencySchema, safeParseWith } from 'csp-software-rules/schemas';
 *
 * safeParseWith(currencySchema, 'EUR', 'currency'); // => { success: true, data: 'EUR' }
 * const bad = safeParseWith(currencySchema, 'XYZ', 'currency');
 * bad.success ? '' : bad.error.details['issues']; // => [{ path: ['currency'], message: 'currency: unknown ISO 4217 currency "XYZ"', code: 'unknown_currency' }]
 * ```
 * @category Schemas
 */
export function safeParseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  root = 'input',
): SafeParseResult<z.output<S>> {
  try {
    return guardedParse(schema, input, root);
  } catch (e) {
    // Never throws, not even for a schema that is not one: guardedParse reads
    // the input and the schema's answer inside its own try, so what reaches
    // here is one of its CspRuleErrors (a bad schema or root).
    return { success: false, error: e as CspRuleError };
  }
}

/** The field name core checks are given; stripped from their messages. */
const FIELD = 'value';
const FIELD_PREFIX = /^[^\s:"]+: /;

const SHORT_TOKEN = /^[\w .:-]{0,12}$/;

/**
 * @internal How a received value is named in a message: numbers and short
 * tokens as they are (`0`, `NaN`, `"P2Y"`), anything else by its type only,
 * so a secret pasted into the wrong field never reaches a log.
 */
export function received(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') {
    return SHORT_TOKEN.test(value) ? JSON.stringify(value) : 'a string';
  }
  if (value === undefined) return 'nothing';
  return describeType(value);
}

/**
 * @internal A zod `error` option: "required: expected X" for a missing value,
 * else "expected X, got Y".
 */
export function expected(what: string): (issue: { readonly input?: unknown }) => string {
  return (issue) =>
    issue.input === undefined
      ? `required: expected ${what}`
      : `expected ${what}, got ${received(issue.input)}`;
}

/** @internal The context a refinement or transform adds issues to. */
export interface IssueSink {
  addIssue(issue: {
    code: 'custom';
    message: string;
    params?: Record<string, unknown>;
    path?: PropertyKey[];
    input?: unknown;
  }): void;
}

/**
 * @internal Runs one of core's checks; a {@link core!CspRuleError} it throws
 * becomes a zod issue with the core message (without its field prefix, which
 * the path supplies) and the core code in `params.code`. Returns the check's
 * result, or `undefined` when it refused.
 */
export function coreCheck<T>(
  ctx: IssueSink,
  check: (field: string) => T,
  path?: PropertyKey[],
): T | undefined {
  try {
    return check(FIELD);
  } catch (e) {
    if (!isCspRuleError(e)) throw e;
    // Core messages start with the field they were given ("value: ...",
    // "value.currency: ...", "role: ..."); the issue's path names it instead.
    const message = e.message.replace(FIELD_PREFIX, '');
    ctx.addIssue({
      code: 'custom',
      message,
      params: { code: e.code },
      ...(path === undefined ? {} : { path }),
    });
    return undefined;
  }
}
