// The measured side of bench/reconcile.ts, in plain JavaScript so that it
// runs under plain node (a TypeScript loader would add its own memory to the
// peak RSS): `node bench/reconcile-child.mjs parse|portfolio|reconcile FILE COUNT`.
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

export const PERIOD = '2026-11';
const PRICES = ['10.08', '33.60', '245.12', '7.50', '179.20', '1.99'];

/** Subscription `i` of the portfolio, and its history: the same in every process. */
export function subscription(i) {
  const hex = i.toString(16).padStart(12, '0');
  const month = 1 + (i % 10);
  const day = 1 + (i % 28);
  const quantity = 5 + (i % 20);
  // Four or five seat additions in November: 1 + 2k lines.
  const changes = i % 2 === 0 ? 4 : 5;
  const history = [];
  for (let k = 0; k < changes; k++) {
    const d = 2 + k * 5 + (i % 4);
    history.push({
      type: 'setQuantity',
      at: `2026-11-${String(d).padStart(2, '0')}T10:00:00Z`,
      quantity: quantity + k + 1,
    });
  }
  return {
    customerId: `6f1c2a3b-4d5e-4f60-8a7b-${(i % 5000).toString(16).padStart(12, '0')}`,
    purchase: {
      kind: 'subscription',
      id: `a3c6f0d2-7b1e-4c59-9d8a-${hex}`,
      purchasedAt: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T09:00:00Z`,
      term: 'P1Y',
      billingFrequency: 'monthly',
      quantity,
      unitPrice: PRICES[i % PRICES.length],
      currency: 'EUR',
      productType: 'license_based',
    },
    history,
  };
}

function portfolio(count) {
  const out = new Array(count);
  for (let i = 0; i < count; i++) out[i] = subscription(i);
  return out;
}

/** The parser alone, used the fastest way it offers (chunks of rows), as the reader uses it. */
async function parse(path) {
  const stream = createReadStream(path);
  stream.setEncoding('utf8');
  let n = 0;
  await new Promise((resolve, reject) => {
    Papa.parse(stream, {
      header: false,
      skipEmptyLines: 'greedy',
      chunk(results) {
        n += results.data.length;
      },
      complete: () => resolve(),
      error: (e) => reject(e),
    });
  });
  return { lines: n - 1 };
}

async function child(mode, path, count) {
  // The modules and the portfolio (the caller's data) are ready before the clock starts.
  const { readReconciliationFile } = await import('../dist/files/index.js');
  const { reconcileAsync } = await import('../dist/reconciliation/index.js');
  const purchases = mode === 'parse' ? [] : portfolio(count);
  const t0 = performance.now();
  let result;
  if (mode === 'parse') result = await parse(path);
  else if (mode === 'portfolio') result = { lines: 0, purchases: purchases.length };
  else {
    const r = await reconcileAsync(readReconciliationFile(path), purchases, { period: PERIOD });
    result = { lines: r.lines, matched: r.matched, findings: r.findings.length };
  }
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(
    // resourceUsage's maxRSS is in kilobytes.
    JSON.stringify({ ...result, seconds, peakRssMB: process.resourceUsage().maxRSS / 1024 }),
  );
}

if (process.argv[1] === import.meta.filename) {
  const [mode, path, count] = process.argv.slice(2);
  await child(mode, path, Number(count));
}
