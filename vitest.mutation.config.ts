// Stryker runs the suite once per mutant: leave out the built-package tests
// (they pack dist/, which mutants do not change) and run fewer property cases.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

process.env['FC_NUM_RUNS'] ??= '100';

export default mergeConfig(
  base,
  defineConfig({ test: { exclude: ['test/package/**', 'node_modules/**'] } }),
);
