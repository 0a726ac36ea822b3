/**
 * The Partner Center request that cancels software purchases (S5).
 * @module
 */
import { parseQuantity } from '../../core/index.js';
import { asRecord, denseList, fail, failField, optionalString } from '../../core/internal.js';

/**
 * One line item of a Partner Center software order.
 * @category Cancellation
 */
export interface SoftwareOrderLineItem {
  /** The line item's number in the order (0, 1, ...). */
  readonly lineItemNumber: number;
  /** The offer, `<product>:<sku>:<availability>`. */
  readonly offerId: string;
  /** Number of licences. */
  readonly quantity: number;
  /** Product name, when known. */
  readonly productName?: string;
  /** Term (`P1M`, `P1Y`, `P3Y`), absent for perpetual software. */
  readonly termDuration?: string;
  /** Line item status when Partner Center gives one; `'cancelled'` marks an item already cancelled. */
  readonly status?: string;
}

/**
 * A Partner Center software order (Get Orders API), as much of it as cancelling needs.
 * @category Cancellation
 */
export interface SoftwareOrder {
  /** The order id. */
  readonly id: string;
  /** The customer's tenant id (a GUID), used in the request path when given. */
  readonly customerTenantId?: string;
  /** Order status: `'completed'` or `'cancelled'`. */
  readonly status: string;
  /** Billing cycle (`one_time` for perpetual software), informative. */
  readonly billingCycle?: string;
  /** The order's line items. */
  readonly lineItems: readonly SoftwareOrderLineItem[];
}

/**
 * The exact JSON body of Partner Center's "cancel software purchases" PATCH.
 * @category Cancellation
 */
export interface SoftwareOrderCancellationBody {
  /** The order id. */
  readonly id: string;
  /** Always `'cancelled'`. */
  readonly status: 'cancelled';
  /** The line items to cancel, in the order's order. */
  readonly lineItems: readonly {
    /** The line item's number. */
    readonly lineItemNumber: number;
    /** Its offer id. */
    readonly offerId: string;
  }[];
}

/**
 * The request to send, and what it will do to the order.
 * @category Cancellation
 */
export interface SoftwareOrderCancellationRequest {
  /** Always `'PATCH'`. */
  readonly method: 'PATCH';
  /** The path template: `/v1/customers/{customer-tenant-id}/orders/{order-id}`. */
  readonly pathTemplate: '/v1/customers/{customer-tenant-id}/orders/{order-id}';
  /** The path filled in (URL-encoded) when the order carries `customerTenantId`, else `null`. */
  readonly path: string | null;
  /** The JSON body. */
  readonly body: SoftwareOrderCancellationBody;
  /**
   * The order's status once Partner Center applies it: `'cancelled'` when
   * every line item is then cancelled, else `'completed'` (only some line items cancelled).
   */
  readonly orderStatusAfter: 'cancelled' | 'completed';
}

const GUID_RE = /^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;
/** An order has a handful of line items; 10,000 is far above any real order. */
const MAX_LINE_ITEMS = 10_000;

function nonEmpty(input: unknown, field: string): string {
  if (typeof input !== 'string' || input.trim() === '')
    failField(field, 'expected a non-empty string');
  return input;
}

/** A checked line item, and whether it is already cancelled. */
interface CheckedLine {
  readonly lineItemNumber: number;
  readonly offerId: string;
  readonly cancelled: boolean;
}

function checkLine(input: unknown, field: string): CheckedLine {
  const r = asRecord(input, field);
  const n = r['lineItemNumber'];
  if (!Number.isSafeInteger(n) || (n as number) < 0) {
    failField(`${field}.lineItemNumber`, 'expected a whole number from 0');
  }
  const offerId = nonEmpty(r['offerId'], `${field}.offerId`);
  parseQuantity(r['quantity'], `${field}.quantity`);
  optionalString(r['productName'], `${field}.productName`);
  optionalString(r['termDuration'], `${field}.termDuration`);
  const status = optionalString(r['status'], `${field}.status`);
  return { lineItemNumber: n as number, offerId, cancelled: status?.toLowerCase() === 'cancelled' };
}

/**
 * The exact request that cancels a software order, or some of its line items,
 * through Partner Center's API: `PATCH
 * /v1/customers/{customer-tenant-id}/orders/{order-id}` with body `{ id,
 * status: 'cancelled', lineItems: [{ lineItemNumber, offerId }] }`. The order
 * becomes `cancelled` when all its line items are cancelled; otherwise it
 * stays `completed`.
 *
 * Without `lineItems`, every line item not already cancelled is listed (the
 * whole order is cancelled). Whether the cancellation is still allowed is
 * `evaluateCancellation`'s question: ask it first.
 *
 * @param order - The software order as Partner Center returns it.
 * @param lineItems - The numbers of the line items to cancel; omitted = all.
 * @returns Method, path template (and path when the tenant is known), body, and the order's status afterwards.
 * @throws {@link core!CspRuleError} `invalid_input` for a malformed order (no id,
 *   no line items, a bad line item, a `customerTenantId` that is not a GUID),
 *   an order already cancelled, a `lineItems` entry that is not in the order
 *   or already cancelled, or an empty `lineItems`; `duplicate_id` for a line
 *   item number repeated in the order or in `lineItems`; `invalid_quantity`
 *   for a bad quantity.
 * @see https://learn.microsoft.com/partner-center/developer/cancel-software-purchases
 * @example
 * ```ts
 * import { softwareOrderCancellationRequest } from 'csp-software-rules/cancellation/order';
 *
 * const order = {
 *   id: 'TXQ2MZG9VDDB', customerTenantId: '4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1', status: 'completed',
 *   lineItems: [
 *     { lineItemNumber: 0, offerId: 'DG7GMGF0FKZV:0001:DG7GMGF0D3SJ', quantity: 1 },
 *     { lineItemNumber: 1, offerId: 'DG7GMGF0FLV0:0002:DG7GMGF0DWMS', quantity: 5 },
 *   ],
 * };
 * const one = softwareOrderCancellationRequest(order, [1]);
 * one.body; // => { id: 'TXQ2MZG9VDDB', status: 'cancelled', lineItems: [{ lineItemNumber: 1, offerId: 'DG7GMGF0FLV0:0002:DG7GMGF0DWMS' }] }
 * one.orderStatusAfter; // => 'completed'
 * one.path; // => '/v1/customers/4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1/orders/TXQ2MZG9VDDB'
 * softwareOrderCancellationRequest(order).orderStatusAfter; // => 'cancelled'
 * softwareOrderCancellationRequest(order, [2]); // => throws invalid_input
 * ```
 * @category Cancellation
 */
export function softwareOrderCancellationRequest(
  order: SoftwareOrder,
  lineItems?: readonly number[],
): SoftwareOrderCancellationRequest {
  const r = asRecord(order, 'order');
  const id = nonEmpty(r['id'], 'order.id');
  // A lone surrogate cannot be written in a URL (encodeURIComponent throws).
  try {
    encodeURIComponent(id);
  } catch {
    failField('order.id', 'not well-formed text (a lone surrogate)');
  }
  const tenant = optionalString(r['customerTenantId'], 'order.customerTenantId');
  if (tenant !== undefined && !GUID_RE.test(tenant)) {
    failField('order.customerTenantId', 'expected a GUID');
  }
  const status = r['status'];
  if (typeof status !== 'string' || status === '') {
    failField('order.status', 'expected a string such as "completed"');
  }
  if (status.toLowerCase() === 'cancelled')
    failField('order.status', 'the order is already cancelled');
  const raw = r['lineItems'];
  const rawLines = Array.isArray(raw) ? denseList(raw, 'order.lineItems', MAX_LINE_ITEMS) : [];
  if (rawLines.length === 0) failField('order.lineItems', 'expected at least one line item');
  // Line items by number, in the order's order.
  const lines = new Map<number, CheckedLine>();
  rawLines.forEach((item, i) => {
    const line = checkLine(item, `order.lineItems[${i}]`);
    if (lines.has(line.lineItemNumber)) {
      fail(
        'duplicate_id',
        `order.lineItems[${i}].lineItemNumber`,
        `order.lineItems[${i}]: line item number repeated`,
      );
    }
    lines.set(line.lineItemNumber, line);
  });

  const selected = new Set<number>();
  if (lineItems === undefined) {
    for (const line of lines.values()) if (!line.cancelled) selected.add(line.lineItemNumber);
    if (selected.size === 0) failField('order.lineItems', 'every line item is already cancelled');
  } else {
    const numbers = Array.isArray(lineItems)
      ? denseList(lineItems, 'lineItems', MAX_LINE_ITEMS)
      : [];
    if (numbers.length === 0) failField('lineItems', 'expected at least one line item number');
    numbers.forEach((n, i) => {
      const f = `lineItems[${i}]`;
      // Keys are numbers: anything else finds no line.
      const line = lines.get(n as number);
      if (line === undefined) failField(f, 'not a line item number of this order');
      if (line.cancelled) failField(f, 'line item already cancelled');
      if (selected.has(n as number)) failField(f, 'line item number repeated', 'duplicate_id');
      selected.add(n as number);
    });
  }

  const body: { lineItemNumber: number; offerId: string }[] = [];
  let allCancelled = true;
  for (const { lineItemNumber, offerId, cancelled } of lines.values()) {
    if (selected.has(lineItemNumber)) body.push({ lineItemNumber, offerId });
    else if (!cancelled) allCancelled = false;
  }
  return {
    method: 'PATCH',
    pathTemplate: '/v1/customers/{customer-tenant-id}/orders/{order-id}',
    path:
      tenant === undefined
        ? null
        : `/v1/customers/${encodeURIComponent(tenant)}/orders/${encodeURIComponent(id)}`,
    body: { id, status: 'cancelled', lineItems: body },
    orderStatusAfter: allCancelled ? 'cancelled' : 'completed',
  };
}
