/**
 * What can be done instead when a rule says no, and the Partner Center
 * request that does it.
 * @module
 */
import type { CalendarDay } from './calendar.js';
import { type CheckedNextTerm, type CheckedSubscription, renewalTermOf } from './purchase.js';
import type { BillingFrequency, Term } from './term.js';

/**
 * What to do instead:
 * - `turn_off_autorenew`: the subscription then ends at its term end
 *   (a cancellation refused after the window);
 * - `schedule_next_term_quantity`: the lower quantity takes effect at the
 *   renewal (a seat reduction refused);
 * - `schedule_next_term_billing_frequency`: the new billing plan takes effect
 *   at the renewal.
 * @category Decisions
 */
export type NextStepAction =
  | 'turn_off_autorenew'
  | 'schedule_next_term_quantity'
  | 'schedule_next_term_billing_frequency';

/**
 * A Partner Center REST request, ready to send after replacing
 * `{customer-tenant-id}` (and `{subscription-id}` when the subscription had
 * no `id`). The body always carries the subscription's current
 * `autoRenewEnabled` and scheduled next-term instructions: Microsoft warns
 * that a PATCH without them turns autorenew off or deletes the instructions.
 * @category Decisions
 */
export interface PartnerCenterRequest {
  /** Always `PATCH` (Update a subscription by ID). */
  readonly method: 'PATCH';
  /** `/v1/customers/{customer-tenant-id}/subscriptions/<id>`. */
  readonly path: string;
  /** The JSON body, in Partner Center's field names. */
  readonly body: Readonly<Record<string, unknown>>;
}

/**
 * One thing that can be done instead of what was refused.
 * @category Decisions
 */
export interface NextStep {
  /** What to do. */
  readonly action: NextStepAction;
  /**
   * The first day the change shows: the day the next term starts (or would
   * have started, for `turn_off_autorenew`: the subscription's last day is the day before).
   */
  readonly effectiveOn: CalendarDay;
  /** The request that does it. */
  readonly request: PartnerCenterRequest;
}

/** What a next step changes in the subscription. */
export interface NextTermChange {
  readonly autoRenew?: boolean;
  readonly quantity?: number;
  readonly billingFrequency?: BillingFrequency;
}

/**
 * @internal The PATCH request that applies `change`, carrying the current
 * autorenew and next-term instructions so nothing else is lost.
 */
export function subscriptionPatch(
  sub: CheckedSubscription,
  raw: unknown,
  currentAutoRenew: boolean,
  change: NextTermChange,
): PartnerCenterRequest {
  const offerId = sub.scheduledNextTerm?.offerId ?? stringField(raw, 'offerId') ?? undefined;
  const body: Record<string, unknown> = {};
  if (sub.id !== undefined) body['id'] = sub.id;
  body['autoRenewEnabled'] = change.autoRenew ?? currentAutoRenew;
  const next = instructions(sub, sub.scheduledNextTerm, offerId, change);
  if (next !== undefined) body['scheduledNextTermInstructions'] = next;
  return {
    method: 'PATCH',
    path: `/v1/customers/{customer-tenant-id}/subscriptions/${sub.id ?? '{subscription-id}'}`,
    body,
  };
}

function stringField(raw: unknown, key: string): string | undefined {
  const v =
    typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function instructions(
  sub: CheckedSubscription,
  scheduled: CheckedNextTerm | undefined,
  offerId: string | undefined,
  change: NextTermChange,
): Record<string, unknown> | undefined {
  const changesTerm = change.quantity !== undefined || change.billingFrequency !== undefined;
  if (scheduled === undefined && !changesTerm) return undefined;
  const frequency = change.billingFrequency ?? scheduled?.billingFrequency ?? sub.billingFrequency;
  const term: Term | undefined = renewalTermOf(sub);
  const product: Record<string, unknown> = {};
  const [productId, skuId, availabilityId] = offerId === undefined ? [] : offerId.split(':');
  if (productId) product['productId'] = productId;
  if (skuId) product['skuId'] = skuId;
  if (availabilityId) product['availabilityId'] = availabilityId;
  if (frequency !== undefined) product['billingCycle'] = frequency;
  if (term !== undefined) product['termDuration'] = term;
  return {
    product,
    quantity: change.quantity ?? scheduled?.quantity ?? sub.quantity,
  };
}
