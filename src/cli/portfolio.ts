/**
 * The report command's input: a portfolio of customers with their software
 * purchases and devices (the library's own JSON format).
 */
import type { Device } from '../activation/index.js';
import type { PerpetualPurchase, SoftwareSubscription } from '../core/index.js';
import { asRecord, fail } from '../core/internal.js';

/** One customer of the portfolio. */
export interface PortfolioCustomer {
  /** Display name. */
  readonly name: string;
  /** The customer's market (ISO 3166-1 alpha-2 or Partner Center code). */
  readonly market?: string;
  /** Software subscriptions (an optional `name` per subscription is shown). */
  readonly subscriptions: readonly (SoftwareSubscription & { readonly name?: string })[];
  /** Perpetual software purchases. */
  readonly perpetual: readonly PerpetualPurchase[];
  /** Devices still activated by the customer's KMS host, or already on a MAK. */
  readonly devices: readonly Device[];
  /** When the customer's volume-licensing KMS host stops serving. */
  readonly kmsHostRetiredAt?: string;
  /** MAK activations a day the customer can manage. */
  readonly makCapacityPerDay?: number;
}

/** A portfolio. */
export interface Portfolio {
  /** The customers. */
  readonly customers: readonly PortfolioCustomer[];
}

function list<T>(value: unknown, field: string): readonly T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail('invalid_input', field, `${field}: expected an array`);
  return value as T[];
}

/** Reads a portfolio object (the rules check each purchase when they run). */
export function readPortfolio(json: unknown): Portfolio {
  const root = asRecord(json, 'portfolio');
  const customers = list<unknown>(root['customers'], 'customers').map((c, i) => {
    const r = asRecord(c, `customers[${i}]`);
    const name = r['name'];
    if (typeof name !== 'string' || name === '') {
      fail(
        'invalid_input',
        `customers[${i}].name`,
        `customers[${i}].name: expected a non-empty string`,
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
    return {
      name,
      ...(market === undefined ? {} : { market }),
      subscriptions: list(r['subscriptions'], `customers[${i}].subscriptions`),
      perpetual: list(r['perpetual'], `customers[${i}].perpetual`),
      devices: list(r['devices'], `customers[${i}].devices`),
      ...(retired === undefined ? {} : { kmsHostRetiredAt: retired }),
      ...(capacity === undefined ? {} : { makCapacityPerDay: capacity }),
    } as PortfolioCustomer;
  });
  return { customers };
}
