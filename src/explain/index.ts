/**
 * Explanations: every decision's reasons as sentences for people, in English,
 * or in Italian with `IT_MESSAGES` from `./explain/it`
 * (`explain(decision, { locale: IT_MESSAGES })`). Decisions stay
 * machine-readable; text comes only from here. Every reason code of every
 * area has a message in each locale (a missing one is a compile error and a
 * test failure); a code from a newer version gets a generic sentence naming
 * it. Output is deterministic: days `YYYY-MM-DD`, instants UTC ISO-8601,
 * money as core `formatMoney` plus the currency code, whatever the process
 * time zone. No zod.
 *
 * The catalogue of every code (docs/reason-codes.md) is generated from the
 * areas' reason types and these messages.
 *
 * @packageDocumentation
 * @module explain
 */
export type { AnyReason, KnownReason, ReasonCode, ReasonOf, ReasonWithCode } from './codes.js';
export {
  type ExplainedReason,
  type ExplainOptions,
  type Explanation,
  explain,
  explainReason,
  isReasonCode,
} from './explain.js';
export { EN_MESSAGES } from './messages/en.js';
export type { ExplainLocale, LocaleMessages, ReasonMessage, ReasonMessages } from './types.js';
