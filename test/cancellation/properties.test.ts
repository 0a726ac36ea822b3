import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cancellationWindow,
  evaluateCancellation,
  nonCancellablePublisher,
  type WindowReading,
} from '../../src/cancellation/index.js';
import {
  addDays,
  type PerpetualPurchase,
  type Purchase,
  type SoftwareSubscription,
  type Term,
} from '../../src/core/index.js';
import { termDates } from '../../src/lifecycle/index.js';
import { expectSameInEveryTimeZone } from '../support/tz.js';

const H = 3_600_000;
const D = 24 * H;
const CUTOFF = Date.UTC(2021, 9, 14);
const iso = (ms: number) => new Date(ms).toISOString();

const termArb = fc.constantFrom<Term>('P1M', 'P1Y', 'P3Y');
const readingArb = fc.constantFrom<WindowReading>('elapsed_hours', 'calendar_days');
const instantArb = (min: number, max: number) => fc.integer({ min, max });

/** Subscriptions with every optional field that changes the window. */
const subArb = fc.record({
  purchasedMs: instantArb(Date.UTC(2019, 0, 1), Date.UTC(2030, 0, 1)),
  term: termArb,
  autoRenew: fc.option(fc.boolean(), { nil: undefined }),
  status: fc.constantFrom(undefined, 'active', 'suspended', 'expired', 'cancelled'),
  deadlineOffset: fc.option(fc.integer({ min: -40 * D, max: 400 * D }), { nil: undefined }),
  completedOffset: fc.option(fc.integer({ min: -2 * D, max: 800 * D }), { nil: undefined }),
  publisher: fc.constantFrom(undefined, 'Microsoft', 'Red Hat', 'SUSE LLC', 'Redhatch Ltd'),
});

type SubSpec = typeof subArb extends fc.Arbitrary<infer T> ? T : never;

function toSub(s: SubSpec): SoftwareSubscription {
  return {
    kind: 'subscription',
    purchasedAt: iso(s.purchasedMs),
    term: s.term,
    billingFrequency: s.term === 'P1M' ? 'monthly' : 'annual',
    quantity: 1,
    unitPrice: '10',
    currency: 'EUR',
    ...(s.autoRenew === undefined ? {} : { autoRenew: s.autoRenew }),
    ...(s.status === undefined ? {} : { status: s.status as never }),
    ...(s.publisher === undefined ? {} : { publisher: s.publisher }),
    ...(s.deadlineOffset === undefined
      ? {}
      : { cancellationAllowedUntil: iso(s.purchasedMs + s.deadlineOffset) }),
    ...(s.completedOffset === undefined
      ? {}
      : { renewalCompletedAt: iso(s.purchasedMs + s.completedOffset) }),
  };
}

const perpetualArb = fc.record({
  purchasedMs: instantArb(Date.UTC(2019, 0, 1), Date.UTC(2030, 0, 1)),
  status: fc.constantFrom(undefined, 'completed', 'cancelled'),
  publisher: fc.constantFrom(undefined, 'Microsoft', 'SUSE'),
});

function toPerpetual(
  p: typeof perpetualArb extends fc.Arbitrary<infer T> ? T : never,
): PerpetualPurchase {
  return {
    kind: 'perpetual',
    purchasedAt: iso(p.purchasedMs),
    quantity: 1,
    unitPrice: '10',
    currency: 'EUR',
    ...(p.status === undefined ? {} : { status: p.status as never }),
    ...(p.publisher === undefined ? {} : { publisher: p.publisher }),
  };
}

const purchaseArb: fc.Arbitrary<[Purchase, number]> = fc.oneof(
  subArb.map((s) => [toSub(s), s.purchasedMs] as [Purchase, number]),
  perpetualArb.map((p) => [toPerpetual(p), p.purchasedMs] as [Purchase, number]),
);

const rolesArb = fc.option(
  fc.subarray(['AdminAgent', 'SalesAgent', 'Admin agent', 'GlobalAdmin', 'Someone else']),
  { nil: undefined },
);

describe('properties', () => {
  it('once closed at t, a window stays closed at every later t of the same term', () => {
    fc.assert(
      fc.property(
        subArb,
        readingArb,
        fc.integer({ min: -10 * D, max: 4 * 366 * D }),
        fc.integer({ min: 0, max: 60 * D }),
        (s, window, offset, delta) => {
          const sub = toSub(s);
          const t1 = s.purchasedMs + offset;
          const a = evaluateCancellation(sub, { asOf: iso(t1), window });
          const b = evaluateCancellation(sub, { asOf: iso(t1 + delta), window });
          if (a.window?.termIndex !== b.window?.termIndex) return;
          expect(b.window).toEqual(a.window);
          const closed = (d: typeof a) => d.reasons.some((r) => r.code === 'window_closed');
          if (closed(a)) expect(closed(b)).toBe(true);
          expect(b.timeRemaining.milliseconds).toBeLessThanOrEqual(a.timeRemaining.milliseconds);
        },
      ),
    );
  });

  it('every renewal term has its own window of the same length', () => {
    fc.assert(
      fc.property(
        instantArb(CUTOFF, Date.UTC(2030, 0, 1)),
        termArb,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 27 * D }),
        (purchasedMs, term, k, within) => {
          const sub = toSub({
            purchasedMs,
            term,
            autoRenew: undefined,
            status: undefined,
            deadlineOffset: undefined,
            completedOffset: undefined,
            publisher: undefined,
          });
          const dates = termDates({ purchasedAt: iso(purchasedMs), term, termIndex: k });
          const startMs = k === 0 ? purchasedMs : Date.parse(dates.start);
          const asOf = iso(Math.min(startMs + within, Date.parse(dates.end) + D - 1));
          const hours = cancellationWindow(sub, { asOf });
          expect(hours.termIndex).toBe(k);
          expect(hours.opensAt.getTime()).toBe(startMs);
          expect(hours.closesAt.getTime() - hours.opensAt.getTime()).toBe(7 * D);
          const cal = cancellationWindow(sub, { asOf, window: 'calendar_days' });
          expect(cal.lastDay).toBe(addDays(dates.start, 7));
          expect(cal.closesAt.getTime()).toBe(Date.parse(addDays(dates.start, 8)));
          // The default reading is never the later one.
          expect(hours.closesAt.getTime()).toBeLessThanOrEqual(cal.closesAt.getTime());
        },
      ),
    );
  });

  it('inside the first 168 h of a subscription (or 720 h of perpetual software), a plain purchase may be cancelled', () => {
    fc.assert(
      fc.property(
        instantArb(CUTOFF, Date.UTC(2030, 0, 1)),
        fc.boolean(),
        fc.integer({ min: 0, max: 720 * H - 1 }),
        (purchasedMs, isSub, offset) => {
          const length = isSub ? 168 * H : 720 * H;
          const p: Purchase = isSub
            ? toSub({
                purchasedMs,
                term: 'P1Y',
                autoRenew: undefined,
                status: undefined,
                deadlineOffset: undefined,
                completedOffset: undefined,
                publisher: undefined,
              })
            : toPerpetual({ purchasedMs, status: undefined, publisher: undefined });
          const d = evaluateCancellation(p, {
            asOf: iso(purchasedMs + offset),
            roles: ['AdminAgent'],
          });
          expect(d.allowed).toBe(offset < length);
          expect(d.window?.closesAt.getTime()).toBe(purchasedMs + length);
          expect(d.billedInFull).toBe(offset >= length);
        },
      ),
    );
  });

  it('Red Hat and SUSE are refused at every instant, whatever the spelling', () => {
    const spelling = fc
      .record({
        words: fc.constantFrom(['Red', 'Hat'], ['RedHat'], ['SUSE'], ['Suse']),
        separator: fc.constantFrom(' ', '', '-', '.', '  ', '_', ' . '),
        suffix: fc.constantFrom(
          '',
          ', Inc.',
          ' Inc',
          ' LLC',
          ' L.L.C.',
          ' Ltd.',
          ' GmbH',
          '.',
          ' ®',
        ),
        upper: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        pad: fc.constantFrom('', ' ', '\t'),
      })
      .map(({ words, separator, suffix, upper, pad }) => {
        const text = words.join(separator) + suffix;
        const cased = [...text]
          .map((c, i) => (upper[i % 12] ? c.toUpperCase() : c.toLowerCase()))
          .join('');
        return pad + cased + pad;
      });
    fc.assert(
      fc.property(
        purchaseArb,
        spelling,
        fc.integer({ min: -400 * D, max: 4000 * D }),
        readingArb,
        ([p, purchasedMs], publisher, offset, window) => {
          const d = evaluateCancellation({ ...p, publisher } as Purchase, {
            asOf: iso(purchasedMs + offset),
            window,
            roles: ['AdminAgent'],
          });
          expect(d.allowed).toBe(false);
          expect(d.reasons.some((r) => r.code === 'non_cancellable_publisher')).toBe(true);
        },
      ),
    );
  });

  it('a name with another word glued or added is another company', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Red Hat', 'RedHat', 'SUSE'),
        fc
          .stringMatching(/^[a-z]{1,6}$/)
          .filter(
            (w) =>
              ![
                'inc',
                'llc',
                'ltd',
                'co',
                'ag',
                'sa',
                'bv',
                'nv',
                'kk',
                'lp',
                'spa',
                'srl',
                'sas',
                'plc',
                'pty',
                'llp',
                'corp',
                'gmbh',
                'sarl',
              ].includes(w),
          ),
        fc.boolean(),
        (base, word, glued) => {
          expect(nonCancellablePublisher(glued ? base + word : `${base} ${word}`)).toBeNull();
          expect(nonCancellablePublisher(`${word}${base}`)).toBeNull();
        },
      ),
    );
  });

  it('a decision is allowed exactly when it has no reasons; time remaining is consistent', () => {
    fc.assert(
      fc.property(
        purchaseArb,
        fc.integer({ min: -30 * D, max: 4000 * D }),
        readingArb,
        rolesArb,
        ([p, purchasedMs], offset, window, roles) => {
          const asOfMs = purchasedMs + offset;
          const d = evaluateCancellation(p, {
            asOf: iso(asOfMs),
            window,
            ...(roles === undefined ? {} : { roles }),
          });
          expect(d.allowed).toBe(d.reasons.length === 0);
          const t = d.timeRemaining;
          expect(t.milliseconds).toBe(Math.max(0, (d.window?.closesAt.getTime() ?? 0) - asOfMs));
          expect(t.hours).toBeLessThan(24);
          expect(t.days * D + t.hours * H).toBeLessThanOrEqual(t.milliseconds);
          expect(t.milliseconds).toBeLessThan(t.days * D + (t.hours + 1) * H);
          if (d.allowed) expect(t.milliseconds).toBeGreaterThan(0);
          expect(d.billedInFull).toBe(
            d.reasons.some((r) => r.code === 'window_closed') &&
              !d.reasons.some((r) => r.code === 'already_cancelled'),
          );
          // Reasons come in the documented order.
          const order = [
            'unknown_value',
            'already_cancelled',
            'expired',
            'not_yet_open',
            'window_closed',
            'non_cancellable_publisher',
            'missing_role',
          ];
          const ranks = d.reasons.map((r) => order.indexOf(r.code));
          expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
          expect(ranks).not.toContain(-1);
          if (d.window !== null) {
            const w = d.window;
            expect(w.lastDay).toBe(new Date(w.closesAt.getTime() - 1).toISOString().slice(0, 10));
          }
        },
      ),
    );
  });

  it('gives identical results in any process TZ', () => {
    fc.assert(
      fc.property(
        purchaseArb,
        fc.integer({ min: -30 * D, max: 800 * D }),
        readingArb,
        ([p, purchasedMs], offset, window) => {
          expectSameInEveryTimeZone(() =>
            evaluateCancellation(p, { asOf: iso(purchasedMs + offset), window }),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
