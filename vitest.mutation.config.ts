// Stryker runs the suite once per mutant: leave out the tests that do not
// exercise src logic per call (built package, child-process time zones, the
// report command, the fuzzers) and run fewer property cases.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

process.env['FC_NUM_RUNS'] ??= '100';
// A fixed seed: @fast-check/vitest names each property "… (with seed=N)", and
// Stryker finds a test by its name from the first run; with a random seed no
// property test would ever run against a mutant.
process.env['FC_SEED'] ??= '20261207';
process.env['CSP_TZ_CHECKS'] = 'off';
// Tests of the source text (not of behaviour) skip: Stryker's copy is instrumented.
process.env['CSP_MUTATION'] = '1';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['test/package/**', 'test/tz/**', 'test/cli/**', 'test/fuzz/**', 'node_modules/**'],
    },
  }),
);
