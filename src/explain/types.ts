/**
 * The shape of a locale's message table.
 * @module
 */
import type { ReasonBase } from '../core/index.js';
import type { ReasonCode, ReasonOf } from './codes.js';

/**
 * The languages this package ships messages for: English (`EN_MESSAGES`, in
 * `./explain`) and Italian (`IT_MESSAGES`, in `./explain/it`).
 * @category Explain
 */
export type ExplainLocale = 'en' | 'it';

/**
 * How one locale says one reason code.
 * @category Explain
 */
export interface ReasonMessage<R extends ReasonBase = ReasonBase> {
  /**
   * What the code means, as a clause without data, starting in lower case
   * (`'the cancellation window has closed'`): used in summaries and in the
   * reason-code catalogue.
   */
  readonly brief: string;
  /**
   * The full sentence for one reason, its data interpolated (dates as
   * `YYYY-MM-DD` or UTC ISO instants, money with its currency code). Must
   * accept a reason whose data is missing or malformed (a decision read back
   * from JSON, or from another version) without throwing.
   */
  readonly text: (reason: R) => string;
}

/**
 * One message per reason code: a missing code is a compile error.
 * @category Explain
 */
export type ReasonMessages = { readonly [C in ReasonCode]: ReasonMessage<ReasonOf<C>> };

/**
 * Everything one locale says: the summary words, the sentence for a code
 * this version does not know, and the message of every known code.
 * @category Explain
 */
export interface LocaleMessages {
  /** The language's tag (`'en'`, `'it'`; your own table may use any). */
  readonly locale: string;
  /** The summary of an allowed decision (`'Allowed.'`). */
  readonly allowed: string;
  /** The summary of a refused decision, from the briefs of its reasons (distinct, in order). */
  readonly notAllowed: (briefs: readonly string[]) => string;
  /** The brief of a code this version does not know (`'reason "x"'`). */
  readonly unknownBrief: (code: string) => string;
  /** The sentence for a code this version does not know, naming it. */
  readonly unknownText: (code: string) => string;
  /** The message of every known code. */
  readonly reasons: ReasonMessages;
  /**
   * A decision's disagreement (a Partner Center fact that differs from the
   * forecast) in one sentence. Optional in your own tables: English is used
   * without it. Must accept malformed data without throwing.
   */
  readonly disagreement?: (d: {
    readonly field?: unknown;
    readonly partnerCenter?: unknown;
    readonly forecast?: unknown;
  }) => string;
}
