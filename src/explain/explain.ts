/**
 * Human sentences for decisions and reasons: English built in, other
 * locales (Italian: `./explain/it`) passed in as message tables.
 * @module
 */
import type { ReasonBase } from '../core/index.js';
import { asRecord, denseList, fail } from '../core/internal.js';
import type { AnyReason, ReasonCode } from './codes.js';
import { EN_MESSAGES } from './messages/en.js';
import type { LocaleMessages, ReasonMessage } from './types.js';

/** A decision carries a few reasons; this many is not a decision. */
const MAX_REASONS = 10_000;

/**
 * Options of {@link explain} and {@link explainReason}.
 * @category Explain
 */
export interface ExplainOptions {
  /**
   * The messages to write with: `'en'` or omitted for English, or a locale's
   * table such as `IT_MESSAGES` from `csp-software-rules/explain/it` (or your own).
   */
  readonly locale?: 'en' | LocaleMessages | undefined;
}

/**
 * One reason in words.
 * @category Explain
 */
export interface ExplainedReason {
  /** The reason's code, as received. */
  readonly code: string;
  /** The sentence, with the reason's data. */
  readonly text: string;
  /** Whether this version knows the code; `false` gives a generic sentence naming it. */
  readonly known: boolean;
}

/**
 * A decision in words.
 * @category Explain
 */
export interface Explanation {
  /** Whether the decision allows the action (it lists no reason). */
  readonly allowed: boolean;
  /** One sentence: `'Allowed.'`, or `'Not allowed: '` and the brief of each distinct reason. */
  readonly summary: string;
  /** One sentence per reason, in the decision's order. */
  readonly reasons: readonly ExplainedReason[];
  /**
   * One sentence per disagreement the decision lists (a Partner Center fact
   * that differs from the forecast; the decision used the fact); empty when none.
   */
  readonly disagreements: readonly string[];
}

/**
 * Whether `code` is a reason code this version explains with its own sentence.
 *
 * @param code - Any value.
 * @returns `true` for a known code.
 * @example
 * ```ts
 * import { isReasonCode } from 'csp-software-rules/explain';
 *
 * isReasonCode('window_closed'); // => true
 * isReasonCode('toString'); // => false
 * ```
 * @category Explain
 */
export function isReasonCode(code: unknown): code is ReasonCode {
  return typeof code === 'string' && Object.hasOwn(EN_MESSAGES.reasons, code);
}

const TABLE_FIELDS = ['notAllowed', 'unknownBrief', 'unknownText'] as const;

function messagesFor(options: unknown): LocaleMessages {
  if (options === undefined) return EN_MESSAGES;
  const locale = asRecord(options, 'options')['locale'];
  if (locale === undefined || locale === 'en' || locale === EN_MESSAGES) return EN_MESSAGES;
  if (typeof locale === 'string') {
    // Other locales are separate imports, so English-only code never loads them.
    return fail(
      'invalid_option',
      'options.locale',
      locale === 'it'
        ? "options.locale: pass IT_MESSAGES from 'csp-software-rules/explain/it', not 'it'"
        : "options.locale: expected 'en' or a locale's messages such as IT_MESSAGES",
    );
  }
  const table = (typeof locale === 'object' && locale !== null ? locale : {}) as Readonly<
    Record<string, unknown>
  >;
  if (
    typeof table['allowed'] !== 'string' ||
    TABLE_FIELDS.some((k) => typeof table[k] !== 'function') ||
    typeof table['reasons'] !== 'object' ||
    table['reasons'] === null
  ) {
    fail(
      'invalid_option',
      'options.locale',
      'options.locale: expected a locale table { allowed, notAllowed, unknownBrief, unknownText, reasons }',
    );
  }
  return table as unknown as LocaleMessages;
}

function checkReason(reason: unknown, field: string): ReasonBase {
  if (typeof reason !== 'object' || reason === null || Array.isArray(reason)) {
    fail('invalid_input', field, `${field}: expected a reason object { code, ... }`);
  }
  if (typeof (reason as { code?: unknown }).code !== 'string') {
    fail('invalid_input', `${field}.code`, `${field}.code: expected a string`);
  }
  return reason as ReasonBase;
}

function messageOf(messages: LocaleMessages, code: string): ReasonMessage | undefined {
  return Object.hasOwn(messages.reasons, code)
    ? (messages.reasons[code as ReasonCode] as unknown as ReasonMessage)
    : undefined;
}

function sentence(messages: LocaleMessages, reason: ReasonBase): ExplainedReason {
  const message = messageOf(messages, reason.code);
  return message === undefined
    ? { code: reason.code, text: messages.unknownText(reason.code), known: false }
    : { code: reason.code, text: message.text(reason), known: true };
}

/**
 * One reason (or a warning of the KMS-to-MAK plan) in words: its sentence,
 * with its data (days `YYYY-MM-DD`, instants as UTC ISO-8601, roles by
 * their Partner Center names). A code this version does not know (from a
 * newer version) gives a generic sentence naming it, never an error.
 *
 * @param reason - A reason `{ code, ...data }` (dates may be `Date`s or
 *   their ISO strings, as in a decision read back from JSON).
 * @param options - `{ locale }`: `'en'` (default) or a locale's messages
 *   (`IT_MESSAGES` from `csp-software-rules/explain/it`).
 * @returns `{ code, text, known }`.
 * @throws {@link core!CspRuleError} `invalid_input` when `reason` is not an
 *   object with a string `code`; `invalid_option` when `locale` is neither
 *   `'en'` nor a message table.
 * @example
 * ```ts
 * import { explainReason } from 'csp-software-rules/explain';
 * import { IT_MESSAGES } from 'csp-software-rules/explain/it';
 *
 * explainReason({ code: 'not_yet_open', opensAt: new Date('2022-03-15T10:00:00Z') }).text; // => 'The cancellation window has not opened yet: it opens at 2022-03-15T10:00:00Z.'
 * explainReason({ code: 'same_as_current', billingFrequency: 'annual' }, { locale: IT_MESSAGES }).text; // => "La sottoscrizione ha già la fatturazione annuale: non c'è nulla da cambiare."
 * explainReason({ code: 'quota_exceeded' }); // => { code: 'quota_exceeded', text: 'Reason "quota_exceeded", which this version of csp-software-rules does not know (it may come from a newer version).', known: false }
 * explainReason({ code: 'expired' }, { locale: 'it' as 'en' }); // => throws invalid_option
 * ```
 * @category Explain
 */
export function explainReason(reason: AnyReason, options?: ExplainOptions): ExplainedReason {
  const messages = messagesFor(options);
  return sentence(messages, checkReason(reason, 'reason'));
}

/**
 * A decision in words: a one-sentence summary and one sentence per reason,
 * in English or in the locale passed. The decision itself stays machine-readable; this is
 * the only place its text comes from. Works on every area's decisions, and
 * on decisions read back from JSON (dates as strings).
 *
 * @param decision - Any decision `{ allowed, reasons, ... }` of this library.
 * @param options - `{ locale }`: `'en'` (default) or a locale's messages
 *   (`IT_MESSAGES` from `csp-software-rules/explain/it`).
 * @returns `{ allowed, summary, reasons: [{ code, text, known }], disagreements }`.
 * @throws {@link core!CspRuleError} `invalid_input` when `decision` has no
 *   `reasons` array, a reason is not an object with a string `code`, or
 *   `reasons` or `disagreements` has a hole or more than 10,000 items
 *   (`disagreements` that is not an array is read as none);
 *   `invalid_option` when `locale` is neither `'en'` nor a message table.
 * @example
 * ```ts
 * import { authorize } from 'csp-software-rules/access';
 * import { explain } from 'csp-software-rules/explain';
 * import { IT_MESSAGES } from 'csp-software-rules/explain/it';
 *
 * explain(authorize('cancel', ['Admin agent'])).summary; // => 'Allowed.'
 * const refused = explain(authorize('cancel', ['Sales agent']), { locale: IT_MESSAGES });
 * refused.summary; // => "Non consentito: all'utente manca il ruolo necessario."
 * refused.reasons[0]?.text; // => "Per annullare un acquisto serve il ruolo agente di amministrazione (Admin agent), che nessuno dei ruoli dell'utente concede."
 * explain({ allowed: true } as never); // => throws invalid_input
 * ```
 * @category Explain
 */
export function explain(
  decision: { readonly reasons: readonly AnyReason[] },
  options?: ExplainOptions,
): Explanation {
  const d = asRecord(decision, 'decision');
  const raw = d['reasons'];
  if (!Array.isArray(raw)) {
    fail('invalid_input', 'decision.reasons', 'decision.reasons: expected an array of reasons');
  }
  const list = denseList(raw, 'decision.reasons', MAX_REASONS);
  const messages = messagesFor(options);
  const reasons: ExplainedReason[] = [];
  const briefs: string[] = [];
  list.forEach((item: unknown, i) => {
    const reason = checkReason(item, `decision.reasons[${i}]`);
    reasons.push(sentence(messages, reason));
    const brief = messageOf(messages, reason.code)?.brief ?? messages.unknownBrief(reason.code);
    if (!briefs.includes(brief)) briefs.push(brief);
  });
  const said = d['disagreements'];
  const sayDisagreement = messages.disagreement ?? (EN_MESSAGES.disagreement as never);
  const disagreements = Array.isArray(said)
    ? denseList(said, 'decision.disagreements', MAX_REASONS).map((x: unknown) =>
        sayDisagreement(typeof x === 'object' && x !== null ? x : {}),
      )
    : [];
  return {
    allowed: reasons.length === 0,
    summary: reasons.length === 0 ? messages.allowed : messages.notAllowed(briefs),
    reasons,
    disagreements,
  };
}
