/**
 * Lifecycle helpers for sibling rule areas (billing, cancellation, refunds):
 * they work on checked subscriptions and epoch values, so a rule that has
 * already checked its input does not check it twice. Not public API.
 * @internal
 * @module
 */
export {
  knownTermMonths,
  type LifecycleAt,
  lifecycleAt,
  type TermAt,
  termOf,
} from './status.js';
export { checkTermIndex, formatTerm, termDayRange, termIndexAt, termStartDay } from './terms.js';
export { purchaseDateRuleAt } from './visibility.js';
