/**
 * Schemas of a cancellation request: the customer by name, tenant
 * GUID or domain; the subscription by ID or friendly name; perpetual
 * software by product name and order ID. The plain types are `./cancellation`'s.
 * @module
 */
import * as z from 'zod';
import type {
  CancellationRequest,
  CustomerIdentifier,
  SubscriptionIdentifier,
} from '../cancellation/index.js';
import { domainSchema, tenantIdSchema } from './identifiers.js';
import { expected, parseWith, type SafeParseResult, safeParseWith } from './issues.js';

/** @internal A non-blank name, trimmed. */
function nonBlank(what: string): z.ZodPipe<z.ZodString, z.ZodTransform<string, string>> {
  return z
    .string({ error: expected(`${what} (a non-empty string)`) })
    .regex(/\S/, { error: `expected ${what}, got a blank string` })
    .transform((value) => value.trim());
}

function byError(accepted: string): (issue: { readonly input?: unknown }) => string {
  return (issue) =>
    typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input)
      ? expected(`by: one of ${accepted}`)({ input: (issue.input as { by?: unknown }).by })
      : expected(`an object { by: ${accepted.replaceAll(', ', ' | ')}, ... }`)(issue);
}

/**
 * Schema of a `CustomerIdentifier` (`./cancellation`): `{ by: 'name', name }`,
 * `{ by: 'tenantId', tenantId }` (a GUID, parsed to lower case) or
 * `{ by: 'domain', domain }` (a DNS name such as `contoso.onmicrosoft.com`,
 * parsed to lower case).
 *
 * @example
 * ```ts
 * import { customerIdentifierSchema } from 'csp-software-rules/schemas';
 *
 * customerIdentifierSchema.parse({ by: 'domain', domain: 'Contoso.onmicrosoft.com' }); // => { by: 'domain', domain: 'contoso.onmicrosoft.com' }
 * customerIdentifierSchema.safeParse({ by: 'tenantId', tenantId: 'contoso' }).success; // => false
 * customerIdentifierSchema.safeParse({ by: 'email' }).error?.issues[0]?.message; // => 'expected by: one of name, tenantId, domain, got "email"'
 * ```
 * @category Schemas
 */
export const customerIdentifierSchema: z.ZodType<CustomerIdentifier, unknown> =
  z.discriminatedUnion(
    'by',
    [
      z.object({
        /** Identify the customer by its company name. */
        by: z.literal('name'),
        /** The company name as Partner Center shows it (trimmed, not blank). */
        name: nonBlank('a company name'),
      }),
      z.object({
        /** Identify the customer by its Microsoft Entra tenant id. */
        by: z.literal('tenantId'),
        /** The tenant id: a GUID. */
        tenantId: tenantIdSchema,
      }),
      z.object({
        /** Identify the customer by a domain of its tenant. */
        by: z.literal('domain'),
        /** A DNS domain name. */
        domain: domainSchema,
      }),
    ],
    { error: byError('name, tenantId, domain') },
  );

/**
 * Schema of a `SubscriptionIdentifier` (`./cancellation`): `{ by: 'id', id }`
 * or `{ by: 'friendlyName', friendlyName }`.
 *
 * @example
 * ```ts
 * import { subscriptionIdentifierSchema } from 'csp-software-rules/schemas';
 *
 * subscriptionIdentifierSchema.parse({ by: 'friendlyName', friendlyName: ' SQL Server 2022 ' }); // => { by: 'friendlyName', friendlyName: 'SQL Server 2022' }
 * ```
 * @category Schemas
 */
export const subscriptionIdentifierSchema: z.ZodType<SubscriptionIdentifier, unknown> =
  z.discriminatedUnion(
    'by',
    [
      z.object({
        /** Identify the subscription by its Partner Center ID. */
        by: z.literal('id'),
        /** The subscription ID. */
        id: nonBlank('a subscription id'),
      }),
      z.object({
        /** Identify the subscription by its friendly name. */
        by: z.literal('friendlyName'),
        /** The friendly name. */
        friendlyName: nonBlank('a friendly name'),
      }),
    ],
    { error: byError('id, friendlyName') },
  );

/**
 * Schema of a `SubscriptionCancellationRequest` (`./cancellation`).
 *
 * @example
 * ```ts
 * import { subscriptionCancellationRequestSchema } from 'csp-software-rules/schemas';
 *
 * const request = {
 *   kind: 'subscription', customer: { by: 'name', name: 'Contoso' }, subscription: { by: 'id', id: 'abc' },
 * };
 * subscriptionCancellationRequestSchema.safeParse(request).success; // => true
 * ```
 * @category Schemas
 */
export const subscriptionCancellationRequestSchema = z.object(
  {
    /** Discriminant: `'subscription'`. */
    kind: z.literal('subscription', { error: expected('"subscription"') }),
    /** The customer. */
    customer: customerIdentifierSchema,
    /** The subscription. */
    subscription: subscriptionIdentifierSchema,
  },
  { error: expected('a subscription cancellation request (an object)') },
);

/**
 * Schema of a `PerpetualCancellationRequest` (`./cancellation`).
 *
 * @example
 * ```ts
 * import { perpetualCancellationRequestSchema } from 'csp-software-rules/schemas';
 *
 * const request = {
 *   kind: 'perpetual', customer: { by: 'tenantId', tenantId: '4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1' },
 *   productName: 'SQL Server 2022 Standard', orderId: '',
 * };
 * perpetualCancellationRequestSchema.safeParse(request).success; // => false
 * ```
 * @category Schemas
 */
export const perpetualCancellationRequestSchema = z.object(
  {
    /** Discriminant: `'perpetual'`. */
    kind: z.literal('perpetual', { error: expected('"perpetual"') }),
    /** The customer. */
    customer: customerIdentifierSchema,
    /** The product name as Partner Center shows it. */
    productName: nonBlank('a product name'),
    /** The Partner Center order ID. */
    orderId: nonBlank('an order id'),
  },
  { error: expected('a perpetual cancellation request (an object)') },
);

/**
 * Schema of a `CancellationRequest` (`./cancellation`), either kind.
 *
 * @example
 * ```ts
 * import { cancellationRequestSchema } from 'csp-software-rules/schemas';
 *
 * cancellationRequestSchema.safeParse({ kind: 'refund' }).success; // => false
 * ```
 * @category Schemas
 */
export const cancellationRequestSchema = z.discriminatedUnion(
  'kind',
  [subscriptionCancellationRequestSchema, perpetualCancellationRequestSchema],
  {
    error: (issue) =>
      typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input)
        ? expected('kind "subscription" or "perpetual"')({
            input: (issue.input as { kind?: unknown }).kind,
          })
        : expected('a cancellation request (an object with kind "subscription" or "perpetual")')(
            issue,
          ),
  },
);

/**
 * Reads a cancellation request from untrusted input (a back-office form).
 *
 * @param input - Anything.
 * @returns The request, names trimmed, tenant id and domain in lower case.
 * @throws {@link core!CspRuleError} `invalid_input`, `field` naming the first problem (`request.customer.tenantId`), every problem in `details.issues`.
 * @example
 * ```ts
 * import { parseCancellationRequest } from 'csp-software-rules/schemas';
 *
 * const request = parseCancellationRequest({
 *   kind: 'perpetual', customer: { by: 'domain', domain: 'FABRIKAM.com' },
 *   productName: 'SQL Server 2022 Standard', orderId: 'TXQ2MZG9VDDB',
 * });
 * request.customer; // => { by: 'domain', domain: 'fabrikam.com' }
 * parseCancellationRequest({ kind: 'subscription', customer: { by: 'tenantId', tenantId: 'nope' } }); // => throws invalid_input
 * ```
 * @category Schemas
 */
export function parseCancellationRequest(input: unknown): CancellationRequest {
  return parseWith(cancellationRequestSchema, input, 'request');
}

/**
 * {@link parseCancellationRequest} without throwing.
 *
 * @param input - Anything.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @example
 * ```ts
 * import { safeParseCancellationRequest } from 'csp-software-rules/schemas';
 *
 * const r = safeParseCancellationRequest({
 *   kind: 'subscription', customer: { by: 'domain', domain: 'contoso' }, subscription: { by: 'id', id: ' ' },
 * });
 * r.success ? [] : (r.error.details['issues'] as { path: unknown[] }[]).map((i) => i.path.join('.')); // => ['request.customer.domain', 'request.subscription.id']
 * ```
 * @category Schemas
 */
export function safeParseCancellationRequest(input: unknown): SafeParseResult<CancellationRequest> {
  return safeParseWith(cancellationRequestSchema, input, 'request');
}
