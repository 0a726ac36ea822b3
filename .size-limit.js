// Size budgets (min+brotli) of each entry a consumer imports; npm test fails
// when one is over. Budgets are ratchets: docs/performance.md records why each
// one is what it is.
//
// tsup's shared chunks keep bare imports of each other, which a
// side-effect-free package lets a bundler drop; esbuild says so once per
// chunk. That is expected here, so that one message is silenced.
const quiet = (config) => ({
  ...config,
  logOverride: { ...config.logOverride, 'ignored-bare-import': 'silent' },
});

/** [name, built file, what is imported from it, budget] */
const CHECKS = [
  [
    'isAzureReservationAvailable alone',
    'dist/markets/index.js',
    '{ isAzureReservationAvailable }',
    '2 kB',
  ],
  ['./core (whole subpath)', 'dist/core/index.js', '*', '8.7 kB'],
  ['./markets (whole subpath)', 'dist/markets/index.js', '*', '8 kB'],
  ['./access (whole subpath)', 'dist/access/index.js', '*', '8 kB'],
  ['./lifecycle (whole subpath)', 'dist/lifecycle/index.js', '*', '9.1 kB'],
  ['./billing (whole subpath)', 'dist/billing/index.js', '*', '9.75 kB'],
  ['./cancellation (whole subpath)', 'dist/cancellation/index.js', '*', '10.35 kB'],
  [
    './cancellation/order (Partner Center cancel request)',
    'dist/cancellation/order/index.js',
    '*',
    '8 kB',
  ],
  ['./refunds (whole subpath)', 'dist/refunds/index.js', '*', '12.55 kB'],
  ['./activation (whole subpath)', 'dist/activation/index.js', '*', '8.1 kB'],
  ['./reconciliation (whole subpath)', 'dist/reconciliation/index.js', '*', '17.55 kB'],
  ['./explain (whole subpath)', 'dist/explain/index.js', '*', '10 kB'],
  ['./explain/it (Italian messages)', 'dist/explain/it/index.js', '*', '10.05 kB'],
  ['everything except ./schemas (root entry)', 'dist/index.js', '*', '39.75 kB'],
  ['./schemas (with zod)', 'dist/schemas/index.js', '*', '37.35 kB'],
];

const entries = CHECKS.map(([name, path, imports, limit]) => ({
  name,
  path,
  import: imports,
  limit,
  modifyEsbuildConfig: quiet,
}));

// The one-function budget holds under gzip too (what most CDNs serve).
const [alone] = entries;
export default [...entries, { ...alone, name: `${alone.name} (min+gzip)`, gzip: true }];
