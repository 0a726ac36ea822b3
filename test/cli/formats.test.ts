// The report's two faces: JSON that is data only (codes, ISO dates, Money,
// reasons with their data, null where nothing applies), and a table that
// fits 120 columns and speaks the report's language throughout.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';
import { readPortfolio } from '../../src/cli/portfolio.js';
import {
  customerNames,
  portfolioPurchases,
  renderReconciliationText,
} from '../../src/cli/reconcile.js';
import { writeTextReport } from '../../src/cli/render.js';
import { readReconciliationFile } from '../../src/files/index.js';
import { reconcileAsync } from '../../src/reconciliation/index.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const SAMPLE = 'examples/sample-portfolio.json';
const sampleJson = JSON.parse(readFileSync(SAMPLE, 'utf8')) as unknown;

function cli(argv: string[]): { code: number; out: string; err: string } {
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

/** Every string inside a JSON value, with the key it is under. */
function strings(value: unknown, key = '', into: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') into.push([key, value]);
  else if (Array.isArray(value)) for (const v of value) strings(v, key, into);
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) strings(v, k, into);
  return into;
}

/** A long-winded portfolio: long names and ids, unknown values, a fleet with warnings. */
const LONG = {
  customers: [
    {
      name: `Azienda ${'цццццц '.repeat(30)}S.r.l.`,
      market: 'br',
      kmsHostRetiredAt: '2026-12-01T00:00:00Z',
      makCapacityPerDay: 1,
      subscriptions: [
        {
          kind: 'subscription',
          id: `sub-${'ж'.repeat(150)}`,
          name: `Prodotto ${'ффф '.repeat(50)}`,
          purchasedAt: '2026-11-24T08:00:00Z',
          term: 'P1Y',
          billingFrequency: 'monthly',
          quantity: 1_234_567,
          unitPrice: '1234.56',
          currency: 'brl',
        },
        {
          kind: 'subscription',
          purchasedAt: '2026-11-24T08:00:00Z',
          term: { unknown: `P${'9'.repeat(60)}Y` },
          billingFrequency: { unknown: 'Z'.repeat(70) },
          quantity: 1,
          unitPrice: '1',
          currency: 'BRL',
        },
      ],
      perpetual: [
        {
          kind: 'perpetual',
          orderId: 'ю'.repeat(130),
          productName: 'я'.repeat(200),
          purchasedAt: '2026-11-02T14:30:00Z',
          quantity: 3,
          unitPrice: '12',
          currency: 'jpy',
        },
      ],
      devices: [
        ...Array.from({ length: 30 }, (_, k) => ({
          id: `dispositivo-${'d'.repeat(90)}-${k}`,
          lastRenewalAt: '2026-06-01T03:00:00Z',
        })),
        { id: 'vecchio', lastRenewalAt: '2025-01-01T00:00:00Z' },
        { id: 'ignoto' },
      ],
    },
  ],
};

describe('the JSON report is data', () => {
  // The portfolio's own strings, as read (Partner Center's resources mapped).
  const input = new Set(strings(readPortfolio(sampleJson)).map(([, v]) => v));
  const DATA =
    /^(?:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z|\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|[a-z]+(?:_[a-z]+)*|[A-Z]{2,3}|P\d+[MY]|[a-z]+(?:\.[a-zA-Z]+)+)$/;

  for (const format of ['json', 'ndjson'] as const) {
    it(`${format}: every string is a code, an ISO date or the portfolio's own text`, () => {
      const r = cli(['report', '--format', format]);
      expect(r.code, r.err).toBe(0);
      const docs =
        format === 'json'
          ? [JSON.parse(r.out) as unknown]
          : r.out
              .trimEnd()
              .split('\n')
              .map((l) => JSON.parse(l) as unknown);
      const odd = docs
        .flatMap((d) => strings(d))
        .filter(([, v]) => !DATA.test(v) && !input.has(v))
        // The publisher a refusal matched: the library's own designation.
        .filter(([key, v]) => !(key === 'matched' && ['Red Hat', 'SUSE'].includes(v)));
      expect(odd).toEqual([]);
      expect(r.out).not.toMatch(/"summary"|Not allowed|renewal 20|\? P5Y/);
    });
  }

  it('json: one document, a purchase per line (each line a JSON value but for its comma)', () => {
    const out = cli(['report', '--format', 'json']).out;
    const purchases = out.split('\n').filter((l) => l.startsWith('{"index":'));
    const doc = JSON.parse(out) as {
      customers: { subscriptions: unknown[]; perpetual: unknown[] }[];
    };
    const all = doc.customers.flatMap((c) => [...c.subscriptions, ...c.perpetual]);
    expect(purchases.map((l) => JSON.parse(l.replace(/,$/, '')) as unknown)).toEqual(all);
    expect(all).toHaveLength(12);
  });

  it('a refused cancellation has no refund (null, not 0); an allowed one has Money and its invoice', () => {
    const report = JSON.parse(cli(['report', '--format', 'json']).out) as {
      asOf: string;
      customers: {
        market: { code: string } | null;
        subscriptions: {
          id: string | null;
          term: unknown;
          state: string | null;
          currentTerm: unknown;
          nextEvent: unknown;
          cancellation: {
            allowed: boolean;
            reasons: { code: string }[];
            refund: { amount: { currency: string; minor: number }; invoice: unknown } | null;
          };
        }[];
      }[];
    };
    expect(report.asOf).toBe('2026-11-25T12:00:00.000Z');
    const subs = report.customers.flatMap((c) => c.subscriptions);
    for (const s of subs) {
      expect(s.cancellation.allowed).toBe(s.cancellation.reasons.length === 0);
      if (!s.cancellation.allowed) expect(s.cancellation.refund).toBeNull();
      else expect(Number.isSafeInteger(s.cancellation.refund?.amount.minor)).toBe(true);
    }
    const byId = new Map(subs.map((s) => [s.id, s]));
    expect(byId.get('ws2022-std')?.cancellation.refund).toEqual({
      settlement: 'prorated_refund',
      amount: { currency: 'EUR', minor: 856232 },
      invoice: {
        billingPeriod: '2026-11',
        periodStart: '2026-11-01',
        periodEnd: '2026-11-30',
        availableFrom: '2026-12-06',
        availableBy: '2026-12-08',
      },
    });
    expect(byId.get('ws2022-std')?.nextEvent).toEqual({ type: 'renewal', on: '2029-11-20' });
    expect(byId.get('sql2022-std')?.cancellation.reasons).toEqual([
      { code: 'window_closed', closedAt: '2026-02-07T00:00:00.000Z' },
    ]);
    // A term this version does not know: the raw value, no dates, the reasons with their data.
    const unknown = byId.get('9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d');
    expect(unknown).toMatchObject({
      term: { unknown: 'P5Y' },
      state: null,
      currentTerm: null,
      nextEvent: null,
    });
    expect(unknown?.cancellation.reasons).toEqual([
      { code: 'unknown_value', field: 'purchase.term', raw: 'P5Y' },
      { code: 'unknown_value', field: 'purchase.billingFrequency', raw: 'Quinquennial' },
    ]);
    expect(report.customers.map((c) => c.market?.code)).toEqual(['IT', 'AU', 'AZ', 'DE']);
  });
});

const tooLong = (text: string) => text.split('\n').filter((l) => l.length > 120);

describe('the table fits 120 columns', () => {
  const long = readPortfolio(LONG);
  const collect = (locale: 'en' | 'it', portfolio = readPortfolio(sampleJson)) => {
    let out = '';
    writeTextReport(portfolio, NOW, locale, (s) => {
      out += s;
    });
    return out;
  };

  for (const locale of ['en', 'it'] as const) {
    it(`${locale}: the sample and a portfolio of long names and ids, nothing lost`, () => {
      const sample = collect(locale);
      expect(tooLong(sample)).toEqual([]);
      const text = collect(locale, long);
      expect(tooLong(text)).toEqual([]);
      // Wrapped, not cut: every letter of each long value is there (each has its own letter).
      const count = (letter: string) => text.split(letter).length - 1;
      expect([count('ц'), count('ж'), count('ф'), count('ю'), count('я')]).toEqual([
        180, 150, 150, 130, 200,
      ]);
      expect(text).not.toContain('…');
      expect(text).toMatch(locale === 'en' ? /warnings:/ : /avvisi:/);
    });
  }

  it('the reconcile table too, with long customer names', async () => {
    const portfolio = readPortfolio(
      JSON.parse(readFileSync('examples/reconciliation/portfolio.json', 'utf8')) as unknown,
    );
    const names = customerNames(portfolio);
    for (const [id, name] of names) names.set(id, `${name} ${'molto lungo '.repeat(12)}`);
    const result = await reconcileAsync(
      readReconciliationFile('examples/reconciliation/invoice-2026-11.csv'),
      portfolioPurchases(portfolio),
      { period: '2026-11' },
    );
    for (const locale of ['en', 'it'] as const) {
      const text = renderReconciliationText(result, 'x/'.repeat(100), locale, names);
      expect(tooLong(text)).toEqual([]);
      expect(text.split('\n').length).toBeGreaterThan(12);
    }
  });
});

describe('the table is the same in every time zone', () => {
  it('dates are UTC days and instants whatever TZ says (fresh modules: no remembered text)', async () => {
    const before = process.env['TZ'];
    const render = async (tz: string) => {
      process.env['TZ'] = tz;
      vi.resetModules();
      const { writeTextReport: write } = await import('../../src/cli/render.js');
      let out = '';
      write(readPortfolio(sampleJson), NOW, 'it', (s) => {
        out += s;
      });
      return out;
    };
    try {
      const utc = await render('UTC');
      expect(utc).toContain('20 nov 2026 – 19 nov 2029');
      for (const tz of ['Pacific/Kiritimati', 'America/St_Johns', 'Asia/Kathmandu'])
        expect(await render(tz), tz).toBe(utc);
    } finally {
      if (before === undefined) delete process.env['TZ'];
      else process.env['TZ'] = before;
    }
  });
});

describe('the Italian table is Italian', () => {
  /** The words of a text (letters only), less those the portfolio itself wrote. */
  const words = (text: string, input: Set<string>) =>
    new Set(
      (text.replace(/\[[a-z_]+\]/g, ' ').match(/[A-Za-zÀ-ÖØ-öø-ÿ]+/g) ?? []).filter(
        (w) => !input.has(w),
      ),
    );
  const inputWords = (json: unknown) =>
    new Set(strings(json).flatMap(([, v]) => v.match(/[A-Za-zÀ-ÖØ-öø-ÿ]+/g) ?? []));
  // Names in both languages: products and standards, not English words.
  const SHARED = new Set([
    'Azure',
    'CSP',
    'KMS',
    'MAK',
    'UTC',
    'SUSE',
    'Red',
    'Hat',
    'software',
    'marketplace',
    'in',
    'h',
    'Australia',
    'AU',
    'AZ',
    'DE',
    'IT',
    'BR',
  ]);

  it('no English word of the English table is left in the Italian one (report)', () => {
    const input = inputWords(sampleJson);
    for (const w of inputWords(LONG)) input.add(w);
    for (const argv of [[], [writeLong()]]) {
      const en = cli(['report', ...argv, '--locale', 'en']);
      const it_ = cli(['report', ...argv, '--locale', 'it']);
      expect(en.code, en.err).toBe(0);
      const english = words(en.out, input);
      const left = [...words(it_.out, input)].filter((w) => english.has(w) && !SHARED.has(w));
      expect(left).toEqual([]);
      // And the English table does say these things in English.
      expect(english.size).toBeGreaterThan(40);
    }
  });

  it('dates and money are written the Italian way', () => {
    const it_ = cli(['report', '--locale', 'it']).out;
    expect(it_).toContain('# Resoconto software CSP (al 25 nov 2026 12:00 UTC)');
    expect(it_).toContain('20 nov 2026 – 19 nov 2029');
    expect(it_).toContain('rimborso di 14.790,48\u00a0€ sulla');
    expect(it_).toContain('credito di 3899,00\u00a0€ sulla fattura di');
    expect(it_).toContain('possibile fino al 27 nov 2026 09:15 UTC (restano 1 g 21 h)');
  });

  it('no English word of the English table is left in the Italian one (reconcile)', async () => {
    const argv = [
      'reconcile',
      '--subscriptions',
      'examples/reconciliation/portfolio.json',
      '--invoice',
      'examples/reconciliation/invoice-2026-11.csv',
      '--period',
      '2026-11',
    ];
    const go = async (locale: string) => {
      let out = '';
      await run(
        [...argv, '--locale', locale],
        (s) => (out += s),
        () => {},
        NOW,
      );
      return out;
    };
    const input = inputWords(
      JSON.parse(readFileSync('examples/reconciliation/portfolio.json', 'utf8')) as unknown,
    );
    // The file's own words: charge types and paths as Microsoft writes them.
    for (const w of ['examples', 'reconciliation', 'invoice', 'csv', 'cycleCharge', 'new'])
      input.add(w);
    for (const w of ['removeQuantity', 'EUR']) input.add(w);
    const english = words(await go('en'), input);
    const italian = await go('it');
    const left = [...words(italian, input)].filter((w) => english.has(w) && !SHARED.has(w));
    expect(left).toEqual([]);
    expect(italian).toContain('righe lette: 15, abbinate: 13, periodi: nov 2026');
    expect(italian).toMatch(
      /Fabrikam GmbH +1223,04\u00a0€ +1923,04\u00a0€ +700,00\u00a0€ +46,42\u00a0€\n/,
    );
  });
});

const longPath = join(mkdtempSync(join(tmpdir(), 'csp-formats-')), 'long.json');
writeFileSync(longPath, JSON.stringify(LONG));
const writeLong = () => longPath;
