// Fuzz of every public function of refunds (issue 10): see engine.ts and refunds.area.ts.
import { describe, it } from 'vitest';
import * as refunds from '../../src/refunds/index.js';
import { expectHandled, fuzzArea } from './engine.js';
import { subscription } from './fixtures.js';
import { countingSparse } from './known.js';
import { spec } from './refunds.area.js';

fuzzArea(spec);

describe('fuzz refunds: bugs found (each was an it.fails until fixed)', () => {
  it('huge-sparse-array: remainingObligation walks every index of policy.versions', () => {
    const policy = {
      id: 'p',
      versions: countingSparse({
        effectiveFrom: '0000-01-01',
        source: 'https://x',
        value: { days: 7 },
      }),
    };
    expectHandled(refunds.remainingObligation, [subscription(), { asOf: '2022-03-02', policy }]);
  });
});
