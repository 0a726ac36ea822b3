import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
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

/** Two customers: a plain subscription, then one with `changes` applied. */
function edgePortfolio(changes: Record<string, unknown>): string {
  const sub = {
    kind: 'subscription',
    id: 'ok',
    purchasedAt: '2026-01-10T00:00:00Z',
    term: 'P1Y',
    billingFrequency: 'annual',
    quantity: 1,
    unitPrice: '10.00',
    currency: 'EUR',
  };
  return JSON.stringify({
    customers: [
      { name: 'A', market: 'IT', subscriptions: [sub] },
      { name: 'B', market: 'IT', subscriptions: [{ ...sub, id: 'edge', ...changes }] },
    ],
  });
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('report command', () => {
  it('reports on the sample portfolio without a file, in English', () => {
    const r = report(['report']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('# CSP software report (as of 25 Nov 2026 12:00 UTC)');
    expect(r.out).toContain('## Contoso S.p.A.');
    expect(r.out).toContain('Azure reservations: not sold in this market');
    expect(r.out).toContain('Prices: include tax');
    expect(r.out).toMatch(
      /\nws2022-std .*\n.*\n {4}cancellation: open until 27 Nov 2026 09:15 UTC \(1 d 21 h left\)/,
    );
    expect(r.out).toContain('fleet deadline');
    // 4 × 2150.40, 1091 of 1096 days: 2150.40 × 1091 / 1096 = 2140.5897… → 2140.58 × 4
    expect(r.out).toContain('now: refund €8,562.32 on the Nov 2026 invoice');
    // 25 × 10.08, 26 of 30 days: 10.08 × 26 / 30 = 8.736 → 8.73 × 25
    expect(r.out).toContain('now: refund €218.25 on the Nov 2026 invoice');
    expect(r.out).toContain('now: credit €3,899.00 on the Nov 2026 invoice');
  });

  it('reads Partner Center subscription and order resources with a price list', () => {
    const r = report(['report', '--as-of', '2026-11-25T12:00:00Z']);
    // 8 × 1859.00; 363 of 365 days: 1859 × 363 / 365 = 1848.8137… → 1848.81 × 8
    expect(r.out).toContain('now: refund €14,790.48 on the Nov 2026 invoice');
    // Partner Center's own deadline (…16:05:44.9876543Z) is authoritative.
    expect(r.out).toContain('open until 30 Nov 2026 16:05 UTC');
    // A term and billing cycle Microsoft may add later: refused, never a crash.
    expect(r.out).toMatch(
      /P5Y \(\?\) +Quinquennial \(\?\) +\? +\? +\?\n.*\n {4}cancellation: Not allowed: Partner Center sent a value/,
    );
    expect(r.out).toContain('now: credit €1,930.00 on the Nov 2026 invoice');
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
    expect(r.code).toBe(2);
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
    const nd = report(['report', '--format', 'ndjson', '--as-of=2026-11-26']);
    const lines = nd.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { asOf: string; name: string });
    expect(lines.map((c) => [c.asOf, c.name])).toEqual(
      parsed.customers.map((c) => ['2026-11-26T00:00:00.000Z', c.name]),
    );
  });

  it('uses the clock it is given only when --as-of is absent', () => {
    expect(report(['report', '--format', 'json']).out).toContain(
      '{"asOf":"2026-11-25T12:00:00.000Z",',
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
      // A fleet's mistake is found before the first customer is written, too.
      [
        ['report', '--as-of', '2020-01-01'],
        /customers\[0\]\.devices\[0\]\.lastRenewalAt: .*\[invalid_range\]/,
      ],
      // A name that is not text (a TypeError and a stack trace before), and
      // purchases at the library's limits, which the report's own refund and
      // term arithmetic refuse: found before anything is written (they gave
      // the first customer, then the error).
      [
        ['report', file('name42.json', edgePortfolio({ name: 42 }))],
        /customers\[1\]\.subscriptions\[0\]\.name: expected a string \[invalid_input\]/,
      ],
      [
        ['report', file('huge.json', edgePortfolio({ unitPrice: '100000000000000' }))],
        /customers\[1\]\.subscriptions\[0\]\.unitPrice: .*\[invalid_money\]/,
      ],
      [
        [
          'report',
          file('late.json', edgePortfolio({ purchasedAt: '9999-06-01T00:00:00Z', term: 'P3Y' })),
          '--as-of',
          '2026-11-25T12:00:00Z',
        ],
        /customers\[1\]\.subscriptions\[0\]\..*\[invalid_range\]/,
      ],
    ];
    for (const [argv, pattern] of cases) {
      const r = report(argv);
      expect(r.code, r.err).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(pattern);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('a portfolio of the wrong shape says what is wrong, and exits 2', () => {
    const cases: [unknown, RegExp][] = [
      [
        {},
        /customers: required \(a portfolio is \{ "customers": \[\.\.\.\] \}\) \[missing_field\]/,
      ],
      [{ customer: [] }, /customer: unknown key \(expected customers\)/],
      [
        { customers: [{ name: 'A', subscription: [] }] },
        /customers\[0\]\.subscription: unknown key \(expected name, customerId, market, subscriptions/,
      ],
      [
        { totalCount: 1, items: [{ id: 'x', offerId: 'CFQ7:0001:0002', billingCycle: 'monthly' }] },
        /portfolio: this is Partner Center subscription JSON, not the portfolio format; put it under customers\[\]\.partnerCenter\.subscriptions/,
      ],
      [[{ id: 'o1', lineItems: [] }], /this is Partner Center order JSON/],
      [
        { customers: [], ['x\n'.repeat(100)]: 1 },
        /^csp-software-rules: .*: "x\\nx\\n.*: unknown key/,
      ],
    ];
    for (const [json, pattern] of cases) {
      const r = report(['report', file('shape.json', JSON.stringify(json))]);
      expect(r.code, r.err).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(pattern);
    }
  });

  it('a portfolio file that starts with a byte-order mark is read', () => {
    const sample = readFileSync('examples/sample-portfolio.json', 'utf8');
    const r = report([
      'report',
      file('bom.json', `\uFEFF${sample}`),
      '--as-of',
      '2026-11-25T12:00:00Z',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('## Contoso S.p.A.');
  });

  it('--help and --version', () => {
    const help = report(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Commands:');
    expect(help.out).toContain('Exit status: 0');
    // The file formats are documented in a page the package ships.
    expect(help.out).toContain('docs/cli.md');
    expect(help.out).toContain('csp-software-rules/json-schema/portfolio.schema.json');
    const pkgFiles = (JSON.parse(readFileSync('package.json', 'utf8')) as { files: string[] })
      .files;
    expect(pkgFiles).toContain('docs/cli.md');
    expect(readFileSync('docs/cli.md', 'utf8')).toContain('## The JSON report');
    expect(report(['help']).out).toBe(help.out);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(report(['--version'])).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
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
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--as-of: .*no time zone/);
  });
});

describe('reconcile command', () => {
  const portfolio = 'examples/reconciliation/portfolio.json';
  const invoice = 'examples/reconciliation/invoice-2026-11.csv';
  async function reconcileCli(argv: string[], options = {}) {
    let out = '';
    let err = '';
    const code = await run(
      ['reconcile', ...argv],
      (s) => (out += s),
      (s) => (err += s),
      NOW,
      options,
    );
    return { code, out, err };
  }

  it('checks the example invoice: findings, totals by customer, exit 1', async () => {
    const r = await reconcileCli([
      '--subscriptions',
      portfolio,
      '--invoice',
      invoice,
      '--period',
      '2026-11',
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toContain('lines read: 15, matched: 13, periods: Nov 2026');
    expect(r.out).toMatch(/Fabrikam GmbH +€1,223\.04 +€1,923\.04 +€700\.00 +€46\.42\n/);
    expect(r.out).toMatch(/Contoso S\.p\.A\. +€1,644\.12 +€1,680\.90 +€36\.78 +€0\.00\n/);
    expect(r.out).toContain(
      '[unit_price_differs] 5 b7d1e9f4-2a6c-4e83-8b5d-3c4d5e6f7a8b cycleCharge: Line 5 is priced 257.38 EUR, not 245.12 EUR',
    );
    // A finding wraps at 120 columns, its next lines indented by two spaces.
    expect(r.out.replaceAll('\n  ', ' ')).toContain(
      'Refund expected and not billed: removeQuantity 2026-11-20…2026-12-14, 25 licence(s), -700.00 EUR.',
    );
    expect(r.out).toContain('[not_modelled] 15');
  });

  it('speaks Italian, JSON and CSV', async () => {
    const it = await reconcileCli([
      '--subscriptions',
      portfolio,
      '--invoice',
      invoice,
      '--locale',
      'it',
    ]);
    expect(it.out).toContain('## Rilievi (3)');
    expect(it.out).toContain('Rimborso atteso e non fatturato');
    const json = await reconcileCli([
      '--subscriptions',
      portfolio,
      '--invoice',
      invoice,
      '--format=json',
    ]);
    const parsed = JSON.parse(json.out) as { lines: number; findings: { code: string }[] };
    expect(parsed.lines).toBe(15);
    expect(parsed.findings.map((f) => f.code)).toEqual([
      'unit_price_differs',
      'not_modelled',
      'refund_missing',
    ]);
    const csv = await reconcileCli([
      '--subscriptions',
      portfolio,
      '--invoice',
      invoice,
      '--format',
      'csv',
    ]);
    const rows = csv.out.trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'line,code,customerId,subscriptionId,chargeType,period,expected,billed,difference,message',
    );
    expect(rows).toHaveLength(4);
    expect(rows[3]).toMatch(/^,refund_missing,.*,-700\.00 EUR,,,"Refund expected/);
  });

  it('exit 0 when every modelled line matches', async () => {
    const lines = readFileSync(invoice, 'utf8').split('\r\n');
    const fixed = lines.filter((l) => !l.includes('257.38')).join('\r\n');
    const path = file('partial.csv', fixed);
    const r = await reconcileCli(['--subscriptions', portfolio, '--invoice', path]);
    // Without --period only the periods billed are checked: the missing
    // SQL Server cycle charge and E3 credit are still reported.
    expect(r.code).toBe(1);
    expect(r.out).toContain('[missing_charge]');
    // Fabrikam's Visio subscription alone, and its one line.
    const example = JSON.parse(readFileSync(portfolio, 'utf8')) as {
      customers: { subscriptions: { name: string }[] }[];
    };
    const fabrikam = example.customers[1] as (typeof example.customers)[number];
    fabrikam.subscriptions = fabrikam.subscriptions.filter((x) => x.name === 'Visio Plan 2');
    const visio = file('visio.json', JSON.stringify({ customers: [fabrikam] }));
    const ok = file('one.csv', `${lines[0]}\r\n${lines.find((l) => l.includes('Visio'))}\r\n`);
    const single = await reconcileCli(['--subscriptions', visio, '--invoice', ok]);
    expect(single.out).toContain('Every modelled line matches the rules.');
    expect(single.code).toBe(0);
  });

  it('shows progress on stderr only when it is a terminal', async () => {
    let t = 0;
    const big = readFileSync(invoice, 'utf8').split('\r\n');
    const body = big.slice(1).filter((l) => l.includes('Visio'));
    const path = file('many.csv', `${big[0]}\r\n${Array(3000).fill(body[0]).join('\r\n')}\r\n`);
    const tty = await reconcileCli(['--subscriptions', portfolio, '--invoice', path], {
      stderrIsTTY: true,
      clock: () => (t += 100),
    });
    expect(tty.err).toMatch(/^\r[\d,]+ lines, [\d,]+ lines\/s/);
    expect(tty.err).toContain('\r3,000 lines');
    expect(tty.err.endsWith('\n')).toBe(true);
    const pipe = await reconcileCli(['--subscriptions', portfolio, '--invoice', path]);
    expect(pipe.err).toBe('');
    expect(pipe.out).toContain('[duplicate_line]');
  });

  it('--help prints the command’s help and exits 0', async () => {
    const r = await reconcileCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'usage: csp-software-rules reconcile --subscriptions FILE --invoice FILE',
    );
    expect(r.out).toContain('Exit status: 0');
  });

  it('unusable input: one clear line and exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--invoice', invoice], /--subscriptions is required/],
      [['--subscriptions', portfolio], /--invoice is required/],
      [
        ['--subscriptions', portfolio, '--invoice', invoice, '--period', '2026-13'],
        /--period must be YYYY-MM/,
      ],
      [
        ['--subscriptions', portfolio, '--invoice', invoice, '--format', 'xml'],
        /--format must be table, json or csv/,
      ],
      [['--subscriptions', portfolio, '--invoice', invoice, '--bogus'], /unknown option --bogus/],
      [
        ['--subscriptions', 'nope.json', '--invoice', invoice],
        /nope\.json: cannot read the file \(ENOENT\)/,
      ],
      [
        ['--subscriptions', file('bad.json', '{'), '--invoice', invoice],
        /bad\.json: not valid JSON/,
      ],
      [
        [
          '--subscriptions',
          file('noid.json', '{"customers":[{"name":"x","customerId":7}]}'),
          '--invoice',
          invoice,
        ],
        /noid\.json: customers\[0\]\.customerId: expected the customer's tenant id \[invalid_input\]/,
      ],
      [
        [
          '--subscriptions',
          file(
            'noprice.json',
            '{"customers":[{"name":"x","subscriptions":[{"kind":"subscription","id":"a3c6f0d2-7b1e-4c59-9d8a-1f2e3d4c5b6a","purchasedAt":"2026-03-10T09:15:00Z","term":"P1Y","billingFrequency":"monthly","quantity":4}]}]}',
          ),
          '--invoice',
          invoice,
        ],
        /noprice\.json: purchases\[0\]\.purchase\.unitPrice: .* \[missing_field\]/,
      ],
      [
        ['--subscriptions', portfolio, '--invoice', 'nope.csv'],
        /nope\.csv: path: cannot open the file \(ENOENT\)/,
      ],
      [
        [
          '--subscriptions',
          portfolio,
          '--invoice',
          file('cut.gz', gzipSync('x'.repeat(5000)).subarray(0, 20)),
        ],
        /cut\.gz: cannot read the file/,
      ],
    ];
    for (const [argv, message] of cases) {
      const r = await reconcileCli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    }
  });
});
