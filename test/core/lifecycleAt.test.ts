// When Partner Center's commitmentEndDate speaks for the current term (core's
// lifecycleAt, seen through subscriptionStatusOn): while asOf's day is not
// past it and it falls in this term; "New commerce end dates are inclusive
// ... Legacy end dates are not inclusive" (Subscription resources).
import { describe, expect, it } from 'vitest';
import type { SoftwareSubscription } from '../../src/core/index.js';
import { subscriptionStatusOn } from '../../src/lifecycle/index.js';

// Term 0: 2024-03-01 .. 2025-02-28.
const SUB = {
  kind: 'subscription',
  purchasedAt: '2024-03-01T10:00:00Z',
  term: 'P1Y',
  billingFrequency: 'monthly',
  quantity: 10,
} as const satisfies SoftwareSubscription;

function status(commitmentEndDate: string, asOf: string, extra: object = {}) {
  const s = subscriptionStatusOn({ ...SUB, commitmentEndDate, ...extra }, { asOf });
  return { state: s.state, end: s.currentTerm.end, disagreements: s.disagreements };
}

describe("Partner Center's commitmentEndDate and the current term", () => {
  it("is the term's end through its own day, and no longer the day after", () => {
    expect(status('2024-06-30', '2024-06-30T12:00:00Z')).toEqual({
      state: 'in_term',
      end: '2024-06-30',
      disagreements: [
        { field: 'commitmentEndDate', partnerCenter: '2024-06-30', forecast: '2025-02-28' },
      ],
    });
    expect(status('2024-06-30', '2024-07-01T00:00:00Z')).toEqual({
      state: 'in_term',
      end: '2025-02-28',
      disagreements: [],
    });
  });

  it("counts on the term's first day, not on the day before it", () => {
    expect(status('2024-03-01', '2024-03-01T12:00:00Z').end).toBe('2024-03-01');
    expect(status('2024-02-29', '2024-02-29T12:00:00Z')).toEqual({
      state: 'not_started',
      end: '2025-02-28',
      disagreements: [],
    });
  });

  it('is inclusive for new commerce and the day after the last for a legacy purchase', () => {
    expect(status('2025-02-28', '2024-06-01T00:00:00Z')).toEqual({
      state: 'in_term',
      end: '2025-02-28',
      disagreements: [],
    });
    expect(
      status('2022-10-20', '2022-06-01T00:00:00Z', { purchasedAt: '2021-10-10T10:00:00Z' }),
    ).toEqual({
      state: 'in_term',
      end: '2022-10-19',
      disagreements: [
        { field: 'commitmentEndDate', partnerCenter: '2022-10-19', forecast: '2022-10-09' },
      ],
    });
  });
});
