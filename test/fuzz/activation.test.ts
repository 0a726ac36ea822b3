// Fuzz of every public function of activation (issue 10): see engine.ts and activation.area.ts.
import { describe, it } from 'vitest';
import * as activation from '../../src/activation/index.js';
import { spec } from './activation.area.js';
import { expectHandled, fuzzArea } from './engine.js';

fuzzArea(spec);

describe('fuzz activation: bugs found (each was an it.fails until fixed)', () => {
  it('channel-proto-key: activationMethodFor("__proto__") throws unknown_channel', () => {
    expectHandled(activation.activationMethodFor, ['__proto__']);
  });
  it('channel-proto-key: activationMethodFor("constructor") throws unknown_channel', () => {
    expectHandled(activation.activationMethodFor, ['constructor']);
  });
  it('date-range-overflow: kmsActivationExpiry(new Date(8.64e15)) gives no Invalid Date', () => {
    expectHandled(activation.kmsActivationExpiry, [{ lastRenewalAt: new Date(8.64e15) }]);
  });
});
