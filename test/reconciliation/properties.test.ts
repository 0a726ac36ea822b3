// The invariants of expected lines and of reconciliation, over random
// portfolios and histories.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyExponent } from '../../src/core/index.js';
import type { ExpectedLine, ReconciledPurchase } from '../../src/reconciliation/index.js';
import { expectedLines, reconcile } from '../../src/reconciliation/index.js';
import { decimalText, fileOf } from '../support/reconciliation.js';
import { portfolioArb, reconciledPurchaseArb } from '../support/reconciliationArbs.js';

const DAY = 86_400_000;
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const eventDay = (at: unknown) => Math.floor(Date.parse(String(at)) / DAY);

/** Decimal text as [units, scale]: '10.08' → [1008n, 2]. */
function decimal(text: string): [bigint, number] {
  const [i, f = ''] = text.split('.');
  return [BigInt(`${i}${f}`), f.length];
}

/**
 * The exact cost, in minor units as a fraction, of the seat-days billed, by
 * a model of our own: in each charge cycle, the seats in effect each day
 * (the last accepted seat change on or before it; none from an accepted
 * cancellation day on), times the price, over the cycle's days.
 */
function exactSeatDaysCost(
  p: ReconciledPurchase,
  lines: readonly ExpectedLine[],
  refused: Set<number>,
) {
  const purchase = p.purchase as { unitPrice: string; quantity: number; currency: string };
  const exponent = currencyExponent(purchase.currency);
  const [units, scale] = decimal(purchase.unitPrice);
  const events = (p.history ?? []).map((e, i) => ({ ...e, i })).filter((e) => !refused.has(e.i));
  const seatsOn = (day: number) => {
    let q = purchase.quantity;
    for (const e of events) {
      if (eventDay(e.at) > day) break;
      if (e.type === 'cancel') return 0;
      if (e.type === 'setQuantity') q = e.quantity;
    }
    return q;
  };
  let num = 0n;
  let den = 1n;
  for (const l of lines) {
    if (l.chargeType !== 'new' && l.chargeType !== 'cycleCharge' && l.chargeType !== 'renew')
      continue;
    const from = dayOf(l.chargeStartDate);
    const to = dayOf(l.chargeEndDate);
    let seatDays = 0n;
    for (let d = from; d <= to; d++) seatDays += BigInt(seatsOn(d));
    // units × seatDays × 10^exponent / (10^scale × cycleDays)
    const n = units * seatDays * 10n ** BigInt(exponent);
    const dd = 10n ** BigInt(scale) * BigInt(to - from + 1);
    num = num * dd + n * den;
    den *= dd;
  }
  return { num, den };
}

const seatsOnly = { types: ['setQuantity', 'cancel'] as const, withinDays: 40 };

describe('expected lines (properties)', () => {
  it('sum to the exact cost of the seat-days billed, within one minor unit per line (line-total reading) or per licence (unit-price reading)', () => {
    fc.assert(
      fc.property(reconciledPurchaseArb('s', { ...seatsOnly, perpetual: false }), (p) => {
        for (const rounding of ['truncate_line_total', 'truncate_unit_price'] as const) {
          const r = expectedLines(p.purchase, {
            history: p.history ?? [],
            rounding,
            billingPlanChangeProration: 'days',
          });
          const refused = new Set(r.refused.map((x) => x.index));
          const { num, den } = exactSeatDaysCost(p, r.lines, refused);
          const total = r.lines.reduce((s, l) => s + BigInt(l.subtotal.minor), 0n);
          const bound =
            rounding === 'truncate_line_total'
              ? BigInt(r.lines.length)
              : r.lines.reduce((s, l) => s + BigInt(l.billableQuantity), 0n);
          // |total − num/den| ≤ bound  ⇔  |total·den − num| ≤ bound·den
          const diff = total * den - num;
          expect(diff < 0n ? -diff : diff).toBeLessThanOrEqual(bound * den);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a wipe and a recreate at the same quantity and price cancel out', () => {
    fc.assert(
      fc.property(
        reconciledPurchaseArb('s', { types: [], perpetual: false }),
        fc.integer({ min: 0, max: 6 * DAY }),
        fc.integer({ min: 1, max: 10 }),
        (p, offset, k) => {
          const purchase = { ...p.purchase, productType: 'license_based' } as typeof p.purchase & {
            quantity: number;
            unitPrice: string;
          };
          const at = new Date(Date.parse(String(purchase.purchasedAt)) + offset).toISOString();
          const base = expectedLines(purchase, {}).lines;
          const sum = (ls: readonly ExpectedLine[]) => ls.reduce((s, l) => s + l.subtotal.minor, 0);
          // k seats added and removed the same day.
          const addRemove = expectedLines(purchase, {
            history: [
              { type: 'setQuantity', at, quantity: purchase.quantity + k },
              { type: 'setQuantity', at, quantity: purchase.quantity },
            ],
          });
          expect(addRemove.refused).toEqual([]);
          expect(addRemove.lines).toHaveLength(base.length + 4);
          expect(sum(addRemove.lines)).toBe(sum(base));
          // A conversion to the same price.
          const convert = expectedLines(purchase, {
            history: [{ type: 'convert', at, unitPrice: purchase.unitPrice }],
          });
          expect(sum(convert.lines)).toBe(sum(base));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on a history in our vocabulary, and every line lands on its own period', () => {
    fc.assert(
      fc.property(reconciledPurchaseArb('s'), (p) => {
        const r = expectedLines(p.purchase, { history: p.history ?? [] });
        for (const l of r.lines) {
          expect(l.period).toBe(l.chargeStartDate.slice(0, 7));
          expect(l.chargeEndDate >= l.chargeStartDate).toBe(true);
        }
        expect(
          r.refused.length + new Set(r.lines.map((l) => l.event).filter((e) => e !== null)).size,
        ).toBeLessThanOrEqual((p.history ?? []).length + r.refused.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('reconciliation (properties)', () => {
  it('a file generated from the expected lines has no finding', () => {
    fc.assert(
      fc.property(portfolioArb(4), (portfolio) => {
        const { records } = fileOf(portfolio);
        const r = reconcile(records, portfolio);
        expect(r.findings).toEqual([]);
        expect(r.matched).toBe(records.length);
        for (const t of r.totals) expect(t.difference.minor).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('one amount off by one minor unit gives exactly one amount_differs, on that line', () => {
    fc.assert(
      fc.property(portfolioArb(3), fc.nat(), fc.boolean(), (portfolio, pick, up) => {
        const { records, lines } = fileOf(portfolio);
        fc.pre(records.length > 0);
        const i = pick % records.length;
        const { line, other } = lines[i] as (typeof lines)[number];
        const exponent = currencyExponent(line.subtotal.currency);
        // Away from the other reading's amount, and keeping the line's direction.
        // (A zero amount takes the direction of its exact effective unit price:
        // a credit of −0.0019… truncates to 0.00.)
        const direction = line.exactEffectiveUnitPrice.startsWith('-') ? -1 : 1;
        const wrongWay = (m: number) => Math.sign(m) !== 0 && Math.sign(m) !== direction;
        let minor = line.subtotal.minor + (up ? 1 : -1);
        if (minor === other.subtotal.minor || wrongWay(minor))
          minor = line.subtotal.minor + (up ? -1 : 1);
        fc.pre(!wrongWay(minor));
        fc.pre(minor !== other.subtotal.minor);
        const record = records[i] as Record<string, string>;
        record['Subtotal'] = decimalText(minor, exponent);
        const r = reconcile(records, portfolio);
        expect(r.findings.map((f) => [f.code, f.line])).toEqual([['amount_differs', i + 1]]);
        expect(r.findings[0]).toMatchObject({
          expected: line.subtotal,
          difference: { minor: minor - line.subtotal.minor },
        });
      }),
      { numRuns: 200 },
    );
  });
});
