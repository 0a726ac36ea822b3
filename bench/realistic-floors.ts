// Floors for the realistic per-call benchmark (bench/realistic.ts). Two per
// rule, both taking the same input objects and options the library takes:
//
// - `bare…`: only the arithmetic: read the instants (`Date` or ISO text), find
//   the term or cycle, compare or prorate. Returns a number or a boolean.
// - `shaped…`: the same arithmetic plus building the same result the library
//   returns, field for field (the same `Date`s, `YYYY-MM-DD` strings, exact
//   decimal text and nested objects). `bench/realistic.ts` checks, before it
//   measures, that its JSON equals the library's for hand-built inputs.
//
// No closure is created per call: tsx (esbuild's keepNames) names each one
// with a defineProperty call, which the built library does not pay.
//
// What no floor does: validate anything. It trusts every field, reads no
// policy table (the rules' dates and sources are constants here) and knows
// only the cases the generated inputs contain (subscriptions bought after
// 2021-10-14, no Partner Center deadline beyond reading it, truncation per unit).

const DAY = 86_400_000;
const HOUR = 3_600_000;
const WINDOW = 168 * HOUR;
const MONTHS: Record<string, number> = { P1M: 1, P1Y: 12, P3Y: 36 };
const CYCLE: Record<string, number> = { monthly: 1, annual: 12, triennial: 36 };
const EXPONENT: Record<string, number> = { EUR: 2, USD: 2, JPY: 0 };

type Instant = Date | string;
const ms = (v: Instant): number => (typeof v === 'string' ? Date.parse(v) : v.getTime());

// Integer civil-date conversions (the same algorithm the library uses).
function civil(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m - 1, doy - Math.floor((153 * mp + 2) / 5) + 1];
}
function dayOf(y: number, m0: number, d: number): number {
  const m = m0 + 1;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}
function monthLength(y: number, m0: number): number {
  if (m0 === 1) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m0 === 3 || m0 === 5 || m0 === 8 || m0 === 10 ? 30 : 31;
}
/** The day `months` after the anchor day, clamped to the month's last day. */
function addMonths(anchorDay: number, months: number): number {
  const [y, m0, d] = civil(anchorDay);
  const t = m0 + months;
  const ty = y + Math.floor(t / 12);
  const tm = ((t % 12) + 12) % 12;
  return dayOf(ty, tm, Math.min(d, monthLength(ty, tm)));
}
const PAD = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));
function fmtDay(day: number): string {
  const [y, m0, d] = civil(day);
  return `${y}-${PAD[m0 + 1]}-${PAD[d]}`;
}
/** Index of the term (of `months`) containing day `day`, from the anchor. */
function termAt(anchorDay: number, months: number, day: number): number {
  const [ay, am] = civil(anchorDay);
  const [by, bm] = civil(day);
  let k = Math.max(0, Math.floor(((by - ay) * 12 + bm - am) / months));
  if (k > 0 && addMonths(anchorDay, k * months) > day) k -= 1;
  else if (addMonths(anchorDay, (k + 1) * months) <= day) k += 1;
  return k;
}

// ---- termDates -------------------------------------------------------------

interface TermInput {
  readonly purchasedAt: Instant;
  readonly term: string;
  readonly termIndex: number;
}
export function bareTermDates(i: TermInput): number {
  const anchor = Math.floor(ms(i.purchasedAt) / DAY);
  const n = MONTHS[i.term] as number;
  return addMonths(anchor, i.termIndex * n) + addMonths(anchor, (i.termIndex + 1) * n);
}
export function shapedTermDates(i: TermInput): unknown {
  const anchor = Math.floor(ms(i.purchasedAt) / DAY);
  const n = MONTHS[i.term] as number;
  const next = addMonths(anchor, (i.termIndex + 1) * n);
  return {
    termIndex: i.termIndex,
    start: fmtDay(addMonths(anchor, i.termIndex * n)),
    end: fmtDay(next - 1),
    renewsOn: fmtDay(next),
  };
}

// ---- evaluateCancellation ----------------------------------------------------

interface Sub {
  readonly kind: 'subscription';
  readonly id?: string;
  readonly purchasedAt: Instant;
  readonly term: string;
  readonly billingFrequency: string;
  readonly quantity: number;
  readonly unitPrice: string;
  readonly currency: string;
  readonly autoRenew?: boolean;
  readonly cancellationAllowedUntil?: Instant;
}
interface Options {
  readonly asOf: Instant;
  readonly roles?: readonly string[];
}

const ref = (id: string, source: string, effectiveFrom: string) =>
  Object.freeze({ id, source, effectiveFrom });
const LEARN = 'https://learn.microsoft.com/partner-center/';
const R_WINDOW = ref(
  'cancellation.subscription_window',
  `${LEARN}customers/new-commerce-cancellation-policy`,
  '0000-01-01',
);
const R_PUBLISHERS = ref(
  'cancellation.non_cancellable_publishers',
  `${LEARN}customers/csp-software-subscriptions`,
  '0000-01-01',
);
const R_LIFECYCLE = ref(
  'lifecycle.purchase_date_visibility',
  `${LEARN}customers/csp-software-subscriptions`,
  '2021-10-14',
);
const R_FULL_TERM = ref(
  'cancellation.full_term_billed',
  `${LEARN}customers/csp-software-subscriptions`,
  '0000-01-01',
);
const R_ACCESS = ref(
  'access.permissions',
  `${LEARN}customers/csp-software-subscriptions`,
  '0000-01-01',
);
const R_PRORATED = ref(
  'refunds.prorated_refund',
  `${LEARN}customers/csp-software-subscriptions`,
  '0000-01-01',
);
const R_ROUNDING = ref(
  'refunds.rounding',
  `${LEARN}billing/common-billing-scenarios-onetime-recurring`,
  '0000-01-01',
);
const R_INVOICE = ref('refunds.invoice_period', `${LEARN}billing/billing-basics`, '0000-01-01');
const EMPTY: readonly never[] = Object.freeze([]);
const ZERO = Object.freeze({ days: 0, hours: 0, milliseconds: 0 });
const CUSTOMER = Object.freeze({
  item: 'customer',
  anyOf: Object.freeze(['name', 'tenantId', 'domain']),
  known: false,
});
const NEEDS = [false, true].map((known) =>
  Object.freeze([
    CUSTOMER,
    Object.freeze({ item: 'subscription', anyOf: Object.freeze(['id', 'friendlyName']), known }),
  ]),
);
// Roles that may cancel, by the names a token carries (spaces and case ignored).
const CANCEL_ROLES = new Set(['adminagent']);
const KNOWN_ROLES = new Set(['adminagent', 'salesagent', 'helpdeskagent', 'globaladmin']);

/** Where the window of the term current at `asOf` opens and closes. */
function windowOf(s: Sub, asOfMs: number) {
  const purchasedMs = ms(s.purchasedAt);
  const anchor = Math.floor(purchasedMs / DAY);
  const months = MONTHS[s.term] as number;
  const k = termAt(anchor, months, Math.floor(asOfMs / DAY));
  const startDay = addMonths(anchor, k * months);
  const nextDay = addMonths(anchor, (k + 1) * months);
  const opensMs = k === 0 ? purchasedMs : startDay * DAY;
  return { k, anchor, months, startDay, nextDay, opensMs, closesMs: opensMs + WINDOW };
}

export function bareCancellation(s: Sub, o: Options): boolean {
  const asOfMs = ms(o.asOf);
  const w = windowOf(s, asOfMs);
  let may = o.roles === undefined;
  if (o.roles !== undefined)
    for (const r of o.roles) if (CANCEL_ROLES.has(r.replace(/\s+/g, '').toLowerCase())) may = true;
  return may && asOfMs >= w.opensMs && asOfMs < w.closesMs;
}

export function shapedCancellation(s: Sub, o: Options): Record<string, unknown> {
  const asOfMs = ms(o.asOf);
  return cancellationOf(s, o, asOfMs, windowOf(s, asOfMs), true);
}

function cancellationOf(
  s: Sub,
  o: Options,
  asOfMs: number,
  w: ReturnType<typeof windowOf>,
  withAccess: boolean,
): Record<string, unknown> {
  const reasons: unknown[] = [];
  if (asOfMs < w.opensMs) reasons.push({ code: 'not_yet_open', opensAt: new Date(w.opensMs) });
  const closed = asOfMs >= w.closesMs;
  const window = {
    termIndex: w.k,
    opensAt: new Date(w.opensMs),
    closesAt: new Date(w.closesMs),
    lastDay: fmtDay(Math.floor((w.closesMs - 1) / DAY)),
    source: 'policy',
    reading: 'elapsed_hours',
    extended: false,
    partnerCenterDeadline: null,
    staleDeadlineIgnored: false,
    renewalCompletedAtIgnored: false,
  };
  if (closed) reasons.push({ code: 'window_closed', closedAt: window.closesAt });
  const rules: unknown[] = [R_WINDOW, R_PUBLISHERS, R_LIFECYCLE];
  if (closed) rules.push(R_FULL_TERM);
  let unknownRoles: readonly string[] = EMPTY;
  if (withAccess && o.roles !== undefined) {
    let may = false;
    for (const r of o.roles) {
      const name = r.replace(/\s+/g, '').toLowerCase();
      if (CANCEL_ROLES.has(name)) may = true;
      else if (!KNOWN_ROLES.has(name)) unknownRoles = [...unknownRoles, r];
    }
    if (!may)
      reasons.push({ code: 'missing_role', action: 'cancel', requiredRoles: ['AdminAgent'] });
    rules.push(R_ACCESS);
  }
  const renewsOn = fmtDay(w.nextDay);
  const autoRenew = s.autoRenew ?? true;
  const nextSteps =
    closed && autoRenew
      ? [
          {
            action: 'turn_off_autorenew',
            effectiveOn: renewsOn,
            request: {
              method: 'PATCH',
              path: `/v1/customers/{customer-tenant-id}/subscriptions/${s.id ?? '{subscription-id}'}`,
              body:
                s.id === undefined
                  ? { autoRenewEnabled: false }
                  : { id: s.id, autoRenewEnabled: false },
            },
          },
        ]
      : EMPTY;
  const left = w.closesMs - asOfMs;
  const days = Math.floor(left / DAY);
  return {
    allowed: reasons.length === 0,
    reasons,
    rules,
    kind: 'subscription',
    id: s.id ?? null,
    asOf: new Date(asOfMs),
    window,
    timeRemaining:
      left > 0 ? { days, hours: Math.floor((left - days * DAY) / HOUR), milliseconds: left } : ZERO,
    term: { termIndex: w.k, start: fmtDay(w.startDay), end: fmtDay(w.nextDay - 1), renewsOn },
    billedInFull: closed,
    needs: NEEDS[s.id === undefined ? 0 : 1],
    unknownRoles,
    disagreements: EMPTY,
    nextSteps,
  };
}

// ---- cancellationRefund ------------------------------------------------------

const POW10 = Array.from({ length: 20 }, (_, i) => 10n ** BigInt(i));
/** A decimal string as units over 10^scale. */
function scaled(text: string): [bigint, number] {
  const dot = text.indexOf('.');
  return dot < 0
    ? [BigInt(text), 0]
    : [BigInt(text.slice(0, dot) + text.slice(dot + 1)), text.length - dot - 1];
}
/** `units / 10^scale` as decimal text, trailing zeros dropped. */
function decimalText(units: bigint, scale: number): string {
  if (scale === 0) return units.toString();
  const t = units.toString().padStart(scale + 1, '0');
  const s = `${t.slice(0, -scale)}.${t.slice(-scale)}`.replace(/0+$/, '');
  return s.endsWith('.') ? s.slice(0, -1) : s;
}
/** `num / den` with 10 fractional digits, `…` when it goes on. */
function quotient(num: bigint, den: bigint): string {
  const q = (num * (POW10[10] as bigint)) / den;
  const more = q * den !== num * (POW10[10] as bigint);
  const text = decimalText(q, 10);
  return more ? `${text}…` : text;
}
/** Banker's rounding of `num / den` to an integer. */
function halfEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r2 = (num - q * den) * 2n;
  return r2 > den || (r2 === den && q % 2n === 1n) ? q + 1n : q;
}

const PARTIAL_TIER = { value: 'partial', source: 'forecast', forecast: 'partial' };
const FULL_TIER_REF = { value: 'full', source: 'forecast', forecast: 'full' };

export function bareRefund(s: Sub, o: Options): number {
  const asOfMs = ms(o.asOf);
  const w = windowOf(s, asOfMs);
  if (asOfMs < w.opensMs || asOfMs >= w.closesMs) return 0;
  const cycle = CYCLE[s.billingFrequency] as number;
  const day = Math.floor(asOfMs / DAY);
  const base = w.k * w.months;
  const j = Math.max(0, termAt(w.anchor, cycle, day) - base / cycle);
  const start = addMonths(w.anchor, base + j * cycle);
  const end = addMonths(w.anchor, base + (j + 1) * cycle);
  const [units, scale] = scaled(s.unitPrice);
  const e = EXPONENT[s.currency] as number;
  return (
    Number(
      (units * BigInt(end - day) * (POW10[e] as bigint)) /
        ((POW10[scale] as bigint) * BigInt(end - start)),
    ) * s.quantity
  );
}

export function shapedRefund(s: Sub, o: Options): Record<string, unknown> {
  const asOfMs = ms(o.asOf);
  const w = windowOf(s, asOfMs);
  const cancellation = cancellationOf(s, o, asOfMs, w, false);
  const currency = s.currency;
  const e = EXPONENT[currency] as number;
  const cycleMonths = CYCLE[s.billingFrequency] as number;
  const day = Math.floor(asOfMs / DAY);
  // Cycles are counted from the anchor, not from the (clamped) term start.
  const base = w.k * w.months;
  let j = Math.floor(termAt(w.anchor, cycleMonths, day) - base / cycleMonths);
  if (j < 0) j = 0;
  const start = addMonths(w.anchor, base + j * cycleMonths);
  const end = addMonths(w.anchor, base + (j + 1) * cycleMonths);
  const cycleDays = end - start;
  const [units, scale] = scaled(s.unitPrice);
  const q = BigInt(s.quantity);
  const chargedMinor = Number(halfEven(units * q * (POW10[e] as bigint), POW10[scale] as bigint));
  const rules = (cancellation['rules'] as unknown[]).slice();
  if (cancellation['allowed'] !== true) {
    return {
      allowed: false,
      reasons: cancellation['reasons'],
      rules,
      settlement: 'prorated_refund',
      id: s.id ?? null,
      asOf: new Date(asOfMs),
      refund: { currency, minor: 0 },
      kept: { currency, minor: chargedMinor },
      charged: { currency, minor: chargedMinor },
      billedInFull: cancellation['billedInFull'],
      computation: null,
      notBilled: null,
      invoice: null,
      cancellation,
      disagreements: EMPTY,
    };
  }
  const cyclesInTerm = (MONTHS[s.term] as number) / cycleMonths;
  const count = cyclesInTerm - j - 1;
  const notBilled = {
    count,
    from: count > 0 ? fmtDay(end) : null,
    to: count > 0 ? fmtDay(w.nextDay - 1) : null,
    amountEach: { currency, minor: chargedMinor },
    total: { currency, minor: chargedMinor * count },
    installments: null,
  };
  const [y, m0] = civil(day);
  const first = dayOf(y, m0, 1);
  const next = first + monthLength(y, m0);
  const invoice = {
    billingPeriod: `${y}-${PAD[m0 + 1]}`,
    periodStart: fmtDay(first),
    periodEnd: fmtDay(next - 1),
    availableFrom: fmtDay(next + 5),
    availableBy: fmtDay(next + 7),
  };
  rules.push(R_PRORATED, R_ROUNDING, R_INVOICE);
  // Cancelled on the cycle's first day: the whole cycle comes back.
  const whole = day === start;
  const refundDays = end - day;
  const perUnitNum = units * BigInt(refundDays); // over 10^scale · cycleDays
  const den = (POW10[scale] as bigint) * BigInt(cycleDays);
  const perUnitMinor = Number((perUnitNum * (POW10[e] as bigint)) / den);
  const refundMinor = perUnitMinor * s.quantity;
  return {
    allowed: true,
    reasons: EMPTY,
    rules,
    settlement: 'prorated_refund',
    id: s.id ?? null,
    asOf: new Date(asOfMs),
    refund: { currency, minor: refundMinor },
    kept: { currency, minor: chargedMinor - refundMinor },
    charged: { currency, minor: chargedMinor },
    billedInFull: false,
    computation: {
      method: whole ? 'whole_cycle' : 'prorated',
      refundTier: whole ? FULL_TIER_REF : PARTIAL_TIER,
      cancellationDay: fmtDay(day),
      cycle: { termIndex: w.k, index: j, start: fmtDay(start), end: fmtDay(end - 1) },
      cycleDays,
      cycleDayCount: 'cycle',
      refundDays,
      unitPrice: decimalText(units, scale),
      quantity: s.quantity,
      exactPerUnit: quotient(perUnitNum, den),
      exactPerUnitFraction: `${decimalText(perUnitNum, scale)}/${cycleDays}`,
      perUnit: { currency, minor: perUnitMinor },
      exactTotal: quotient(perUnitNum * q, den),
      rounding: { mode: 'truncate', apply: 'per_unit' },
      chargeRounding: 'half_even',
      capped: false,
      fullRefundWithin: null,
    },
    notBilled,
    invoice,
    cancellation,
    disagreements: EMPTY,
  };
}

// ---- subscriptionStatusOn ------------------------------------------------------

export function bareStatus(s: Sub, o: Options): number {
  const anchor = Math.floor(ms(s.purchasedAt) / DAY);
  const months = MONTHS[s.term] as number;
  const k = termAt(anchor, months, Math.floor(ms(o.asOf) / DAY));
  return addMonths(anchor, (k + 1) * months);
}

export function shapedStatus(s: Sub, o: Options): unknown {
  const asOfMs = ms(o.asOf);
  const anchor = Math.floor(ms(s.purchasedAt) / DAY);
  const months = MONTHS[s.term] as number;
  const k = termAt(anchor, months, Math.floor(asOfMs / DAY));
  const next = addMonths(anchor, (k + 1) * months);
  const autoRenew = s.autoRenew ?? true;
  const state = autoRenew || k === 0 ? 'in_term' : 'expired';
  const term = {
    termIndex: k,
    start: fmtDay(addMonths(anchor, k * months)),
    end: fmtDay(next - 1),
    renewsOn: fmtDay(next),
  };
  return {
    asOf: new Date(asOfMs),
    state,
    status: 'active',
    currentTerm: term,
    autoRenew,
    autoRenewSource: s.autoRenew === undefined ? 'purchase_date_rule' : 'given',
    forecast: { autoRenew: true, state, currentTermEnd: term.end },
    disagreements: EMPTY,
    nextTerm: autoRenew
      ? {
          start: term.renewsOn,
          term: s.term,
          billingFrequency: s.billingFrequency,
          quantity: s.quantity,
          offerId: null,
          changed: [],
        }
      : null,
    legacy: false,
    nextEvent: autoRenew
      ? { type: 'renewal', on: term.renewsOn }
      : { type: 'expiry', on: term.end },
    rules: [R_LIFECYCLE],
  };
}

// ---- chargeCycles --------------------------------------------------------------

interface CyclesInput {
  readonly purchasedAt: Instant;
  readonly term: string;
  readonly billingFrequency: string;
  readonly termIndex?: number;
}
export function bareCycles(i: CyclesInput): number {
  const anchor = Math.floor(ms(i.purchasedAt) / DAY);
  const n = MONTHS[i.term] as number;
  const c = CYCLE[i.billingFrequency] as number;
  const k = i.termIndex ?? 0;
  let sum = 0;
  for (let j = 0; j < n / c; j++) sum += addMonths(anchor, k * n + j * c);
  return sum;
}
export function shapedCycles(i: CyclesInput): unknown[] {
  const anchor = Math.floor(ms(i.purchasedAt) / DAY);
  const n = MONTHS[i.term] as number;
  const c = CYCLE[i.billingFrequency] as number;
  const k = i.termIndex ?? 0;
  const count = n / c;
  const out = new Array(count);
  let start = addMonths(anchor, k * n);
  for (let j = 0; j < count; j++) {
    const next = addMonths(anchor, k * n + (j + 1) * c);
    out[j] = { index: j, start: fmtDay(start), end: fmtDay(next - 1) };
    start = next;
  }
  return out;
}
