import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'csp-cli-'));

function report(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(
    argv,
    (s) => (out += s),
    (s) => (err += s),
    NOW,
  ) as number;
  return { code, out, err };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('report command', () => {
  it('reports on the sample portfolio without a file, in English', () => {
    const r = report(['report']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('# CSP software report (as of 2026-11-25T12:00:00.000Z)');
    expect(r.out).toContain('## Contoso S.p.A.');
    expect(r.out).toContain('Azure reservations: not sold in this market');
    expect(r.out).toContain('Prices: include tax');
    expect(r.out).toMatch(/ws2022-std .* open until 2026-11-27T09:15:00.000Z/);
    expect(r.out).toContain('fleet deadline');
    // 4 × 2150.40, 1091 of 1096 days: 2150.40 × 1091 / 1096 = 2140.5897… → 2140.58 × 4
    expect(r.out).toContain('now: refund EUR 8562.32 on the 2026-11 invoice');
    // 25 × 10.08, 26 of 30 days: 10.08 × 26 / 30 = 8.736 → 8.73 × 25
    expect(r.out).toContain('now: refund EUR 218.25 on the 2026-11 invoice');
    expect(r.out).toContain('now: credit EUR 3899.00 on the 2026-11 invoice');
  });

  it('reads Partner Center subscription and order resources with a price list', () => {
    const r = report(['report', '--as-of', '2026-11-25T12:00:00Z']);
    // 8 × 1859.00; 363 of 365 days: 1859 × 363 / 365 = 1848.8137… → 1848.81 × 8
    expect(r.out).toContain('now: refund EUR 14790.48 on the 2026-11 invoice');
    // Partner Center's own deadline (…44.9876543Z, ms truncated) is authoritative.
    expect(r.out).toContain('open until 2026-11-30T16:05:44.988Z');
    // A term and billing cycle Microsoft may add later: refused, never a crash.
    expect(r.out).toMatch(
      /\? P5Y +\? Quinquennial +unknown .*Not allowed: Partner Center sent a value/,
    );
    expect(r.out).toContain('now: credit EUR 1930.00 on the 2026-11 invoice');
  });

  it('a Partner Center offer without a price is a clear error', () => {
    const r = report([
      'report',
      file(
        'noprice.json',
        JSON.stringify({
          customers: [
            { name: 'A', partnerCenter: { prices: {}, subscriptions: [{ offerId: 'X:1:2' }] } },
          ],
        }),
      ),
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /customers\[0\]\.partnerCenter\.subscriptions\[0\]\.offerId: no price for this offer/,
    );
  });

  it('speaks Italian and JSON', () => {
    const it_ = report(['report', '--locale', 'it', '--as-of', '2026-11-25T12:00:00Z']);
    expect(it_.out).toContain('Prenotazioni di Azure: non disponibili in questo mercato');
    const json = report(['report', '--format=json', '--as-of=2026-11-26']);
    const parsed = JSON.parse(json.out) as { asOf: string; customers: { name: string }[] };
    expect(parsed.asOf).toBe('2026-11-26T00:00:00.000Z');
    expect(parsed.customers.map((c) => c.name)).toEqual([
      'Contoso S.p.A.',
      'Wingtip Pty Ltd',
      'Fabrikam MMC',
      'Northwind Traders GmbH',
    ]);
  });

  it('uses the clock it is given only when --as-of is absent', () => {
    expect(report(['report', '--format', 'json']).out).toContain(
      '"asOf": "2026-11-25T12:00:00.000Z"',
    );
  });

  it('bad files give one clear line and a non-zero exit, never a stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['report', join(dir, 'missing.json')], /missing\.json: cannot read the file \(ENOENT\)/],
      [['report', file('broken.json', '{"customers": [')], /broken\.json: not valid JSON/],
      [['report', file('shape.json', '[]')], /shape\.json: portfolio: expected an object/],
      [
        [
          'report',
          file(
            'local.json',
            JSON.stringify({
              customers: [
                {
                  name: 'A',
                  subscriptions: [
                    {
                      kind: 'subscription',
                      purchasedAt: '2021-10-14T10:00',
                      term: 'P1Y',
                      billingFrequency: 'annual',
                      quantity: 1,
                      unitPrice: '1',
                      currency: 'EUR',
                    },
                  ],
                },
              ],
            }),
          ),
        ],
        /local\.json: customers\[0\]\.subscriptions\[0\]\.purchasedAt: .*no time zone.*\[ambiguous_local_time\]/,
      ],
      [
        [
          'report',
          file('market.json', JSON.stringify({ customers: [{ name: 'A', market: 'EU' }] })),
        ],
        /market\.json: customers\[0\]\.market: .*\[unknown_market\]/,
      ],
      [
        [
          'report',
          file(
            'qty.json',
            JSON.stringify({
              customers: [
                {
                  name: 'A',
                  perpetual: [
                    {
                      kind: 'perpetual',
                      purchasedAt: '2026-01-01',
                      quantity: -1,
                      unitPrice: '1',
                      currency: 'EUR',
                    },
                  ],
                },
              ],
            }),
          ),
        ],
        /qty\.json: customers\[0\]\.perpetual\[0\]\.quantity: .*\[invalid_quantity\]/,
      ],
      [
        ['report', file('noname.json', JSON.stringify({ customers: [{}] }))],
        /customers\[0\]\.name: expected a non-empty string/,
      ],
    ];
    for (const [argv, pattern] of cases) {
      const r = report(argv);
      expect(r.code, r.err).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(pattern);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('bad arguments print the usage and exit 2', () => {
    for (const argv of [
      [],
      ['audit'],
      ['report', '--locale', 'fr'],
      ['report', '--format', 'xml'],
      ['report', '--as-of'],
      ['report', '--nope'],
      ['report', 'a.json', 'b.json'],
    ]) {
      const r = report(argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain('usage: csp-software-rules report');
    }
    expect(report(['report', '--help']).code).toBe(0);
    const bad = report(['report', '--as-of', '2026-11-25T10:00']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--as-of: .*no time zone/);
  });
});
