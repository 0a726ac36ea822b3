/**
 * Cancellation helpers for sibling rule areas (refunds): they work on a
 * checked purchase and epoch milliseconds, so a rule that has already checked
 * its input reuses the cancellation decision without checking it twice.
 * Not public API.
 *
 * Typical use in refunds:
 * `decideCancellation(checkPurchase(p), asOfMs, checkCancellationOptions(asRecord(options, 'options')))`,
 * or with the defaults `decideCancellation(checked, asOfMs)`.
 * @internal
 * @module
 */
export {
  perpetualWindowAt,
  subscriptionWindowAt,
  type WindowAt,
} from './cancellationWindow.js';
export {
  type CheckedCancellationOptions,
  checkCancellationOptions,
  DEFAULT_CANCELLATION_OPTIONS,
  decideCancellation,
} from './evaluateCancellation.js';
export { matchPublisher } from './nonCancellablePublisher.js';
export {
  type CheckedWindowOptions,
  checkWindowOptions,
  DEFAULT_WINDOW_OPTIONS,
} from './options.js';
export { anyValue, inForceAt } from './resolve.js';
