// Valid samples and known bugs of cancellation for the cross-area fuzz (see ../engine.ts).
import * as cancellation from '../../src/cancellation/index.js';
import * as order from '../../src/cancellation/order/index.js';
import type { AreaSpec, Sample } from './engine.js';
import {
  order as anOrder,
  legacy,
  perpetual,
  subscription,
  triennial,
  windowPolicy,
} from './fixtures.js';

const samples: Record<string, readonly Sample[]> = {
  cancellationEffects: [
    () => [perpetual(), { asOf: '2022-05-20T16:50:00Z' }],
    () => [subscription(), { asOf: new Date('2022-03-04T20:00:00Z') }],
  ],
  cancellationWindow: [
    () => [
      subscription({ term: 'P1M' }),
      { asOf: '2022-03-01T12:00:00Z', window: 'calendar_days' },
    ],
    () => [triennial(), { asOf: '2021-10-16T00:00:00Z', minimumWindowDays: 7 }],
    () => [perpetual(), { asOf: '2022-05-10', policy: windowPolicy() }],
    () => [legacy(), { asOf: new Date('2021-03-02T00:00:00Z'), window: 'elapsed_hours' }],
  ],
  evaluateCancellation: [
    () => [subscription(), { asOf: '2022-03-04T20:00:00Z', roles: ['Admin agent'] }],
    () => [
      subscription({ publisher: 'Red Hat, Inc.' }),
      { asOf: '2022-03-08T09:30:00Z', roles: ['SalesAgent'] },
    ],
    () => [
      perpetual(),
      { asOf: '2022-05-20T00:00:00Z', roles: ['AdminAgent'], window: 'calendar_days' },
    ],
    () => [
      triennial(),
      { asOf: '2024-10-16T00:00:00Z', policy: windowPolicy(), minimumWindowDays: 7 },
    ],
  ],
  nonCancellablePublisher: [() => ['Red Hat, Inc.'], () => ['Microsoft']],
  softwareOrderCancellationRequest: [
    () => [anOrder(), [1]],
    () => [anOrder()],
    () => [anOrder(), [0, 1]],
  ],
};

/** A string with a lone UTF-16 surrogate (what encodeURIComponent rejects). */
function _illFormed(v: unknown): boolean {
  return (
    typeof v === 'string' &&
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(v)
  );
}

export const spec: AreaSpec = {
  area: 'cancellation',
  // The cancel request is the subpath cancellation/order: fuzzed with its area.
  module: { ...cancellation, ...order },
  samples,
  knownBugs: {},
};
