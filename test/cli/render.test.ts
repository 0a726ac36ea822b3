// The text report of a distributor's whole portfolio: a spread of its lines
// into a call (push(...lines), Math.max(...widths)) would overflow the stack.
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/render.js';
import type { Report, SubscriptionLine } from '../../src/cli/report.js';

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
