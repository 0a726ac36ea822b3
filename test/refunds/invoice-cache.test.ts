// invoiceFor memoises each month's period: invisible to callers, past its bound too.
import { describe, expect, it } from 'vitest';
import { addMonthsFromAnchor } from '../../src/core/index.js';
import { invoiceFor } from '../../src/refunds/index.js';

describe('invoiceFor is the same with or without its month cache', () => {
  it('gives each of 1,500 months its own period, twice over (past the 1,024-month bound)', () => {
    for (let round = 0; round < 2; round++) {
      for (let k = 0; k < 1500; k++) {
        const first = addMonthsFromAnchor('1900-01-01', k);
        const next = addMonthsFromAnchor('1900-01-01', k + 1);
        const p = invoiceFor(`${first.slice(0, 7)}-15T12:00:00Z`);
        expect(p.billingPeriod).toBe(first.slice(0, 7));
        expect(p.periodStart).toBe(first);
        expect(p.periodEnd).toBe(prevDay(next));
        expect(p.availableFrom).toBe(`${next.slice(0, 7)}-06`);
        expect(p.availableBy).toBe(`${next.slice(0, 7)}-08`);
      }
    }
  });
  it('returns a frozen period, the same one for two instants of a month', () => {
    const a = invoiceFor('2026-11-01T00:00:00Z');
    expect(Object.isFrozen(a)).toBe(true);
    expect(invoiceFor('2026-11-30T23:59:59.999Z')).toBe(a);
    expect(invoiceFor('2026-12-01T00:00:00Z')).not.toBe(a);
  });
});

function prevDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
