// Fuzz of every public function of cancellation (issue 10): see engine.ts and cancellation.area.ts.
import { describe, it } from 'vitest';
import * as cancellation from '../../src/cancellation/index.js';
import { softwareOrderCancellationRequest } from '../../src/cancellation/order/index.js';
import { spec } from './cancellation.area.js';
import { expectHandled, fuzzArea } from './engine.js';
import { order, perpetual } from './fixtures.js';
import { countingSparse } from './known.js';

fuzzArea(spec);

describe('fuzz cancellation: bugs found (each was an it.fails until fixed)', () => {
  it('date-range-overflow: cancellationEffects(…, { asOf: new Date(8.64e15) }) gives no Invalid Date', () => {
    expectHandled(cancellation.cancellationEffects, [perpetual(), { asOf: new Date(8.64e15) }]);
  });
  it('uri-malformed: softwareOrderCancellationRequest({ id: "\\ud800", … }) throws a CspRuleError', () => {
    expectHandled(softwareOrderCancellationRequest, [{ ...order(), id: '\ud800' }, [1]]);
  });
  it('huge-sparse-array: softwareOrderCancellationRequest walks every index of lineItems', () => {
    expectHandled(softwareOrderCancellationRequest, [order(), countingSparse(1)]);
  });
});
