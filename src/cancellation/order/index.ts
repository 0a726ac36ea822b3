/**
 * Partner Center's "cancel software purchases" request: the exact PATCH that
 * cancels a perpetual software order, or some of its line items. A subpath of
 * its own, so code that only asks whether a purchase can still be cancelled
 * does not ship the request builder.
 *
 * @packageDocumentation
 * @module cancellation/order
 */
export {
  type SoftwareOrder,
  type SoftwareOrderCancellationBody,
  type SoftwareOrderCancellationRequest,
  type SoftwareOrderLineItem,
  softwareOrderCancellationRequest,
} from './softwareOrderCancellationRequest.js';
