// fast-check defaults for the whole suite: 1,000 runs per property unless a
// property says otherwise; FC_NUM_RUNS raises or lowers it, FC_SEED replays.
// A failing property prints its seed and path; replay it with
//   FC_SEED=<seed> FC_PATH=<path> npx vitest run <file>
import fc from 'fast-check';

const seed = process.env['FC_SEED'];
const path = process.env['FC_PATH'];
fc.configureGlobal({
  numRuns: Number(process.env['FC_NUM_RUNS'] ?? 1000),
  ...(seed === undefined ? {} : { seed: Number(seed) }),
  ...(path === undefined ? {} : { path }),
});
