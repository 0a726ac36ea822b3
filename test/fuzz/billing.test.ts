// Fuzz of every public function of billing (issue 10): see engine.ts and billing.area.ts.
import { describe, it } from 'vitest';
import * as billing from '../../src/billing/index.js';
import { spec } from './billing.area.js';
import { expectHandled, fuzzArea } from './engine.js';
import { countingSparse, holeThen } from './known.js';

fuzzArea(spec);

describe('fuzz billing: bugs found (each was an it.fails until fixed)', () => {
  it('huge-sparse-array: eligibleBillingFrequencies walks every index of offered', () => {
    expectHandled(billing.eligibleBillingFrequencies, [
      { term: 'P1Y', purchasedAt: '2023-05-02', offered: countingSparse('annual') },
    ]);
  });
  it('policy-sparse-versions: eligibleBillingFrequencies with versions [<hole>, plan]', () => {
    const plan = {
      effectiveFrom: '0000-01-01',
      source: 'https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions',
      value: { byTerm: { P1M: ['monthly'], P1Y: ['annual'], P3Y: ['triennial'] }, familyAdds: {} },
    };
    expectHandled(billing.eligibleBillingFrequencies, [
      { term: 'P1Y', purchasedAt: '2023-05-02', policy: { id: 'p', versions: holeThen(plan) } },
    ]);
  });
});
