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
  id: `sub-${i}`,
  name: i === 7 ? 'the longest name of them all' : 'SQL',
  term: 'P1Y',
  billingFrequency: 'annual',
  state: 'in_term',
  termStart: '2024-01-10',
  termEnd: '2025-01-09',
  nextEvent: 'renewal 2025-01-10',
  cancellation: {
    allowed: false,
    closesAt: '2024-01-17T09:00:00Z',
    lastDay: '2024-01-17',
    daysLeft: 0,
    hoursLeft: 0,
    reasons: ['window_closed'],
    summary: 'Not allowed.',
    refund: null,
  } as unknown as SubscriptionLine['cancellation'],
});

describe('renderText', () => {
  it('renders 200,000 subscriptions of one customer, columns as wide as their widest cell', () => {
    const subscriptions = Array.from({ length: 200_000 }, (_, i) => line(i));
    const report: Report = {
      asOf: '2024-06-01',
      customers: [{ name: 'Contoso', market: null, subscriptions, perpetual: [], fleet: null }],
    } as unknown as Report;
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
    const pieces = collect((w) => writeJsonReport(sample, asOf, 'en', w));
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(renderJson(buildReport(sample, asOf, 'en')));
    const empty = collect((w) => writeJsonReport({ customers: [] }, asOf, 'it', w)).join('');
    expect(JSON.parse(empty)).toEqual({ asOf: asOf.toISOString(), customers: [] });
  });

  it('JSON lines: one customer per line, each the customer of the whole report', () => {
    const text = collect((w) => writeNdjsonReport(sample, asOf, 'it', w)).join('');
    const lines = text.trimEnd().split('\n');
    const whole = buildReport(sample, asOf, 'it');
    expect(lines).toHaveLength(whole.customers.length);
    lines.forEach((l, i) => {
      expect(JSON.parse(l)).toEqual(
        JSON.parse(JSON.stringify({ asOf: whole.asOf, ...whole.customers[i] })),
      );
    });
  });

  it('text: the same rows as the report built whole (widths from the input)', () => {
    const streamed = collect((w) => writeTextReport(sample, asOf, 'en', w)).join('');
    const whole = renderText(buildReport(sample, asOf, 'en'), 'en');
    const rows = (t: string) =>
      t
        .split('\n')
        .filter((l) => !/^-[- ]*$/.test(l))
        .map((l) => l.replace(/\s+/g, ' '));
    expect(rows(streamed)).toEqual(rows(whole));
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
    expect(() => checkPortfolio(bad, 'en')).toThrow(
      expect.objectContaining({
        field: `customers[${sample.customers.length}].subscriptions[0].unitPrice`,
      }),
    );
  });
});
