/**
 * JSON Schema (draft 2020-12) of the main inputs, for services that do not
 * run TypeScript: generated from the same zod schemas, input side.
 * @module
 */
import * as z from 'zod';
import { knownCurrencies } from '../core/index.js';
import { cancellationRequestSchema } from './cancellationRequest.js';
import { devicesSchema } from './device.js';
import { domainSchema, marketSchema, rolesSchema, tenantIdSchema } from './identifiers.js';
import { partnerCenterOrderExtrasSchema, partnerCenterOrderSchema } from './partnerCenterOrder.js';
import {
  partnerCenterSubscriptionExtrasSchema,
  partnerCenterSubscriptionSchema,
} from './partnerCenterSubscription.js';
import {
  calendarDaySchema,
  currencySchema,
  decimalSchema,
  instantSchema,
  moneySchema,
  unitPriceSchema,
} from './primitives.js';
import {
  perpetualPurchaseSchema,
  purchaseSchema,
  softwareSubscriptionSchema,
} from './purchases.js';

/**
 * The names of the JSON Schemas this library ships, each also a file
 * `csp-software-rules/json-schema/<name>.schema.json`.
 *
 * @example
 * ```ts
 * import { JSON_SCHEMA_NAMES } from 'csp-software-rules/schemas';
 *
 * JSON_SCHEMA_NAMES.includes('partner-center-subscription'); // => true
 * ```
 * @category Schemas
 */
export const JSON_SCHEMA_NAMES = [
  'instant',
  'money',
  'software-subscription',
  'perpetual-purchase',
  'purchase',
  'partner-center-subscription',
  'partner-center-subscription-extras',
  'partner-center-order',
  'partner-center-order-extras',
  'devices',
  'roles',
  'cancellation-request',
] as const;

/**
 * One of {@link JSON_SCHEMA_NAMES}.
 * @category Schemas
 */
export type JsonSchemaName = (typeof JSON_SCHEMA_NAMES)[number];

/**
 * A JSON Schema document (plain JSON).
 * @category Schemas
 */
export type JsonSchemaDocument = Readonly<Record<string, unknown>>;

// JSON text only (no Date): an instant is a string with a zone, or a date-only day.
const INSTANT_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}(?:[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:[Zz]|[+-]\\d{2}:?\\d{2}))?$';
const DECIMAL_PATTERN = '^[+-]?\\d+(?:\\.\\d+)?$';
const PRICE_PATTERN = '^(?:\\+?\\d+(?:\\.\\d+)?|-0+(?:\\.0+)?)$';
const GUID_PATTERN =
  '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$';
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DOMAIN_PATTERN = `^\\s*(?:${LABEL}\\.)+${LABEL}\\.?\\s*$`;

/** A pattern matching each code in any ASCII case, surrounding spaces allowed (`[Ee][Uu][Rr]`). */
function anyCasePattern(codes: readonly string[]): string {
  const anyCase = (code: string) => code.replace(/[A-Z]/g, (c) => `[${c}${c.toLowerCase()}]`);
  return `^\\s*(?:${codes.map(anyCase).join('|')})\\s*$`;
}

interface Target {
  readonly schema: z.ZodType;
  readonly title: string;
  readonly description: string;
}

/** What each node is written as, where zod's own output is not what JSON callers need. */
function replacements(): Map<z.ZodType, JsonSchemaDocument> {
  const decimal = 'a plain decimal: digits, optional sign and "." point (no exponent, no comma)';
  return new Map<z.ZodType, JsonSchemaDocument>([
    [
      instantSchema,
      {
        type: 'string',
        pattern: INSTANT_PATTERN,
        description:
          'An instant: ISO-8601 with "Z" or an offset (up to 9 fractional digits), or YYYY-MM-DD (00:00Z). A local time without offset is refused.',
      },
    ],
    [
      calendarDaySchema,
      { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A UTC calendar day.' },
    ],
    [
      decimalSchema,
      {
        anyOf: [{ type: 'string', pattern: DECIMAL_PATTERN, maxLength: 62 }, { type: 'number' }],
        description: `A decimal: ${decimal}, or a number.`,
      },
    ],
    [
      unitPriceSchema,
      {
        anyOf: [
          { type: 'string', pattern: PRICE_PATTERN, maxLength: 62 },
          { type: 'number', minimum: 0 },
        ],
        description: `A price, not negative: ${decimal}, or a number.`,
      },
    ],
    [
      currencySchema,
      {
        type: 'string',
        pattern: anyCasePattern(knownCurrencies()),
        description:
          'An ISO 4217 currency code, any case ("EUR", "eur"), surrounding spaces ignored.',
      },
    ],
    [
      tenantIdSchema,
      { type: 'string', pattern: GUID_PATTERN, description: 'A tenant id (GUID), not all zeros.' },
    ],
    [
      domainSchema,
      {
        type: 'string',
        pattern: DOMAIN_PATTERN,
        maxLength: 300,
        description:
          'A DNS domain name (at most 253 characters, last label not all digits; punycode for international names).',
      },
    ],
    [
      marketSchema,
      {
        type: 'string',
        pattern: '^\\s*[A-Za-z]{2}\\s*$',
        description:
          'A market: ISO 3166-1 alpha-2 (plus XK) or Partner Center XS, XE, XJ; any case.',
      },
    ],
  ]);
}

function targets(): Record<JsonSchemaName, Target> {
  return {
    instant: { schema: instantSchema, title: 'Instant', description: 'An instant input.' },
    money: { schema: moneySchema, title: 'Money', description: 'Money in whole minor units.' },
    'software-subscription': {
      schema: softwareSubscriptionSchema,
      title: 'SoftwareSubscription',
      description: 'A software subscription, as the rules take it.',
    },
    'perpetual-purchase': {
      schema: perpetualPurchaseSchema,
      title: 'PerpetualPurchase',
      description: 'A perpetual software purchase, as the rules take it.',
    },
    purchase: {
      schema: purchaseSchema,
      title: 'Purchase',
      description: 'A software subscription or a perpetual purchase, by kind.',
    },
    'partner-center-subscription': {
      schema: partnerCenterSubscriptionSchema,
      title: 'PartnerCenterSubscription',
      description:
        "Partner Center's subscription resource, the fields the rules read (others allowed); enum fields take any string.",
    },
    'partner-center-subscription-extras': {
      schema: partnerCenterSubscriptionExtrasSchema,
      title: 'PartnerCenterSubscriptionExtras',
      description: 'What a subscription resource does not carry: price, currency, publisher...',
    },
    'partner-center-order': {
      schema: partnerCenterOrderSchema,
      title: 'PartnerCenterOrder',
      description: "Partner Center's order resource for perpetual software (other fields allowed).",
    },
    'partner-center-order-extras': {
      schema: partnerCenterOrderExtrasSchema,
      title: 'PartnerCenterOrderExtras',
      description: 'What an order resource does not carry: prices by offer id, currency...',
    },
    devices: {
      schema: devicesSchema,
      title: 'Devices',
      description: 'A fleet of devices to move from KMS to a MAK (ids unique).',
    },
    roles: {
      schema: rolesSchema,
      title: 'Roles',
      description:
        'Partner Center role names: ids such as "AdminAgent" or display names such as "Admin agent".',
    },
    'cancellation-request': {
      schema: cancellationRequestSchema,
      title: 'CancellationRequest',
      description:
        'The customer (name, tenant id or domain) and the subscription (id or friendly name) or perpetual purchase (product name, order id) to cancel.',
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function generate(target: Target, replace: Map<z.ZodType, JsonSchemaDocument>): JsonSchemaDocument {
  const json = z.toJSONSchema(target.schema, {
    io: 'input',
    target: 'draft-2020-12',
    // Only a Date (the custom check inside an instant, replaced below) has no JSON form.
    unrepresentable: (ctx) =>
      ctx.zodSchema._zod.def.type === 'date' || ctx.zodSchema._zod.def.type === 'custom'
        ? 'any'
        : 'throw',
    override: (ctx) => {
      const replacement = replace.get(ctx.zodSchema as unknown as z.ZodType);
      if (replacement === undefined) return;
      for (const key of Object.keys(ctx.jsonSchema)) {
        delete (ctx.jsonSchema as Record<string, unknown>)[key];
      }
      Object.assign(ctx.jsonSchema, structuredClone(replacement));
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = json;
  return { $schema, title: target.title, description: target.description, ...rest };
}

let generated: Readonly<Record<JsonSchemaName, JsonSchemaDocument>> | undefined;

/**
 * The JSON Schema (draft 2020-12, input side) of each main input, generated
 * from the same zod schemas (on first call, then cached; deeply frozen). The
 * build writes the same documents to `dist/json-schema/<name>.schema.json`.
 * A JSON Schema cannot say everything the schemas check (a real calendar
 * date, a known market, unique device ids): validate with the library where
 * you can.
 *
 * @returns Every schema, by name ({@link JSON_SCHEMA_NAMES}).
 * @example
 * ```ts
 * import { jsonSchemas } from 'csp-software-rules/schemas';
 *
 * const schema = jsonSchemas()['software-subscription'];
 * schema['title']; // => 'SoftwareSubscription'
 * (schema['required'] as string[]).includes('purchasedAt'); // => true
 * ```
 * @category Schemas
 */
export function jsonSchemas(): Readonly<Record<JsonSchemaName, JsonSchemaDocument>> {
  generated ??= buildJsonSchemas();
  return generated;
}

/** @internal Every JSON Schema document, built anew (what {@link jsonSchemas} caches). */
export function buildJsonSchemas(): Readonly<Record<JsonSchemaName, JsonSchemaDocument>> {
  const replace = replacements();
  const all = targets();
  const out = {} as Record<JsonSchemaName, JsonSchemaDocument>;
  for (const name of JSON_SCHEMA_NAMES) out[name] = generate(all[name], replace);
  return deepFreeze(out);
}
