// jsonSchemas() builds its documents once and caches them. Each test here
// builds them anew (buildJsonSchemas) so the building runs inside the test: a
// changed title, description or replacement node fails the test that reads it.
import { describe, expect, it } from 'vitest';
import { knownCurrencies } from '../../src/core/index.js';
import { buildJsonSchemas } from '../../src/schemas/jsonSchema.js';

async function freshJsonSchemas(): Promise<Record<string, Record<string, unknown>>> {
  return buildJsonSchemas() as Record<string, Record<string, unknown>>;
}

/** The node at `path` inside a document. */
function at(doc: unknown, ...path: (string | number)[]): unknown {
  let node = doc;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

const INSTANT = {
  type: 'string',
  pattern:
    '^\\d{4}-\\d{2}-\\d{2}(?:[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:[Zz]|[+-]\\d{2}:?\\d{2}))?$',
  description:
    'An instant: ISO-8601 with "Z" or an offset (up to 9 fractional digits), or YYYY-MM-DD (00:00Z). A local time without offset is refused.',
};

describe('jsonSchemas: titles and descriptions', () => {
  it('titles each document and describes it (the instant document by its replacement)', async () => {
    const all = await freshJsonSchemas();
    const heads = Object.fromEntries(
      Object.entries(all).map(([name, doc]) => [name, [doc['title'], doc['description']]]),
    );
    expect(heads).toEqual({
      instant: ['Instant', INSTANT.description],
      money: ['Money', 'Money in whole minor units.'],
      'software-subscription': [
        'SoftwareSubscription',
        'A software subscription, as the rules take it.',
      ],
      'perpetual-purchase': [
        'PerpetualPurchase',
        'A perpetual software purchase, as the rules take it.',
      ],
      purchase: ['Purchase', 'A software subscription or a perpetual purchase, by kind.'],
      'partner-center-subscription': [
        'PartnerCenterSubscription',
        "Partner Center's subscription resource, the fields the rules read (others allowed); enum fields take any string.",
      ],
      'partner-center-subscription-extras': [
        'PartnerCenterSubscriptionExtras',
        'What a subscription resource does not carry: price, currency, publisher...',
      ],
      'partner-center-order': [
        'PartnerCenterOrder',
        "Partner Center's order resource for perpetual software (other fields allowed).",
      ],
      'partner-center-order-extras': [
        'PartnerCenterOrderExtras',
        'What an order resource does not carry: prices by offer id, currency...',
      ],
      devices: ['Devices', 'A fleet of devices to move from KMS to a MAK (ids unique).'],
      roles: [
        'Roles',
        'Partner Center role names: ids such as "AdminAgent" or display names such as "Admin agent".',
      ],
      'cancellation-request': [
        'CancellationRequest',
        'The customer (name, tenant id or domain) and the subscription (id or friendly name) or perpetual purchase (product name, order id) to cancel.',
      ],
    });
  });
});

describe('jsonSchemas: nodes written for JSON callers', () => {
  it('an instant is a string with a zone or a date-only day, wherever it appears', async () => {
    const all = await freshJsonSchemas();
    const { $schema, title, ...instant } = all['instant'] as Record<string, unknown>;
    expect([$schema, title]).toEqual(['https://json-schema.org/draft/2020-12/schema', 'Instant']);
    expect(instant).toEqual(INSTANT);
    expect(at(all['software-subscription'], 'properties', 'purchasedAt')).toEqual(INSTANT);
  });

  it('a price is a non-negative plain decimal string or a non-negative number', async () => {
    const all = await freshJsonSchemas();
    expect(at(all['software-subscription'], 'properties', 'unitPrice')).toEqual({
      anyOf: [
        { type: 'string', pattern: '^(?:\\+?\\d+(?:\\.\\d+)?|-0+(?:\\.0+)?)$', maxLength: 62 },
        { type: 'number', minimum: 0 },
      ],
      description:
        'A price, not negative: a plain decimal: digits, optional sign and "." point (no exponent, no comma), or a number.',
    });
  });

  it('a currency is one of the known ISO 4217 codes, in any case', async () => {
    const all = await freshJsonSchemas();
    const currency = at(all['money'], 'properties', 'currency') as {
      type: string;
      pattern: string;
      description: string;
    };
    expect(currency.type).toBe('string');
    expect(currency.description).toBe(
      'An ISO 4217 currency code, any case ("EUR", "eur"), surrounding spaces ignored.',
    );
    const re = new RegExp(currency.pattern, 'u');
    for (const code of knownCurrencies()) {
      expect(re.test(code), code).toBe(true);
      expect(re.test(code.toLowerCase()), code).toBe(true);
      expect(re.test(` ${code[0]}${code.slice(1).toLowerCase()} `), code).toBe(true);
    }
    for (const bad of ['XYZ', 'EU', 'EURO', 'E UR', '€', '', 'EUR,USD']) {
      expect(re.test(bad), bad).toBe(false);
    }
  });

  it('a tenant id is a GUID pattern', async () => {
    const all = await freshJsonSchemas();
    expect(at(all['partner-center-order-extras'], 'properties', 'customerTenantId')).toEqual({
      type: 'string',
      pattern: '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$',
      description: 'A tenant id (GUID), not all zeros.',
    });
  });

  it('a domain is dot-separated DNS labels, spaces and one final dot allowed', async () => {
    const all = await freshJsonSchemas();
    const label = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
    const customer = at(all['cancellation-request'], 'oneOf', 0, 'properties', 'customer');
    expect(at(customer, 'oneOf', 2, 'properties', 'domain')).toEqual({
      type: 'string',
      pattern: `^\\s*(?:${label}\\.)+${label}\\.?\\s*$`,
      maxLength: 300,
      description:
        'A DNS domain name (at most 253 characters, last label not all digits; punycode for international names).',
    });
  });

  it('a market is two letters, any case, spaces allowed', async () => {
    const all = await freshJsonSchemas();
    expect(at(all['partner-center-subscription-extras'], 'properties', 'market')).toEqual({
      type: 'string',
      pattern: '^\\s*[A-Za-z]{2}\\s*$',
      description: 'A market: ISO 3166-1 alpha-2 (plus XK) or Partner Center XS, XE, XJ; any case.',
    });
  });
});
