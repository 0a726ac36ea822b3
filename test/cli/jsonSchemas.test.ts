// The published JSON Schemas of the portfolio file and of the JSON report,
// checked with an independent validator (Ajv, draft 2020-12) against real
// files and real output, and against portfolios the command refuses.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { portfolioJsonSchema, reportJsonSchema } from '../../src/cli/jsonSchemas.js';
import { run } from '../../src/cli/main.js';

const ajv = new Ajv2020({ strict: true, allErrors: true });
const portfolio = ajv.compile(portfolioJsonSchema());
const reportSchema = reportJsonSchema();
ajv.addSchema(reportSchema, 'report');
const report = ajv.getSchema('report') as ReturnType<typeof ajv.compile>;
const reportLine = ajv.getSchema('report#/$defs/line') as ReturnType<typeof ajv.compile>;

const dir = mkdtempSync(join(tmpdir(), 'csp-cli-schema-'));
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;

function cli(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(
    argv,
    (s) => (out += s),
    (s) => (err += s),
    new Date('2026-11-25T12:00:00Z'),
  ) as number;
  return { code, out, err };
}

const errorsOf = (v: { errors?: unknown }) => JSON.stringify(v.errors ?? null, null, 1);

/** A portfolio with one subscription changed by `patch`. */
function withSubscription(patch: Record<string, unknown>): unknown {
  return {
    customers: [
      {
        name: 'A',
        subscriptions: [
          {
            kind: 'subscription',
            purchasedAt: '2026-11-20T09:15:00Z',
            term: 'P1Y',
            billingFrequency: 'monthly',
            quantity: 2,
            unitPrice: '10.08',
            currency: 'EUR',
            ...patch,
          },
        ],
      },
    ],
  };
}

describe('portfolio.schema.json', () => {
  it('accepts the sample portfolios, and a currency in any case', () => {
    for (const file of ['examples/sample-portfolio.json', 'examples/reconciliation/portfolio.json'])
      expect(portfolio(read(file)), `${file}: ${errorsOf(portfolio)}`).toBe(true);
    expect(portfolio(withSubscription({ currency: 'eur' })), errorsOf(portfolio)).toBe(true);
    expect(
      portfolio(
        withSubscription({ history: [{ type: 'setQuantity', at: '2026-11-21', quantity: 3 }] }),
      ),
      errorsOf(portfolio),
    ).toBe(true);
  });

  it('refuses what the command refuses, and the command refuses it too (exit 2)', () => {
    const wrong: [string, unknown][] = [
      ['no customers', {}],
      ['a misspelt key at the top', { customer: [] }],
      ['a customer without a name', { customers: [{}] }],
      ['a misspelt customer key', { customers: [{ name: 'A', subscription: [] }] }],
      ['Partner Center JSON instead', [{ id: 'x', offerId: 'CFQ7:0001:0002' }]],
      ['a subscription without its price', withSubscription({ unitPrice: undefined })],
      ['an unknown currency', withSubscription({ currency: 'XYZ' })],
      ['a local time without offset', withSubscription({ purchasedAt: '2021-10-14T10:00' })],
      ['a quantity of 0', withSubscription({ quantity: 0 })],
      ['a term that is no term', withSubscription({ term: 'one year' })],
      ['an unknown market', { customers: [{ name: 'A', market: 'Italy' }] }],
      [
        'a capacity of 0',
        { customers: [{ name: 'A', makCapacityPerDay: 0, devices: [{ id: 'a' }] }] },
      ],
      ['a Partner Center export without prices', { customers: [{ name: 'A', partnerCenter: {} }] }],
    ];
    for (const [what, json] of wrong) {
      expect(portfolio(json), what).toBe(false);
      const file = join(dir, 'wrong.json');
      writeFileSync(file, JSON.stringify(json));
      const r = cli(['report', file]);
      expect(r.code, `${what}: ${r.err}`).toBe(2);
    }
  });

  it('refuses a history event of no known type, as reconcile does', async () => {
    const json = withSubscription({ history: [{ type: 'pause', at: '2026-11-21' }] });
    expect(portfolio(json)).toBe(false);
    const file = join(dir, 'event.json');
    writeFileSync(file, JSON.stringify(json));
    const code = await run(
      [
        'reconcile',
        '--subscriptions',
        file,
        '--invoice',
        'examples/reconciliation/invoice-2026-11.csv',
      ],
      () => {},
      () => {},
      new Date(),
    );
    expect(code).toBe(2);
  });
});

describe('report.schema.json', () => {
  const LONG = {
    customers: [
      {
        name: 'Fleet',
        customerId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
        market: 'xs',
        makCapacityPerDay: 1,
        subscriptions: [
          {
            kind: 'subscription',
            purchasedAt: '2026-11-24T08:00:00Z',
            term: { unknown: 'P5Y' },
            billingFrequency: 'monthly',
            quantity: 1,
            unitPrice: '1',
            currency: 'jpy',
            status: 'cancelled',
          },
        ],
        devices: [
          ...Array.from({ length: 40 }, (_, k) => ({
            id: `d${k}`,
            lastRenewalAt: '2026-06-01T03:00:00Z',
          })),
          { id: 'old', lastRenewalAt: '2025-01-01T00:00:00Z' },
          { id: 'unknown' },
        ],
      },
    ],
  };

  it('accepts the real report of the sample at several instants, and of a fleet with warnings', () => {
    const file = join(dir, 'fleet.json');
    writeFileSync(file, JSON.stringify(LONG));
    for (const [path, asOf] of [
      [undefined, '2026-11-25T12:00:00Z'],
      // Before some purchases (not_yet_open), and years later (expired, lapsed devices).
      [undefined, '2026-11-20T12:00:00Z'],
      [undefined, '2031-06-30T23:59:59.999Z'],
      [file, '2026-11-25T12:00:00Z'],
    ] as const) {
      const argv = ['report', ...(path === undefined ? [] : [path]), '--as-of', asOf];
      const json = cli([...argv, '--format', 'json']);
      expect(json.code, json.err).toBe(0);
      expect(report(JSON.parse(json.out)), `${asOf}: ${errorsOf(report)}`).toBe(true);
      for (const line of cli([...argv, '--format', 'ndjson'])
        .out.trimEnd()
        .split('\n'))
        expect(reportLine(JSON.parse(line)), errorsOf(reportLine)).toBe(true);
    }
    const fleet = JSON.parse(cli(['report', file, '--format', 'json']).out) as {
      customers: { fleet: { warnings: { code: string }[]; lapses: unknown[] } }[];
    };
    expect(fleet.customers[0]?.fleet.warnings.map((w) => w.code)).toEqual([
      'already_lapsed',
      'capacity_insufficient',
      'unknown_activation_state',
    ]);
    expect(fleet.customers[0]?.fleet.lapses.length).toBeGreaterThan(0);
  });

  it('refuses a report with display strings, a zero refund or a missing field', () => {
    const good = JSON.parse(cli(['report', '--format', 'json']).out) as {
      customers: {
        market: Record<string, unknown>;
        subscriptions: Record<string, Record<string, unknown>>[];
      }[];
    };
    expect(report(good)).toBe(true);
    const broken = (change: (r: typeof good) => void) => {
      const copy = structuredClone(good);
      change(copy);
      return report(copy);
    };
    const sub = (r: typeof good) =>
      r.customers[0]?.subscriptions[1] as Record<string, Record<string, unknown>>;
    expect(broken((r) => ((sub(r)['cancellation'] as Record<string, unknown>)['refund'] = 0))).toBe(
      false,
    );
    expect(broken((r) => ((sub(r) as Record<string, unknown>)['term'] = '? P5Y'))).toBe(false);
    expect(
      broken((r) => ((sub(r) as Record<string, unknown>)['nextEvent'] = 'renewal 2027-01-31')),
    ).toBe(false);
    expect(
      broken(
        (r) => ((sub(r)['cancellation'] as Record<string, unknown>)['summary'] = 'Not allowed.'),
      ),
    ).toBe(false);
    expect(
      broken(
        (r) => ((r.customers[0] as { market: Record<string, unknown> }).market['name'] = 'Italy'),
      ),
    ).toBe(false);
    expect(broken((r) => delete (sub(r) as Record<string, unknown>)['currentTerm'])).toBe(false);
    expect(
      broken(
        (r) => ((sub(r)['cancellation'] as Record<string, unknown>)['reasons'] = ['window_closed']),
      ),
    ).toBe(false);
  });
});

describe('docs/cli.md', () => {
  const blocks = [...readFileSync('docs/cli.md', 'utf8').matchAll(/```json\n([\s\S]*?)```/g)].map(
    (m) => JSON.parse(m[1] as string) as Record<string, unknown>,
  );

  it('its portfolio example is a valid portfolio, its report example a valid report', () => {
    expect(blocks).toHaveLength(2);
    expect(portfolio(blocks[0]), errorsOf(portfolio)).toBe(true);
    expect(report(blocks[1]), errorsOf(report)).toBe(true);
  });

  it('its report example is what the report says of the sample', () => {
    const real = JSON.parse(cli(['report', '--format', 'json']).out) as {
      customers: { subscriptions: { id: string }[] }[];
    };
    const doc = blocks[1] as {
      asOf: string;
      customers: { subscriptions: { id: string }[]; name: string; market: unknown }[];
    };
    const shown = doc.customers[0];
    const actual = real.customers[0] as (typeof doc.customers)[number];
    expect(doc.asOf).toBe('2026-11-25T12:00:00.000Z');
    expect(shown?.name).toBe(actual.name);
    expect(shown?.market).toEqual(actual.market);
    expect(shown?.subscriptions[0]).toEqual(
      actual.subscriptions.find((s) => s.id === shown?.subscriptions[0]?.id),
    );
  });
});
