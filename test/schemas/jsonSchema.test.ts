import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { writeJsonSchemas } from '../../scripts/json-schema.js';
import { CLI_SCHEMA_NAMES, cliJsonSchemas } from '../../src/cli/jsonSchemas.js';
import {
  cancellationRequestSchema,
  devicesSchema,
  JSON_SCHEMA_NAMES,
  jsonSchemas,
  partnerCenterOrderSchema,
  partnerCenterSubscriptionSchema,
  softwareSubscriptionSchema,
} from '../../src/schemas/index.js';
import {
  fixture,
  nearSubscription,
  ORDER_EXTRAS,
  ORDER_FIXTURES,
  SUBSCRIPTION_EXTRAS,
  SUBSCRIPTION_FIXTURES,
  validSubscription,
} from './support.js';

/** A validator built from the JSON Schema alone (zod reads JSON Schema back). */
function fromJson(name: (typeof JSON_SCHEMA_NAMES)[number]): z.ZodType {
  return z.fromJSONSchema(structuredClone(jsonSchemas()[name]) as never);
}

/** The value as a JSON service would send it, or undefined when it has no JSON form. */
function asJson(value: unknown): unknown {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

describe('jsonSchemas', () => {
  it('one draft 2020-12 document per name, titled, cached and frozen', () => {
    const all = jsonSchemas();
    expect(Object.keys(all)).toEqual([...JSON_SCHEMA_NAMES]);
    for (const name of JSON_SCHEMA_NAMES) {
      expect(all[name]['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(typeof all[name]['title']).toBe('string');
      expect(typeof all[name]['description']).toBe('string');
    }
    expect(jsonSchemas()).toBe(all);
    expect(Object.isFrozen(all['software-subscription']['properties'])).toBe(true);
  });

  it('instants are strings with a zone (no Date), decimals strings or numbers', () => {
    const sub = jsonSchemas()['software-subscription'] as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(sub.properties['purchasedAt']?.['type']).toBe('string');
    const validate = fromJson('instant');
    for (const ok of [
      '2021-10-15T21:28:19.3058617Z',
      '2021-10-14',
      '2021-10-14T01:00:00+02:00',
      '2021-10-14T01:00+0200',
    ]) {
      expect(validate.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['2021-10-14T10:00', '14/10/2021', 42]) {
      expect(validate.safeParse(bad).success, String(bad)).toBe(false);
    }
    const price = fromJson('software-subscription');
    const base = {
      kind: 'subscription',
      purchasedAt: '2022-01-01',
      term: 'P1Y',
      billingFrequency: 'annual',
      quantity: 1,
      currency: 'EUR',
    };
    expect(price.safeParse({ ...base, unitPrice: '10.08' }).success).toBe(true);
    expect(price.safeParse({ ...base, unitPrice: 10.08 }).success).toBe(true);
    expect(price.safeParse({ ...base, unitPrice: '-1' }).success).toBe(false);
    expect(price.safeParse({ ...base, unitPrice: '1e3' }).success).toBe(false);
    expect(price.safeParse({ ...base, unitPrice: 1, currency: 'XYZ' }).success).toBe(false);
  });

  it('accepts the Partner Center fixtures and their extras', () => {
    const subscription = fromJson('partner-center-subscription');
    for (const name of SUBSCRIPTION_FIXTURES)
      expect(subscription.safeParse(fixture(name)).success, name).toBe(true);
    const order = fromJson('partner-center-order');
    for (const name of ORDER_FIXTURES)
      expect(order.safeParse(fixture(name)).success, name).toBe(true);
    expect(
      fromJson('partner-center-subscription-extras').safeParse(SUBSCRIPTION_EXTRAS).success,
    ).toBe(true);
    expect(fromJson('partner-center-order-extras').safeParse(ORDER_EXTRAS).success).toBe(true);
    expect(
      fromJson('cancellation-request').safeParse({
        kind: 'subscription',
        customer: { by: 'domain', domain: 'contoso.onmicrosoft.com' },
        subscription: { by: 'id', id: 'x' },
      }).success,
    ).toBe(true);
  });

  it('is never stricter than the library for JSON input', () => {
    const pairs: [z.ZodType, (typeof JSON_SCHEMA_NAMES)[number], fc.Arbitrary<unknown>][] = [
      [
        softwareSubscriptionSchema,
        'software-subscription',
        fc.oneof(validSubscription, nearSubscription),
      ],
      [
        partnerCenterSubscriptionSchema,
        'partner-center-subscription',
        fc.constantFrom(...SUBSCRIPTION_FIXTURES).chain((name) =>
          fc
            .record({ status: fc.string(), quantity: fc.integer() }, { requiredKeys: [] })
            .map((patch) => ({
              ...fixture(name),
              ...patch,
            })),
        ),
      ],
      [
        partnerCenterOrderSchema,
        'partner-center-order',
        fc.constantFrom(...ORDER_FIXTURES).map(fixture),
      ],
      [
        devicesSchema,
        'devices',
        fc.array(
          fc.record({ id: fc.string(), lastRenewalAt: fc.constantFrom('2024-01-01', null) }),
        ),
      ],
      [cancellationRequestSchema, 'cancellation-request', fc.jsonValue()],
    ];
    for (const [schema, name, arbitrary] of pairs) {
      const json = fromJson(name);
      fc.assert(
        fc.property(arbitrary, (value) => {
          const input = asJson(value);
          if (schema.safeParse(input).success) expect(json.safeParse(input).success).toBe(true);
        }),
        { numRuns: 300 },
      );
    }
  });
});

describe('scripts/json-schema.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csp-json-schema-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes <name>.schema.json for every name (the CLI's two too) and removes stale ones", () => {
    writeFileSync(join(dir, 'retired.schema.json'), '{}');
    writeFileSync(join(dir, 'README.txt'), 'kept');
    const written = writeJsonSchemas(dir);
    const names = [...JSON_SCHEMA_NAMES, ...CLI_SCHEMA_NAMES];
    expect(written.map((f) => f.slice(dir.length + 1))).toEqual(
      names.map((n) => `${n}.schema.json`),
    );
    expect(existsSync(join(dir, 'retired.schema.json'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(
      [...names.map((n) => `${n}.schema.json`), 'README.txt'].sort(),
    );
    const all: Record<string, unknown> = { ...jsonSchemas(), ...cliJsonSchemas() };
    for (const name of names) {
      const text = readFileSync(join(dir, `${name}.schema.json`), 'utf8');
      expect(JSON.parse(text)).toEqual(all[name]);
      expect(text.endsWith('}\n')).toBe(true);
    }
  });
});
