// The text report of a distributor's whole portfolio: a spread of its lines
// into a call (push(...lines), Math.max(...widths)) would overflow the stack.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPortfolio } from '../../src/cli/portfolio.js';
import {
  renderJson,
  renderText,
  writeJsonReport,
  writeNdjsonReport,
  writeTextReport,
} from '../../src/cli/render.js';
import {
  buildReport,
  checkPortfolio,
  type Report,
  type SubscriptionLine,
} from '../../src/cli/report.js';

const line = (i: number): SubscriptionLine => ({
  index: i,
  id: `sub-${i}`,
  name: i === 7 ? 'the longest name of them all' : 'SQL',
  term: 'P1Y',
  billingFrequency: 'annual',
  quantity: 1,
  state: 'in_term',
  currentTerm: { termIndex: 0, start: '2024-01-10', end: '2025-01-09', renewsOn: '2025-01-10' },
  nextEvent: { type: 'renewal', on: '2025-01-10' },
  autoRenew: true,
  cancellation: {
    allowed: false,
    reasons: [{ code: 'window_closed', closedAt: new Date('2024-01-17T09:00:00Z') }],
    window: {
      opensAt: new Date('2024-01-10T09:00:00Z'),
      closesAt: new Date('2024-01-17T09:00:00Z'),
      lastDay: '2024-01-17',
      source: 'policy',
    },
    timeRemaining: { days: 0, hours: 0, milliseconds: 0 },
    billedInFull: true,
    refund: null,
  },
});

describe('renderText', () => {
  it('renders 200,000 subscriptions of one customer, columns as wide as their widest cell', () => {
    const subscriptions = Array.from({ length: 200_000 }, (_, i) => line(i));
    const report: Report = {
      asOf: new Date('2024-06-01T00:00:00Z'),
      customers: [
        {
          name: 'Contoso',
          customerId: null,
          market: null,
          subscriptions,
          perpetual: [],
          fleet: null,
        },
      ],
    };
    const lines = renderText(report, 'en').split('\n');
    const rows = lines.filter((l) => l.startsWith('sub-'));
    expect(rows.length).toBe(200_000);
    const header = lines.find((l) => l.startsWith('id') || l.includes('name')) ?? '';
    // Every row's second column starts where the widest name pushes it.
    const nameStart = (rows[0] ?? '').indexOf('SQL');
    expect((rows[7] ?? '').indexOf('the longest name')).toBe(nameStart);
    expect(header.length).toBeGreaterThan(0);
  });
});

describe('the streamed report', () => {
  const sample = readPortfolio(
    JSON.parse(readFileSync('examples/sample-portfolio.json', 'utf8')) as unknown,
  );
  const asOf = new Date('2026-11-25T12:00:00Z');
  const collect = (fn: (write: (s: string) => void) => void) => {
    const pieces: string[] = [];
    fn((s) => pieces.push(s));
    return pieces;
  };

  it('JSON: the same document as the report built whole, written in pieces', () => {
    const pieces = collect((w) => writeJsonReport(sample, asOf, w));
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(renderJson(buildReport(sample, asOf)));
    const empty = collect((w) => writeJsonReport({ customers: [] }, asOf, w)).join('');
    expect(JSON.parse(empty)).toEqual({ asOf: asOf.toISOString(), customers: [] });
  });

  it('JSON lines: one customer per line, each the customer of the whole report, in pieces', () => {
    const pieces = collect((w) => writeNdjsonReport(sample, asOf, w));
    const whole = buildReport(sample, asOf);
    // The same bytes as each customer stringified whole, one per line...
    expect(pieces.join('')).toBe(
      whole.customers.map((c) => `${JSON.stringify({ asOf: whole.asOf, ...c })}\n`).join(''),
    );
    // ...written a purchase at a time (a customer of 200,000 subscriptions is
    // never one string), with a line break only between customers.
    const purchases = whole.customers.reduce(
      (n, c) => n + c.subscriptions.length + c.perpetual.length,
      0,
    );
    expect(pieces.length).toBeGreaterThan(purchases);
    expect(pieces.filter((p) => p.includes('\n'))).toEqual(whole.customers.map(() => '\n'));
  });

  it('JSON: a fleet the same as JSON.stringify gives it, each lapse and warning written alone', () => {
    const devices = Array.from({ length: 500 }, (_, i) => ({
      id: `pc-${i}`,
      lastRenewalAt: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00Z`,
    }));
    const fleet = readPortfolio({
      customers: [
        { name: 'Fleet', devices, kmsHostRetiredAt: '2026-11-01T00:00:00Z', makCapacityPerDay: 1 },
      ],
    });
    const whole = buildReport(fleet, asOf);
    const f = whole.customers[0]?.fleet;
    expect(f?.lapses.length).toBeGreaterThan(100);
    expect(f?.warnings.length).toBeGreaterThan(0);
    const pieces = collect((w) => writeNdjsonReport(fleet, asOf, w));
    expect(pieces.join('')).toBe(`${JSON.stringify({ asOf, ...whole.customers[0] })}\n`);
    expect(pieces.length).toBeGreaterThan(f?.lapses.length ?? 0);
  });

  it('text: the same text as the report built whole (widths from the input), in both languages', () => {
    for (const locale of ['en', 'it'] as const) {
      const streamed = collect((w) => writeTextReport(sample, asOf, locale, w));
      expect(streamed.length).toBeGreaterThan(10);
      expect(streamed.join('')).toBe(renderText(buildReport(sample, asOf), locale));
    }
  });

  it('a caller mistake is found before anything is written', () => {
    const bad = {
      customers: [
        ...sample.customers,
        {
          ...sample.customers[0],
          subscriptions: [{ ...sample.customers[0]?.subscriptions[0], unitPrice: undefined }],
        },
      ],
    } as unknown as Parameters<typeof checkPortfolio>[0];
    expect(() => checkPortfolio(bad, asOf)).toThrow(
      expect.objectContaining({
        field: `customers[${sample.customers.length}].subscriptions[0].unitPrice`,
      }),
    );
  });
});
