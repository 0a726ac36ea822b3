// Real decisions from every area, generated at random, explained in both
// locales: every code they give is known, and every sentence has its data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIONS, authorize, ROLE_DISPLAY_NAMES, ROLES } from '../../src/access/index.js';
import {
  activationMethodFor,
  azureHybridBenefitEligibility,
  planMakMigration,
} from '../../src/activation/index.js';
import { billingFrequencyChange, billingFrequencyDecision } from '../../src/billing/index.js';
import {
  cancellationEffects,
  evaluateCancellation,
  seatReduction,
} from '../../src/cancellation/index.js';
import {
  BILLING_FREQUENCIES,
  type BillingFrequency,
  type PerpetualPurchase,
  type ReasonBase,
  type SoftwareSubscription,
  SUBSCRIPTION_STATUSES,
  TERMS,
} from '../../src/core/index.js';
import { EN_MESSAGES, explain, explainReason } from '../../src/explain/index.js';
import { autoRenewToggle } from '../../src/lifecycle/index.js';
import {
  azureReservationAvailability,
  knownMarkets,
  taxInclusivePricing,
} from '../../src/markets/index.js';
import { expectedLines, reconcile } from '../../src/reconciliation/index.js';
import { LOCALES } from '../support/locales.js';
import { fileOf, usageRecord } from '../support/reconciliation.js';
import { portfolioArb } from '../support/reconciliationArbs.js';
import { expectSameInEveryTimeZone } from '../support/tz.js';

const D = 86_400_000;
/** What a sentence built from real data must never show: a fallback or a leaked value. */
const BAD = /undefined|\[object |NaN|Invalid Date|\bnull\b|\(unknown\)|\(sconosciuto\)/;
const iso = (ms: number) => new Date(ms).toISOString();
const instantArb = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2031, 0, 1) });
const roleNames = [...ROLES, ...Object.values(ROLE_DISPLAY_NAMES), 'Incentive admin'];
const rolesArb = fc.option(fc.subarray(roleNames, { maxLength: 3 }), { nil: undefined });
const frequencyArb = fc.constantFrom<BillingFrequency>(...BILLING_FREQUENCIES);
const offeredArb = fc.option(fc.subarray([...BILLING_FREQUENCIES]), { nil: undefined });

/** Subscriptions with every field that changes a decision, unknown values included. */
const subArb = fc
  .record({
    purchasedMs: instantArb,
    term: fc.oneof(fc.constantFrom(...TERMS), fc.constant({ unknown: 'P2Y' })),
    billingFrequency: fc.oneof(frequencyArb, fc.constant({ unknown: 'quarterly' })),
    autoRenew: fc.option(fc.boolean(), { nil: undefined }),
    status: fc.option(
      fc.oneof(fc.constantFrom(...SUBSCRIPTION_STATUSES), fc.constant({ unknown: 'paused' })),
      { nil: undefined },
    ),
    publisher: fc.constantFrom(undefined, 'Microsoft', 'Red Hat', 'SUSE LLC'),
    productFamily: fc.constantFrom(undefined, 'windows-rds-cal-2022', 'other'),
    deadlineOffset: fc.option(fc.integer({ min: -40 * D, max: 400 * D }), { nil: undefined }),
  })
  .map(
    (s): SoftwareSubscription => ({
      kind: 'subscription',
      purchasedAt: iso(s.purchasedMs),
      term: s.term as SoftwareSubscription['term'],
      billingFrequency: s.billingFrequency,
      quantity: 3,
      unitPrice: '10.08',
      currency: 'EUR',
      ...(s.autoRenew === undefined ? {} : { autoRenew: s.autoRenew }),
      ...(s.status === undefined ? {} : { status: s.status }),
      ...(s.publisher === undefined ? {} : { publisher: s.publisher }),
      ...(s.productFamily === undefined ? {} : { productFamily: s.productFamily }),
      ...(s.deadlineOffset === undefined
        ? {}
        : { cancellationAllowedUntil: iso(s.purchasedMs + s.deadlineOffset) }),
    }),
  );

const perpetualArb = fc
  .record({
    purchasedMs: instantArb,
    status: fc.constantFrom(undefined, 'completed', 'cancelled'),
    publisher: fc.constantFrom(undefined, 'Microsoft', 'SUSE'),
  })
  .map(
    (p): PerpetualPurchase => ({
      kind: 'perpetual',
      purchasedAt: iso(p.purchasedMs),
      quantity: 1,
      unitPrice: '250',
      currency: 'USD',
      ...(p.status === undefined ? {} : { status: p.status as 'completed' }),
      ...(p.publisher === undefined ? {} : { publisher: p.publisher }),
    }),
  );

const seen = new Set<string>();

/** Explains in both locales and checks every sentence; returns the texts. */
function check(decision: { readonly allowed: boolean; readonly reasons: readonly ReasonBase[] }) {
  const out: string[] = [];
  for (const locale of LOCALES) {
    const e = explain(decision, { locale });
    expect(e.allowed).toBe(decision.allowed);
    expect(e.reasons.map((r) => r.code)).toEqual(decision.reasons.map((r) => r.code));
    expect(e.summary).toMatch(
      decision.allowed ? /^(Allowed|Consentito)\.$/ : /^(Not allowed|Non consentito): .+\.$/,
    );
    expect(e.summary).not.toMatch(BAD);
    for (const r of e.reasons) {
      seen.add(r.code);
      expect(r.known, `${r.code} has a ${locale.locale} message`).toBe(true);
      expect(r.text, r.text).not.toMatch(BAD);
      expect(r.text).toMatch(/^\S.*\.$/);
    }
    // A decision read back from JSON (dates as strings) reads the same.
    expect(explain(JSON.parse(JSON.stringify(decision)), { locale })).toEqual(e);
    out.push(e.summary, ...e.reasons.map((r) => r.text));
  }
  return out;
}

describe('explaining real decisions (property)', () => {
  it('cancellation of subscriptions and perpetual purchases', () => {
    fc.assert(
      fc.property(
        fc.oneof(subArb, perpetualArb),
        fc.integer({ min: -10 * D, max: 800 * D }),
        rolesArb,
        (purchase, offset, roles) => {
          const asOf = iso(Date.parse(String(purchase.purchasedAt)) + offset);
          check(
            evaluateCancellation(purchase, { asOf, ...(roles === undefined ? {} : { roles }) }),
          );
          check(cancellationEffects(purchase, { asOf }));
        },
      ),
    );
  });

  it('seat reductions, software and license-based', () => {
    fc.assert(
      fc.property(
        subArb,
        fc.constantFrom(undefined, 'software', 'license_based'),
        fc.option(fc.integer({ min: -10 * D, max: 20 * D }), { nil: undefined }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 40 * D }),
        rolesArb,
        (sub, productType, until, quantity, offset, roles) => {
          const purchasedMs = Date.parse(String(sub.purchasedAt));
          const withFacts: SoftwareSubscription = {
            ...sub,
            ...(productType === undefined ? {} : { productType }),
            ...(until === undefined
              ? {}
              : {
                  refundableQuantity: {
                    totalQuantity: 3,
                    details: [{ quantity: 3, allowedUntil: iso(purchasedMs + until) }],
                  },
                }),
          };
          const asOf = iso(purchasedMs + offset);
          check(
            seatReduction(withFacts, { asOf, quantity, ...(roles === undefined ? {} : { roles }) }),
          );
        },
      ),
    );
  });

  it('billing-frequency changes and billing plans', () => {
    fc.assert(
      fc.property(
        subArb,
        frequencyArb,
        fc.integer({ min: 0, max: 1200 * D }),
        rolesArb,
        offeredArb,
        (sub, to, offset, roles, offered) => {
          const asOf = iso(Date.parse(String(sub.purchasedAt)) + offset);
          check(
            billingFrequencyChange(sub, to, {
              asOf,
              ...(roles === undefined ? {} : { roles }),
              ...(offered === undefined ? {} : { offered }),
            }),
          );
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...TERMS),
        instantArb,
        frequencyArb,
        offeredArb,
        fc.constantFrom(undefined, 'windows-rds-cal-2022'),
        (term, at, billingFrequency, offered, productFamily) => {
          check(
            billingFrequencyDecision({
              term,
              purchasedAt: iso(at),
              billingFrequency,
              ...(offered === undefined ? {} : { offered }),
              ...(productFamily === undefined ? {} : { productFamily }),
            }),
          );
        },
      ),
    );
  });

  it('autorenew toggles and permissions', () => {
    fc.assert(
      fc.property(
        subArb,
        fc.integer({ min: -5 * D, max: 1200 * D }),
        rolesArb,
        fc.option(fc.boolean(), { nil: undefined }),
        (sub, offset, roles, to) => {
          const asOf = iso(Date.parse(String(sub.purchasedAt)) + offset);
          check(
            autoRenewToggle(sub, {
              asOf,
              ...(roles === undefined ? {} : { roles }),
              ...(to === undefined ? {} : { to }),
            }),
          );
        },
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...ACTIONS), fc.subarray(roleNames), (action, roles) => {
        check(authorize(action, roles));
      }),
    );
  });

  it('activation, Azure Hybrid Benefit and the MAK plan', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('csp', 'CSP', 'volume_licensing', 'VL'),
        fc.constantFrom(undefined, 'kms', 'MAK'),
        (channel, requested) => {
          check(activationMethodFor(channel, requested === undefined ? {} : { requested }));
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('Datacenter', 'Windows Server 2022 Standard', 'Essentials', 'web'),
        fc.boolean(),
        fc.boolean(),
        (edition, softwareAssurance, subscriptionLicense) => {
          check(azureHybridBenefitEligibility({ edition, softwareAssurance, subscriptionLicense }));
        },
      ),
    );
    const deviceArb = fc.record({
      // Near -180 days: devices whose KMS activation lapses within days of asOf.
      renewal: fc.option(
        fc.oneof(fc.integer({ min: -400, max: 0 }), fc.integer({ min: -180, max: -176 })),
        { nil: undefined },
      ),
      mak: fc.option(fc.integer({ min: -30, max: 0 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(deviceArb, { maxLength: 12 }),
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
        (fleet, capacityPerDay, makActivationLimit) => {
          const asOf = Date.UTC(2024, 5, 28, 12);
          const devices = fleet.map((d, i) => ({
            id: `pc-${i}`,
            ...(d.renewal === undefined ? {} : { lastRenewalAt: iso(asOf + d.renewal * D) }),
            ...(d.mak === undefined ? {} : { makActivatedAt: iso(asOf + d.mak * D) }),
          }));
          const plan = planMakMigration(devices, {
            asOf: iso(asOf),
            ...(capacityPerDay === undefined ? {} : { capacityPerDay }),
            ...(makActivationLimit === undefined ? {} : { makActivationLimit }),
          });
          for (const locale of LOCALES) {
            for (const w of plan.warnings) {
              const e = explainReason(w, { locale });
              seen.add(e.code);
              expect(e.known).toBe(true);
              expect(e.text).not.toMatch(BAD);
            }
          }
        },
      ),
      {
        numRuns: 300,
        // Four devices lapsing tomorrow, one activation a day: two cannot be saved.
        examples: [[Array(4).fill({ renewal: -179, mak: undefined }), 1, undefined]],
      },
    );
  });

  it('reconciliation: refused events and the findings of perturbed files', () => {
    const perturbations = [
      'drop',
      'cent',
      'price',
      'quantity',
      'dates',
      'duplicate',
      'after',
      'credit',
      'charge',
      'stranger',
      'tenant',
      'usage',
      'malformed',
    ] as const;
    fc.assert(
      fc.property(
        portfolioArb(3),
        fc.boolean(),
        fc.array(fc.tuple(fc.constantFrom(...perturbations), fc.nat()), { maxLength: 4 }),
        (portfolio, early, changes) => {
          if (early) {
            const first = portfolio[0] as (typeof portfolio)[number];
            const before = iso(Date.parse(String(first.purchase.purchasedAt)) - D);
            portfolio[0] = {
              ...first,
              history: [{ type: 'cancel', at: before }, ...(first.history ?? [])],
            };
          }
          const reasons: ReasonBase[] = [];
          for (const p of portfolio)
            for (const r of expectedLines(p.purchase, { history: p.history ?? [] }).refused)
              reasons.push(...r.reasons);
          const { records } = fileOf(portfolio);
          for (const [change, n] of changes) {
            if (records.length === 0) break;
            const i = n % records.length;
            const r = records[i] as Record<string, string>;
            const copy = { ...r };
            if (change === 'drop') records.splice(i, 1);
            else if (change === 'cent')
              r['Subtotal'] = String(r['Subtotal']).replace(/\d$/, (d) =>
                String((Number(d) + 1) % 10),
              );
            else if (change === 'price') r['UnitPrice'] = '999.99';
            else if (change === 'quantity')
              r['BillableQuantity'] = String(Number(r['BillableQuantity']) + 1);
            else if (change === 'dates') r['ChargeEndDate'] = '12/31/2031';
            else if (change === 'duplicate') records.push(copy);
            else if (change === 'after')
              records.push({
                ...copy,
                ChargeType: 'cycleCharge',
                ChargeStartDate: '12/1/2031',
                ChargeEndDate: '12/31/2031',
                Subtotal: '1.00',
              });
            else if (change === 'credit')
              records.push({ ...copy, ChargeType: 'cancelImmediate', Subtotal: '-1.00' });
            else if (change === 'charge')
              records.push({ ...copy, ChargeType: 'renew', Subtotal: '1.00' });
            else if (change === 'stranger') records.push({ ...copy, SubscriptionId: 'stranger' });
            else if (change === 'tenant') r['CustomerId'] = 'another-tenant';
            else if (change === 'usage') records.push(usageRecord('tenant-0', 'azure'));
            else records.push({ ...copy, ChargeStartDate: '2/30/2021' });
          }
          const result = reconcile(records, portfolio);
          for (const locale of LOCALES) {
            for (const item of [...reasons, ...result.findings]) {
              const e = explainReason(item, { locale });
              seen.add(e.code);
              expect(e.known, `${e.code} has a ${locale.locale} message`).toBe(true);
              expect(e.text, e.text).not.toMatch(BAD);
              expect(e.text).toMatch(/^\S.*\.$/);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('markets', () => {
    for (const market of knownMarkets()) {
      check(azureReservationAvailability(market));
      check(taxInclusivePricing(market));
    }
  });

  it('reached every code explain knows (the generators are not too narrow)', () => {
    expect([...seen].sort()).toEqual(Object.keys(EN_MESSAGES.reasons).sort());
  });

  it('gives the same sentences in every process time zone', () => {
    const samples = fc.sample(fc.tuple(subArb, fc.integer({ min: 0, max: 400 * D })), {
      numRuns: 40,
      seed: 7,
    });
    expectSameInEveryTimeZone(() =>
      samples.flatMap(([sub, offset]) => {
        const asOf = iso(Date.parse(String(sub.purchasedAt)) + offset);
        return [
          ...check(evaluateCancellation(sub, { asOf, roles: ['Sales agent'] })),
          ...check(billingFrequencyChange(sub, 'annual', { asOf })),
          ...check(autoRenewToggle(sub, { asOf })),
        ];
      }),
    );
  });
});
