// Fuzz of every public function of access (issue 10): see engine.ts and access.area.ts.
import { describe, it } from 'vitest';
import * as access from '../../src/access/index.js';
import { spec } from './access.area.js';
import { expectHandled, fuzzArea } from './engine.js';
import { countingSparse, holeThen } from './known.js';

fuzzArea(spec);

describe('fuzz access: bugs found (each was an it.fails until fixed)', () => {
  it('huge-sparse-array: activityLogQuery walks every index of types', () => {
    expectHandled(access.activityLogQuery, [
      { from: '2021-10-01', to: '2021-10-31', types: countingSparse('download') },
    ]);
  });
  it('huge-sparse-array: keysAndDownloadsView walks every index of versions', () => {
    expectHandled(access.keysAndDownloadsView, [
      { name: 'SQL Server', versions: countingSparse('2019') },
    ]);
  });
  it('policy-sparse-versions: authorize with a policy whose versions start with a hole', () => {
    const version = {
      effectiveFrom: '2019-01-01',
      source: 'https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions',
      value: {
        purchase: [],
        getKeysAndDownloads: [],
        cancel: ['AdminAgent'],
        toggleAutoRenew: [],
        setBillingFrequency: [],
        viewActivityLog: [],
      },
    };
    expectHandled(access.authorize, [
      'cancel',
      ['AdminAgent'],
      { asOf: '2022-01-01', policy: { id: 'p', versions: holeThen(version) } },
    ]);
  });
});
