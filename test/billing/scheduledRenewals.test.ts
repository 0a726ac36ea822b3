// Renewals shaped by what Partner Center scheduled: "scheduledNextTermInstructions"
// (term, billing cycle, quantity) and "renewalTermDuration" apply from the first
// renewal on, in term dates, charge cycles and installments.
import { fc, it as prop } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { chargeCycles, installmentSchedule } from '../../src/billing/index.js';
import {
  BILLING_FREQUENCIES,
  type BillingFrequency,
  TERMS,
  type Term,
} from '../../src/core/index.js';
import { termDates } from '../../src/lifecycle/index.js';
import { expectRuleError } from '../support/errors.js';

const MONTHS: Record<Term, number> = { P1M: 1, P1Y: 12, P3Y: 36 };
const CYCLE: Record<BillingFrequency, number> = {
  monthly: 1,
  annual: 12,
  triennial: 36,
} as Record<BillingFrequency, number>;
const fits = (t: Term, f: BillingFrequency) => (CYCLE[f] ?? MONTHS[t]) <= MONTHS[t];

describe('scheduled renewals', () => {
  it('a P1M scheduled to renew as P1Y billed annually, 4 seats instead of 10', () => {
    const sub = {
      purchasedAt: '2024-03-10T08:00:00Z',
      term: 'P1M',
      billingFrequency: 'monthly',
      quantity: 10,
      unitPrice: '12.00',
      currency: 'EUR',
      scheduledNextTerm: { term: 'P1Y', billingFrequency: 'annual', quantity: 4 },
    } as const;
    expect(termDates({ ...sub, termIndex: 0 }).end).toBe('2024-04-09');
    expect(termDates({ ...sub, termIndex: 1 })).toEqual({
      termIndex: 1,
      start: '2024-04-10',
      end: '2025-04-09',
      renewsOn: '2025-04-10',
    });
    expect(chargeCycles({ ...sub, termIndex: 1 })).toEqual([
      { index: 0, start: '2024-04-10', end: '2025-04-09' },
    ]);
    const renewal = installmentSchedule({ ...sub, termIndex: 1 });
    expect([renewal.term, renewal.billingFrequency, renewal.total]).toEqual([
      'P1Y',
      'annual',
      { currency: 'EUR', minor: 4800 },
    ]);
    // The initial term keeps its own plan and seats.
    expect(installmentSchedule(sub).total).toEqual({ currency: 'EUR', minor: 12000 });
  });

  it('renewalTerm wins over the scheduled term; a scheduled plan longer than the term is refused, naming the field', () => {
    const sub = {
      purchasedAt: '2024-03-10',
      term: 'P1Y',
      billingFrequency: 'annual',
      renewalTerm: 'P1M',
      scheduledNextTerm: { term: 'P3Y' },
    } as const;
    expect(termDates({ ...sub, termIndex: 2 })).toMatchObject({
      start: '2025-04-10',
      end: '2025-05-09',
    });
    expectRuleError(
      () => chargeCycles({ ...sub, termIndex: 1 }),
      'invalid_billing_frequency',
      'billingFrequency',
    );
    expectRuleError(
      () =>
        chargeCycles({
          ...sub,
          renewalTerm: 'P1Y',
          scheduledNextTerm: { billingFrequency: 'triennial' },
          termIndex: 1,
        }),
      'invalid_billing_frequency',
      'scheduledNextTerm.billingFrequency',
    );
  });

  prop.prop([
    fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2030, 0, 1) }),
    fc.constantFrom(...TERMS),
    fc.constantFrom(...TERMS),
    fc.constantFrom(...BILLING_FREQUENCIES),
    fc.integer({ min: 0, max: 6 }),
  ])(
    'shaped terms follow each other and their cycles partition them',
    (ms, term, next, frequency, k) => {
      fc.pre(fits(next, frequency));
      const base = {
        purchasedAt: new Date(ms).toISOString(),
        term,
        billingFrequency: 'monthly' as const,
        renewalTerm: next,
        scheduledNextTerm: { billingFrequency: frequency },
      };
      const t = termDates({ ...base, termIndex: k });
      const after = termDates({ ...base, termIndex: k + 1 });
      expect(after.start).toBe(t.renewsOn);
      const cycles = chargeCycles({ ...base, termIndex: k });
      expect(cycles[0]?.start).toBe(t.start);
      expect(cycles.at(-1)?.end).toBe(t.end);
      // Without scheduled changes, the same as before.
      const plain = { purchasedAt: base.purchasedAt, term, termIndex: k };
      expect(termDates({ ...plain, renewalTerm: term })).toEqual(termDates(plain));
    },
  );
});
