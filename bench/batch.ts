// npm run bench:batch: 1,000,000 generated subscriptions evaluated for
// cancellation and refund at one asOf, on one core; time and peak memory.
import * as lib from '../dist/index.js';
import { seeded } from './harness.js';

const COUNT = Number(process.argv[2] ?? 1_000_000);
const DAY = 86_400_000;
const rand = seeded(7);
const T0 = Date.UTC(2021, 9, 14);
const asOf = new Date(Date.UTC(2026, 10, 25, 12));
const terms = ['P1M', 'P1Y', 'P3Y'] as const;
const freqs = {
  P1M: ['monthly'],
  P1Y: ['annual', 'monthly'],
  P3Y: ['triennial', 'annual'],
} as const;

const before = process.memoryUsage();
const subs = new Array(COUNT);
for (let i = 0; i < COUNT; i++) {
  const term = terms[i % 3] as (typeof terms)[number];
  const options = freqs[term];
  subs[i] = {
    kind: 'subscription',
    id: `sub-${i}`,
    purchasedAt: new Date(T0 + Math.floor(rand() * 1800 * DAY)),
    term,
    billingFrequency: options[i % options.length],
    quantity: 1 + (i % 25),
    unitPrice: `${1 + (i % 997)}.${String(i % 100).padStart(2, '0')}`,
    currency: 'EUR',
  };
}
const afterGenerate = process.memoryUsage();

const refund = (lib as unknown as Record<string, unknown>)['cancellationRefund'] as
  | ((p: unknown, o: unknown) => { allowed: boolean; refund: { minor: number } })
  | undefined;

let peakRss = afterGenerate.rss;
let peakHeap = afterGenerate.heapUsed;
let allowed = 0;
let refunded = 0;
const start = process.hrtime.bigint();
for (let i = 0; i < COUNT; i++) {
  // cancellationRefund carries the cancellation decision it applied: one call answers both.
  if (refund !== undefined) {
    const r = refund(subs[i], { asOf: asOf });
    if (r.allowed) allowed++;
    refunded += r.refund.minor;
  } else if (lib.evaluateCancellation(subs[i], { asOf }).allowed) {
    allowed++;
  }
  if ((i & 0xffff) === 0) {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
process.stdout.write(
  `${[
    `subscriptions: ${COUNT.toLocaleString('en-US')} (${refund === undefined ? 'cancellation only' : 'cancellation + refund'})`,
    `time: ${seconds.toFixed(2)} s (${((seconds / COUNT) * 1e6).toFixed(2)} µs per subscription)`,
    `allowed cancellations: ${allowed}; refunded minor units: ${refunded}`,
    `memory: rss before ${mb(before.rss)}, after generating ${mb(afterGenerate.rss)}, peak ${mb(peakRss)}; peak heap ${mb(peakHeap)}`,
  ].join('\n')}\n`,
);
