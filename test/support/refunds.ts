// The subscription computation of a refund decision, for tests that read its figures.
import type { CancellationRefund, SubscriptionRefundComputation } from '../../src/refunds/index.js';

/** `r.computation` when it is a subscription's (not null, not a perpetual credit); throws otherwise. */
export function subscriptionComputation(r: CancellationRefund): SubscriptionRefundComputation {
  const c = r.computation;
  if (c === null || c.method === 'credit') throw new Error('expected a subscription computation');
  return c;
}
