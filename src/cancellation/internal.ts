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
export { decideCancellation } from './evaluateCancellation.js';
export { matchPublisher } from './nonCancellablePublisher.js';
export { checkCancellationOptions } from './options.js';
export { inForceAt } from './resolve.js';
