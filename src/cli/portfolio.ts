/**
 * The report command's input: a portfolio of customers with their software
 * purchases and devices (the library's own JSON format).
 */
import type { Device } from '../activation/index.js';
import {
  isCspRuleError,
  type PerpetualPurchase,
  type SoftwareSubscription,
} from '../core/index.js';
import { asRecord, fail } from '../core/internal.js';
import type { SubscriptionEvent } from '../reconciliation/index.js';
import { fromPartnerCenterOrder, fromPartnerCenterSubscription } from '../schemas/index.js';

/** One customer of the portfolio. */
export interface PortfolioCustomer {
  /** Display name. */
  readonly name: string;
  /** The customer's tenant id (`CustomerId` in Microsoft's reconciliation files). */
  readonly customerId?: string;
  /** The customer's market (ISO 3166-1 alpha-2 or Partner Center code). */
  readonly market?: string;
  /**
   * Software subscriptions (an optional `name` per subscription is shown; an
   * optional `history` of events is what `reconcile` bills from).
   */
  readonly subscriptions: readonly (SoftwareSubscription & PortfolioExtras)[];
  /** Perpetual software purchases (with an optional `history`: a cancellation). */
  readonly perpetual: readonly (PerpetualPurchase & PortfolioExtras)[];
  /** Devices still activated by the customer's KMS host, or already on a MAK. */
  readonly devices: readonly Device[];
  /** When the customer's volume-licensing KMS host stops serving. */
  readonly kmsHostRetiredAt?: string;
  /** MAK activations a day the customer can manage. */
  readonly makCapacityPerDay?: number;
}

/** What a portfolio's purchase may carry besides the purchase itself. */
export interface PortfolioExtras {
  /** A display name. */
  readonly name?: string;
  /** The purchase's events, in `expectedLines`' vocabulary. */
  readonly history?: readonly SubscriptionEvent[];
}

/**
 * Partner Center JSON inside a customer: subscription and order resources as
 * the REST API returns them (an array, or a collection `{ items: [...] }`),
 * with the prices the resources do not carry, keyed by offer id
 * (`product:sku:availability`, `product:sku` or `product`).
 */
export interface PartnerCenterExport {
  /** Subscription resources (GET /customers/{id}/subscriptions). */
  readonly subscriptions?: unknown;
  /** Software order resources (GET /customers/{id}/orders). */
  readonly orders?: unknown;
  /** Prices by offer id: `{ unitPrice, currency?, publisher?, productFamily?, productName? }`. */
  readonly prices: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Currency of every price without its own. */
  readonly currency?: string;
}

/** A portfolio. */
export interface Portfolio {
  /** The customers. */
  readonly customers: readonly PortfolioCustomer[];
}

function list<T>(value: unknown, field: string): readonly T[] {
  if (value === undefined) return [];
  // A Partner Center collection: { totalCount, items: [...] }.
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'items' in value) {
    return list((value as { items: unknown }).items, `${field}.items`);
  }
  if (!Array.isArray(value)) fail('invalid_input', field, `${field}: expected an array`);
  return value as T[];
}

const ROOT_KEYS: readonly string[] = ['customers'];
const CUSTOMER_KEYS: readonly string[] = [
  'name',
  'customerId',
  'market',
  'subscriptions',
  'perpetual',
  'devices',
  'kmsHostRetiredAt',
  'makCapacityPerDay',
  'partnerCenter',
];

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** A key the format does not have is a mistake (a misspelt key would drop data unseen). */
function knownKeys(
  r: Readonly<Record<string, unknown>>,
  keys: readonly string[],
  at: string,
): void {
  for (const key of Object.keys(r)) {
    if (!keys.includes(key)) {
      // A key from the file, shown safely: no control characters, at most 60 of them.
      const shown = key.length > 60 || hasControl(key) ? JSON.stringify(key.slice(0, 60)) : key;
      const field = at === '' ? shown : `${at}.${shown}`;
      fail('invalid_input', field, `${field}: unknown key (expected ${keys.join(', ')})`);
    }
  }
}

/** Partner Center's own JSON where the portfolio was expected: say where it goes. */
function partnerCenterShape(json: unknown): string | undefined {
  const items = Array.isArray(json)
    ? json
    : typeof json === 'object' &&
        json !== null &&
        Array.isArray((json as { items?: unknown }).items)
      ? (json as { items: unknown[] }).items
      : undefined;
  const first = items?.[0];
  if (typeof first !== 'object' || first === null) return undefined;
  if ('offerId' in first || 'commitmentEndDate' in first || 'billingCycle' in first)
    return 'this is Partner Center subscription JSON, not the portfolio format; put it under customers[].partnerCenter.subscriptions, with a price list in customers[].partnerCenter.prices';
  if ('lineItems' in first)
    return 'this is Partner Center order JSON, not the portfolio format; put it under customers[].partnerCenter.orders, with a price list in customers[].partnerCenter.prices';
  return undefined;
}

/** Reads a portfolio object (the rules check each purchase when they run). */
export function readPortfolio(json: unknown): Portfolio {
  const pc = partnerCenterShape(json);
  if (pc !== undefined) fail('invalid_input', 'portfolio', `portfolio: ${pc}`);
  const root = asRecord(json, 'portfolio');
  knownKeys(root, ROOT_KEYS, '');
  if (root['customers'] === undefined)
    fail(
      'missing_field',
      'customers',
      'customers: required (a portfolio is { "customers": [...] })',
    );
  const customers = list<unknown>(root['customers'], 'customers').map((c, i) => {
    const r = asRecord(c, `customers[${i}]`);
    knownKeys(r, CUSTOMER_KEYS, `customers[${i}]`);
    const name = r['name'];
    if (typeof name !== 'string' || name === '') {
      fail(
        'invalid_input',
        `customers[${i}].name`,
        `customers[${i}].name: expected a non-empty string`,
      );
    }
    const customerId = r['customerId'];
    if (customerId !== undefined && (typeof customerId !== 'string' || customerId === '')) {
      fail(
        'invalid_input',
        `customers[${i}].customerId`,
        `customers[${i}].customerId: expected the customer's tenant id`,
      );
    }
    const market = r['market'];
    if (market !== undefined && typeof market !== 'string') {
      fail(
        'invalid_input',
        `customers[${i}].market`,
        `customers[${i}].market: expected a market code`,
      );
    }
    const retired = r['kmsHostRetiredAt'];
    if (retired !== undefined && typeof retired !== 'string') {
      fail(
        'invalid_input',
        `customers[${i}].kmsHostRetiredAt`,
        `customers[${i}].kmsHostRetiredAt: expected an ISO-8601 instant`,
      );
    }
    const capacity = r['makCapacityPerDay'];
    if (capacity !== undefined && typeof capacity !== 'number') {
      fail(
        'invalid_input',
        `customers[${i}].makCapacityPerDay`,
        `customers[${i}].makCapacityPerDay: expected a number`,
      );
    }
    const pc = fromPartnerCenter(r['partnerCenter'], `customers[${i}].partnerCenter`, market);
    return {
      name,
      ...(customerId === undefined ? {} : { customerId }),
      ...(market === undefined ? {} : { market }),
      subscriptions: [
        ...list(r['subscriptions'], `customers[${i}].subscriptions`),
        ...pc.subscriptions,
      ],
      perpetual: [...list(r['perpetual'], `customers[${i}].perpetual`), ...pc.perpetual],
      devices: list(r['devices'], `customers[${i}].devices`),
      ...(retired === undefined ? {} : { kmsHostRetiredAt: retired }),
      ...(capacity === undefined ? {} : { makCapacityPerDay: capacity }),
    } as PortfolioCustomer;
  });
  return { customers };
}

/** Looks an offer up as `product:sku:availability`, then `product:sku`, then `product`. */
function priceOf(
  prices: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
  offerId: unknown,
): Readonly<Record<string, unknown>> | undefined {
  if (typeof offerId !== 'string') return undefined;
  const parts = offerId.split(':');
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join(':');
    if (Object.hasOwn(prices, key)) return prices[key];
  }
  return undefined;
}

/** Re-raises a rule error with `path` in front of its field. */
function under<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!isCspRuleError(e)) throw e;
    const field = e.field === '' ? path : `${path}.${e.field}`;
    return fail(
      e.code,
      field,
      e.message.startsWith(e.field)
        ? `${field}${e.message.slice(e.field.length)}`
        : `${field}: ${e.message}`,
    );
  }
}

/** Maps a customer's Partner Center resources into the library's purchases. */
function fromPartnerCenter(
  input: unknown,
  field: string,
  market: unknown,
): { subscriptions: SoftwareSubscription[]; perpetual: PerpetualPurchase[] } {
  if (input === undefined) return { subscriptions: [], perpetual: [] };
  const r = asRecord(input, field);
  const prices = asRecord(r['prices'], `${field}.prices`) as Readonly<
    Record<string, Readonly<Record<string, unknown>>>
  >;
  const currency = r['currency'];
  const subscriptions = list<unknown>(r['subscriptions'], `${field}.subscriptions`).map(
    (resource, j) => {
      const path = `${field}.subscriptions[${j}]`;
      const offerId =
        typeof resource === 'object' && resource !== null
          ? (resource as Record<string, unknown>)['offerId']
          : undefined;
      const price = priceOf(prices, offerId);
      if (price === undefined)
        fail(
          'invalid_input',
          `${path}.offerId`,
          `${path}.offerId: no price for this offer in ${field}.prices`,
        );
      const extras = { currency, ...(typeof market === 'string' ? { market } : {}), ...price };
      const mapped = under(path, () => fromPartnerCenterSubscription(resource, extras as never));
      return {
        ...mapped,
        name:
          typeof (resource as Record<string, unknown>)['friendlyName'] === 'string'
            ? ((resource as Record<string, unknown>)['friendlyName'] as string)
            : '',
      } as SoftwareSubscription;
    },
  );
  const perpetual = list<unknown>(r['orders'], `${field}.orders`).flatMap((resource, j) => {
    const path = `${field}.orders[${j}]`;
    const extras = { offers: prices, ...(typeof currency === 'string' ? { currency } : {}) };
    return under(path, () => fromPartnerCenterOrder(resource, extras as never)).purchases;
  });
  return { subscriptions, perpetual };
}
