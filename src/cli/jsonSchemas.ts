/**
 * JSON Schemas (draft 2020-12) of the command line's files: the portfolio it
 * reads and the JSON report it writes. The purchases, devices and Partner
 * Center resources inside a portfolio are the library's own JSON Schemas
 * (generated from the zod schemas of ./schemas); the rest is written here,
 * next to the code that reads and writes it. The build writes both to
 * `dist/json-schema/` (scripts/json-schema.ts); the CLI itself never loads
 * them (nor zod).
 */
import { ROLES } from '../access/index.js';
import type { DeviceStatus } from '../activation/index.js';
import { BILLING_FREQUENCIES, TERMS } from '../core/index.js';
import type { LifecycleState } from '../lifecycle/index.js';
import { type JsonSchemaDocument, jsonSchemas } from '../schemas/index.js';

/** The names of the CLI's schemas, each `dist/json-schema/<name>.schema.json`. */
export const CLI_SCHEMA_NAMES = ['portfolio', 'report'] as const;

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/** Every value of a union, checked both ways at compile time. */
function allOf<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)) =>
    list;
}

const STATES = allOf<LifecycleState>()(['not_started', 'in_term', 'expired', 'cancelled']);
const DEVICE_STATUSES = allOf<DeviceStatus>()([
  'mak_activated',
  'ok',
  'due_soon',
  'lapsed',
  'unknown',
]);

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/$defs/${name}` });
const array = (items: Schema): Schema => ({ type: 'array', items });
const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: 'null' }] });
const text: Schema = { type: 'string' };
const count: Schema = { type: 'integer', minimum: 0 };

/** An object with exactly these properties, all required (the report writes every key). */
function exact(properties: Record<string, Schema>, description?: string): Schema {
  return {
    type: 'object',
    ...(description === undefined ? {} : { description }),
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
}

/** A library schema as a subschema: without `$schema` (it is the document's). */
function embedded(doc: JsonSchemaDocument): Schema {
  const { $schema: _, ...rest } = doc as Schema;
  return structuredClone(rest);
}

function properties(doc: JsonSchemaDocument): Record<string, Schema> {
  return (doc as { properties: Record<string, Schema> }).properties;
}

/** The JSON Schema of the portfolio file (`report` and `reconcile --subscriptions`). */
export function portfolioJsonSchema(): JsonSchemaDocument {
  const lib = jsonSchemas();
  const price = properties(lib['software-subscription'])['unitPrice'] as Schema;
  const event = (type: string, props: Record<string, Schema>, required: string[]): Schema => ({
    type: 'object',
    properties: { type: { const: type }, at: ref('instant'), ...props },
    required: ['type', 'at', ...required],
    additionalProperties: false,
  });
  const history: Schema = {
    description:
      "The purchase's dated events, in order, which `reconcile` bills from (`expectedLines`' vocabulary).",
    type: 'array',
    items: ref('event'),
  };
  const collection = (items: Schema): Schema => ({
    anyOf: [
      array(items),
      {
        type: 'object',
        description: 'A Partner Center collection: `{ totalCount, items: [...] }`.',
        properties: { items: array(items) },
        required: ['items'],
      },
    ],
  });
  return {
    $schema: DRAFT,
    title: 'Portfolio',
    description:
      "The portfolio file of csp-software-rules' command line: customers with their software subscriptions, perpetual purchases, devices and, optionally, Partner Center's own subscription and order resources with a price list. A JSON Schema cannot say everything the command checks (a real calendar date, a known market, unique device ids): the command says what is wrong, with the path.",
    type: 'object',
    properties: { customers: array(ref('customer')) },
    required: ['customers'],
    additionalProperties: false,
    $defs: {
      customer: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, description: 'Display name.' },
          customerId: {
            type: 'string',
            minLength: 1,
            description:
              "The customer's tenant id (`CustomerId` in Microsoft's reconciliation files).",
          },
          market: ref('market'),
          subscriptions: array(ref('subscription')),
          perpetual: array(ref('perpetual')),
          devices: ref('devices'),
          kmsHostRetiredAt: ref('instant'),
          makCapacityPerDay: {
            type: 'integer',
            minimum: 1,
            description: 'MAK activations a day the customer can manage.',
          },
          partnerCenter: ref('partnerCenter'),
        },
        required: ['name'],
        additionalProperties: false,
      },
      subscription: {
        description:
          'A software subscription as the rules take it, with its price (the report computes refunds), an optional display name and history.',
        type: 'object',
        allOf: [ref('softwareSubscription')],
        properties: { name: text, history },
        required: ['unitPrice', 'currency'],
      },
      perpetual: {
        description:
          'A perpetual purchase as the rules take it, with an optional display name and history (a cancellation).',
        type: 'object',
        allOf: [ref('perpetualPurchase')],
        properties: { name: text, history },
      },
      event: {
        oneOf: [
          event('setQuantity', { quantity: { type: 'integer', minimum: 1 } }, ['quantity']),
          event('cancel', { quantity: { type: 'integer', minimum: 1 } }, []),
          event(
            'changeBillingPlan',
            { billingFrequency: { enum: [...BILLING_FREQUENCIES] }, unitPrice: price },
            ['billingFrequency', 'unitPrice'],
          ),
          event(
            'renew',
            {
              unitPrice: price,
              quantity: { type: 'integer', minimum: 1 },
              billingFrequency: { enum: [...BILLING_FREQUENCIES] },
            },
            ['unitPrice'],
          ),
          event('convert', { unitPrice: price, offerId: text }, ['unitPrice']),
        ],
      },
      partnerCenter: {
        type: 'object',
        description:
          "Partner Center's JSON for this customer, with the prices the resources do not carry.",
        properties: {
          subscriptions: collection(ref('partnerCenterSubscription')),
          orders: collection(ref('partnerCenterOrder')),
          prices: {
            type: 'object',
            description:
              'Prices by offer id: `product:sku:availability`, `product:sku` or `product` (the longest that matches wins).',
            additionalProperties: {
              type: 'object',
              properties: {
                unitPrice: price,
                currency: ref('currency'),
                publisher: text,
                productFamily: text,
                productName: text,
              },
              required: ['unitPrice'],
            },
          },
          currency: ref('currency'),
        },
        required: ['prices'],
        additionalProperties: false,
      },
      softwareSubscription: embedded(lib['software-subscription']),
      perpetualPurchase: embedded(lib['perpetual-purchase']),
      devices: embedded(lib.devices),
      partnerCenterSubscription: embedded(lib['partner-center-subscription']),
      partnerCenterOrder: embedded(lib['partner-center-order']),
      instant: embedded(lib.instant),
      currency: structuredClone(properties(lib.money)['currency'] as Schema),
      market: structuredClone(
        properties(lib['partner-center-subscription-extras'])['market'] as Schema,
      ),
    },
  };
}

/** The JSON Schema of `report --format json` (and, at `$defs/line`, of each `ndjson` line). */
export function reportJsonSchema(): JsonSchemaDocument {
  const reason = (code: string, props: Record<string, Schema>): Schema =>
    exact({ code: { const: code }, ...props });
  const unknown = exact({ unknown: text }, 'A value this version does not know, as received.');
  const customer: Record<string, Schema> = {
    name: text,
    customerId: nullable(text),
    market: nullable(ref('market')),
    subscriptions: array(ref('subscription')),
    perpetual: array(ref('perpetual')),
    fleet: nullable(ref('fleet')),
  };
  return {
    $schema: DRAFT,
    title: 'Report',
    description:
      "csp-software-rules report --format json: every rule applied to a portfolio at one instant, as data (codes, ISO dates, Money, reasons with their data; no text). Each line of --format ndjson is $defs/line: a customer with the report's asOf.",
    ...exact({ asOf: ref('instant'), customers: array(ref('customer')) }),
    $defs: {
      customer: exact(customer),
      line: exact({ asOf: ref('instant'), ...customer }),
      instant: {
        type: 'string',
        pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$',
        description: 'An instant, ISO 8601 in UTC to the millisecond.',
      },
      day: {
        type: 'string',
        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        description: 'A UTC calendar day.',
      },
      money: exact(
        {
          currency: { type: 'string', pattern: '^[A-Z]{3}$' },
          minor: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
        },
        'Money in whole minor units of an ISO 4217 currency.',
      ),
      market: exact({
        code: { type: 'string', pattern: '^[A-Z]{2}$' },
        partnerCenterCode: { type: 'string', pattern: '^[A-Z]{2}$' },
        azureReservations: { type: 'boolean' },
        pricesIncludeTax: { type: 'boolean' },
      }),
      termDates: exact({
        termIndex: count,
        start: ref('day'),
        end: ref('day'),
        renewsOn: ref('day'),
      }),
      nextEvent: {
        oneOf: [
          exact({ type: { enum: ['renewal', 'expiry'] }, on: ref('day') }),
          exact({ type: { const: 'none' } }),
        ],
      },
      subscription: exact({
        index: count,
        id: nullable(text),
        name: nullable(text),
        term: { anyOf: [{ enum: [...TERMS] }, unknown] },
        billingFrequency: { anyOf: [{ enum: [...BILLING_FREQUENCIES] }, unknown] },
        quantity: { type: 'integer', minimum: 1 },
        state: nullable({ enum: [...STATES] }),
        currentTerm: nullable(ref('termDates')),
        nextEvent: nullable(ref('nextEvent')),
        autoRenew: nullable({ type: 'boolean' }),
        cancellation: ref('cancellation'),
      }),
      perpetual: exact({
        index: count,
        id: nullable(text),
        orderId: nullable(text),
        productName: nullable(text),
        quantity: count,
        purchasedAt: ref('instant'),
        cancellation: ref('cancellation'),
      }),
      cancellation: exact({
        allowed: { type: 'boolean' },
        reasons: array(ref('reason')),
        window: nullable(
          exact({
            opensAt: ref('instant'),
            closesAt: ref('instant'),
            lastDay: ref('day'),
            source: { enum: ['policy', 'partner_center'] },
          }),
        ),
        timeRemaining: exact({
          days: count,
          hours: { type: 'integer', minimum: 0, maximum: 23 },
          milliseconds: count,
        }),
        billedInFull: { type: 'boolean' },
        refund: nullable(ref('refund')),
      }),
      reason: {
        description: 'Why a cancellation is refused: a code and its data.',
        oneOf: [
          reason('unknown_value', { field: text, raw: text }),
          reason('already_cancelled', { status: { enum: ['cancelled', 'deleted'] } }),
          reason('expired', {}),
          reason('not_yet_open', { opensAt: ref('instant') }),
          reason('window_closed', { closedAt: ref('instant') }),
          reason('non_cancellable_publisher', { publisher: text, matched: text }),
          reason('missing_role', {
            action: text,
            requiredRoles: array({ enum: [...ROLES] }),
          }),
        ],
      },
      refund: exact({
        settlement: { enum: ['prorated_refund', 'credit'] },
        amount: ref('money'),
        invoice: exact({
          billingPeriod: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
          periodStart: ref('day'),
          periodEnd: ref('day'),
          availableFrom: ref('day'),
          availableBy: ref('day'),
        }),
      }),
      fleet: exact({
        devices: count,
        deadline: nullable(ref('instant')),
        counts: exact(Object.fromEntries(DEVICE_STATUSES.map((s) => [s, count]))),
        capacityPerDay: nullable({ type: 'integer', minimum: 1 }),
        completesOn: nullable(ref('day')),
        lapses: array(
          exact({
            id: text,
            lapsesAt: ref('instant'),
            activateAt: ref('instant'),
            activateOn: ref('day'),
            downtimeDays: count,
          }),
        ),
        downtimeDeviceDays: count,
        warnings: array({
          oneOf: [
            reason('mak_activation_limit_exceeded', { needed: count, limit: count, excess: count }),
            reason('already_lapsed', { devices: count }),
            reason('capacity_insufficient', { devices: count, capacityPerDay: count }),
            reason('unknown_activation_state', { devices: count }),
          ],
        }),
      }),
    },
  };
}

/** Both schemas, by name. */
export function cliJsonSchemas(): Record<(typeof CLI_SCHEMA_NAMES)[number], JsonSchemaDocument> {
  return { portfolio: portfolioJsonSchema(), report: reportJsonSchema() };
}
