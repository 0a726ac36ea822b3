// Valid samples and known bugs of explain for the cross-area fuzz (see ../engine.ts).
// area, read back as objects, with one field swapped.
import { authorize } from '../../src/access/index.js';
import { billingFrequencyChange } from '../../src/billing/index.js';
import { evaluateCancellation } from '../../src/cancellation/index.js';
import * as explain from '../../src/explain/index.js';
import { IT_MESSAGES } from '../../src/explain/it/index.js';
import { autoRenewToggle } from '../../src/lifecycle/index.js';
import { taxInclusivePricing } from '../../src/markets/index.js';
import type { AreaSpec, Sample } from './engine.js';
import { legacy, subscription, triennial } from './fixtures.js';

/** Real decisions, deep-copied (the library may share frozen or cached parts). */
function decisions(): Record<string, unknown>[] {
  return structuredClone([
    authorize('cancel', ['Sales agent']),
    authorize('cancel', ['Admin agent']),
    evaluateCancellation(subscription({ publisher: 'Red Hat, Inc.' }) as never, {
      asOf: '2022-03-08T09:30:00Z',
      roles: ['SalesAgent'],
    }),
    billingFrequencyChange({ ...triennial(), autoRenew: false } as never, 'annual', {
      asOf: '2023-06-01T00:00:00Z',
      roles: ['SalesAgent'],
    }),
    autoRenewToggle(legacy() as never, { asOf: '2021-06-01', roles: ['Sales agent'] }),
    taxInclusivePricing('it'),
  ]) as unknown as Record<string, unknown>[];
}

function decision(i: number): Record<string, unknown> {
  return decisions()[i] as Record<string, unknown>;
}

function reason(i: number): unknown {
  const all = decisions().flatMap((d) => d['reasons'] as unknown[]);
  return all[i % all.length];
}

/**
 * The Italian table behind a fresh object: the sweep replaces values in place,
 * so it must not reach into the shared table (its own fields stay intact).
 */
const italian = (): object => Object.create(IT_MESSAGES) as object;

const samples: Record<string, readonly Sample[]> = {
  explain: [0, 1, 2, 3, 4, 5].map((i) => () => [
    decision(i),
    { locale: i % 2 === 0 ? 'en' : italian() },
  ]),
  explainReason: [0, 1, 2, 3, 4, 5, 6].map((i) => () => [
    reason(i),
    { locale: i % 2 === 0 ? italian() : 'en' },
  ]),
  isReasonCode: [() => ['window_closed'], () => ['toString']],
};

export const spec: AreaSpec = {
  area: 'explain',
  module: explain,
  samples,
  knownBugs: {},
};
