// Fuzz of every public function of markets (issue 10): see engine.ts and markets.area.ts.
import { describe, it } from 'vitest';
import * as markets from '../../src/markets/index.js';
import { expectHandled, fuzzArea } from './engine.js';
import { spec } from './markets.area.js';

fuzzArea(spec);

describe('fuzz markets: bugs found (each was an it.fails until fixed)', () => {
  it('field-not-string: parseMarket(1, Symbol()) throws a CspRuleError', () => {
    expectHandled(markets.parseMarket, [1, Symbol('field')]);
  });
});
