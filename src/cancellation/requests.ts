/**
 * The plain types of a cancellation request: what the partner identifies
 * before cancelling. Their validating schemas (a tenant GUID, a
 * domain name, ...) live in `./schemas`; this area only names the shapes.
 * @module
 */

/**
 * The customer, by one of the identifiers Partner Center accepts.
 * @category Cancellation
 */
export type CustomerIdentifier =
  | {
      /** Identify the customer by its company name. */
      readonly by: 'name';
      /** The company name as Partner Center shows it. */
      readonly name: string;
    }
  | {
      /** Identify the customer by its Microsoft Entra tenant id. */
      readonly by: 'tenantId';
      /** The tenant id (a GUID). */
      readonly tenantId: string;
    }
  | {
      /** Identify the customer by a domain. */
      readonly by: 'domain';
      /** A domain of the customer's tenant, e.g. `contoso.onmicrosoft.com`. */
      readonly domain: string;
    };

/**
 * A software subscription, by its ID or its friendly name.
 * @category Cancellation
 */
export type SubscriptionIdentifier =
  | {
      /** Identify the subscription by its Partner Center ID. */
      readonly by: 'id';
      /** The subscription ID. */
      readonly id: string;
    }
  | {
      /** Identify the subscription by its friendly name. */
      readonly by: 'friendlyName';
      /** The friendly name. */
      readonly friendlyName: string;
    };

/**
 * A request to cancel a software subscription: the customer and the subscription.
 * @category Cancellation
 */
export interface SubscriptionCancellationRequest {
  /** Discriminant. */
  readonly kind: 'subscription';
  /** The customer. */
  readonly customer: CustomerIdentifier;
  /** The subscription. */
  readonly subscription: SubscriptionIdentifier;
}

/**
 * A request to cancel a perpetual software purchase: the customer, the
 * product name and the order ID.
 * @category Cancellation
 */
export interface PerpetualCancellationRequest {
  /** Discriminant. */
  readonly kind: 'perpetual';
  /** The customer. */
  readonly customer: CustomerIdentifier;
  /** The product name as Partner Center shows it. */
  readonly productName: string;
  /** The Partner Center order ID. */
  readonly orderId: string;
}

/**
 * Either cancellation request.
 * @category Cancellation
 */
export type CancellationRequest = SubscriptionCancellationRequest | PerpetualCancellationRequest;
