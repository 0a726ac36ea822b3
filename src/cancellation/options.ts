/**
 * Options of the cancellation rules, checked once per call.
 * @module
 */
import type { DatedPolicy, InstantInput } from '../core/index.js';
import { fail, oneOf } from '../core/internal.js';
import type { CancellationWindowRule } from './policy.js';
import { checkWindowRule, inForceAt } from './resolve.js';

/**
 * How "seven days" (perpetual: "30 days") is read:
 * - `'elapsed-hours'` (default): the window closes `days × 24` hours after it
 *   opens (168 h for a subscription term, 720 h for perpetual software). It is
 *   the earlier of Microsoft's two readings, so the library never promises
 *   more time than Partner Center gives.
 * - `'calendar-days'`: the last day is the opening day (UTC) + `days`; the
 *   window closes at 00:00Z the day after (Microsoft's samples print such
 *   deadlines as 23:59:00Z of the last day).
 * @category Cancellation
 */
export type WindowReading = 'elapsed-hours' | 'calendar-days';

/** Every {@link WindowReading}. @category Cancellation */
export const WINDOW_READINGS: readonly WindowReading[] = ['elapsed-hours', 'calendar-days'];

/**
 * Options of `cancellationWindow`.
 * @category Cancellation
 */
export interface CancellationWindowOptions {
  /** The instant asked about: the window of the term current at `asOf`. */
  readonly asOf: InstantInput;
  /** How the window's days are read; default `'elapsed-hours'`. */
  readonly window?: WindowReading;
  /**
   * Your own dated window policy (e.g. 30 days before a date you know),
   * evaluated at the opening instant of the term; default the built-in policy
   * for the purchase's kind.
   */
  readonly policy?: DatedPolicy<CancellationWindowRule>;
  /**
   * A longer window where law requires it: the window lasts at least this
   * many days (read as `window` says). Never shortens a window. It lengthens
   * the policy window only: Partner Center's own deadline, when given, stays authoritative.
   */
  readonly minimumWindowDays?: number;
}

/**
 * Options of `evaluateCancellation`.
 * @category Cancellation
 */
export interface EvaluateCancellationOptions extends CancellationWindowOptions {
  /**
   * The roles of the user who would cancel (our ids such as `'AdminAgent'` or
   * Partner Center's display names). When given without Admin agent, the
   * decision adds `missing_role`. Checked against the current permission table of `./access`.
   */
  readonly roles?: readonly string[];
}

/** @internal Checked window options (without `asOf`). */
export interface CheckedWindowOptions {
  readonly reading: WindowReading;
  /** Caller's policy, or `undefined` for the built-in policy of the purchase's kind. */
  readonly policy: DatedPolicy<CancellationWindowRule> | undefined;
  /** 0 = none. */
  readonly minimumWindowDays: number;
}

/** @internal The options every rule uses when the caller gives none. */
export const DEFAULT_WINDOW_OPTIONS: CheckedWindowOptions = /* @__PURE__ */ Object.freeze({
  reading: 'elapsed-hours',
  policy: undefined,
  minimumWindowDays: 0,
});

/** @internal Check the options shared by the window and the decision. */
export function checkWindowOptions(o: Readonly<Record<string, unknown>>): CheckedWindowOptions {
  const window = o['window'];
  const policy = o['policy'];
  const minimum = o['minimumWindowDays'];
  if (window === undefined && policy === undefined && minimum === undefined) {
    return DEFAULT_WINDOW_OPTIONS;
  }
  const reading =
    window === undefined
      ? 'elapsed-hours'
      : oneOf(window, WINDOW_READINGS, 'window', 'invalid_option');
  let minimumWindowDays = 0;
  if (minimum !== undefined) {
    if (
      typeof minimum !== 'number' ||
      !Number.isSafeInteger(minimum) ||
      minimum < 1 ||
      minimum > 3660
    ) {
      fail(
        'invalid_option',
        'minimumWindowDays',
        'minimumWindowDays: expected a whole number of days (1-3660)',
      );
    }
    minimumWindowDays = minimum;
  }
  if (policy !== undefined) {
    // Checks the policy and its values now (cached), not only when a term needs it.
    inForceAt(
      policy as DatedPolicy<CancellationWindowRule>,
      Number.MAX_SAFE_INTEGER,
      'policy',
      checkWindowRule,
      false,
    );
  }
  return {
    reading,
    policy: policy as DatedPolicy<CancellationWindowRule> | undefined,
    minimumWindowDays,
  };
}
