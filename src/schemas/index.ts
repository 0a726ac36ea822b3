/**
 * The boundary of the library: zod schemas of every public input,
 * readers of Partner Center's subscription and order resources, `parse…` /
 * `safeParse…` pairs that report every problem at once as a `CspRuleError`,
 * and JSON Schema of the main inputs for services that do not run
 * TypeScript. The only area that uses zod: the rules themselves never load it.
 *
 * The `safeParse…` functions never throw, whatever they are given. The
 * schemas themselves are zod's: their own `.safeParse` returns a failure for
 * any value, except that an exception the input itself throws while read (a
 * throwing getter, a Proxy trap) reaches the caller, as zod does; pass such
 * input through `safeParseWith(schema, input)` to get a failure instead.
 *
 * A value Partner Center sends that this version does not know (a new
 * status, billing cycle or term) becomes `{ unknown: '<raw>' }`, which the
 * rules refuse with reason `unknown_value`: never an error, never a guess.
 *
 * @packageDocumentation
 * @module schemas
 */
export {
  cancellationRequestSchema,
  customerIdentifierSchema,
  parseCancellationRequest,
  perpetualCancellationRequestSchema,
  safeParseCancellationRequest,
  subscriptionCancellationRequestSchema,
  subscriptionIdentifierSchema,
} from './cancellationRequest.js';
export { deviceSchema, devicesSchema, parseDevices, safeParseDevices } from './device.js';
export {
  domainSchema,
  marketSchema,
  roleSchema,
  rolesSchema,
  tenantIdSchema,
} from './identifiers.js';
export {
  parseWith,
  type SafeParseResult,
  type SchemaIssue,
  safeParseWith,
  toCspRuleError,
} from './issues.js';
export {
  JSON_SCHEMA_NAMES,
  type JsonSchemaDocument,
  type JsonSchemaName,
  jsonSchemas,
} from './jsonSchema.js';
export {
  fromPartnerCenterOrder,
  type PartnerCenterOfferExtras,
  type PartnerCenterOrderExtras,
  type PartnerCenterOrderLineItem,
  type PartnerCenterSoftwareOrder,
  partnerCenterOrderExtrasSchema,
  partnerCenterOrderLineItemSchema,
  partnerCenterOrderSchema,
  safeFromPartnerCenterOrder,
} from './partnerCenterOrder.js';
export {
  fromPartnerCenterSubscription,
  type PartnerCenterRefundOption,
  type PartnerCenterSoftwareSubscription,
  type PartnerCenterSubscriptionExtras,
  partnerCenterRefundOptionSchema,
  partnerCenterSubscriptionExtrasSchema,
  partnerCenterSubscriptionSchema,
  safeFromPartnerCenterSubscription,
} from './partnerCenterSubscription.js';
export {
  billingFrequencyFromPartnerCenter,
  PARTNER_CENTER_BILLING_CYCLES,
  PARTNER_CENTER_ORDER_STATUSES,
  PARTNER_CENTER_REFUND_TYPES,
  PARTNER_CENTER_SUBSCRIPTION_STATUSES,
  PARTNER_CENTER_TERMS,
  subscriptionStatusFromPartnerCenter,
  termFromPartnerCenter,
} from './partnerCenterValues.js';
export {
  billingFrequencySchema,
  calendarDaySchema,
  currencySchema,
  decimalSchema,
  instantSchema,
  moneySchema,
  perpetualStatusSchema,
  quantitySchema,
  roundingModeSchema,
  subscriptionStatusSchema,
  termSchema,
  unitPriceSchema,
  unknownValueSchema,
} from './primitives.js';
export {
  parsePerpetualPurchase,
  parsePurchase,
  parseSoftwareSubscription,
  perpetualPurchaseSchema,
  purchaseSchema,
  refundableQuantitySchema,
  refundOptionSchema,
  safeParsePerpetualPurchase,
  safeParsePurchase,
  safeParseSoftwareSubscription,
  scheduledNextTermSchema,
  softwareSubscriptionSchema,
} from './purchases.js';
