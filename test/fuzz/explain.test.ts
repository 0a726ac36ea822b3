// Fuzz of every public function of explain (issue 10): see engine.ts and explain.area.ts.
import { describe, it } from 'vitest';
import * as explain from '../../src/explain/index.js';
import { IT_MESSAGES } from '../../src/explain/it/index.js';
import { expectHandled, fuzzArea } from './engine.js';
import { spec } from './explain.area.js';
import { countingSparse, holeThen } from './known.js';

fuzzArea(spec);

describe('fuzz explain: bugs found (each was an it.fails until fixed)', () => {
  it('explain-sparse-roles: a hole in requiredRoles is not explained as "undefined"', () => {
    expectHandled(explain.explainReason, [
      { code: 'missing_role', action: 'cancel', requiredRoles: holeThen() },
      { locale: IT_MESSAGES },
    ]);
  });
  it('huge-sparse-array: explain walks every index of reasons', () => {
    expectHandled(explain.explain, [
      { allowed: false, reasons: countingSparse({ code: 'expired' }), rules: [] },
    ]);
  });
});
