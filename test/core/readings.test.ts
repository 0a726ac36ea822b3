// POLICY_READINGS and the built-in dated policies name the same versions: a
// version added to a table without its reading (or a reading left behind by a
// removed version) fails here.
import { describe, expect, it } from 'vitest';
import { POLICY_READINGS } from '../../src/core/index.js';
import * as root from '../../src/index.js';

interface Version {
  readonly effectiveFrom: string;
  readonly note?: string;
}

const builtIns = Object.entries(root).flatMap(([name, value]) =>
  typeof value === 'object' && value !== null && 'versions' in value && 'id' in value
    ? [{ name, id: value.id as string, versions: value.versions as readonly Version[] }]
    : [],
);

describe('POLICY_READINGS', () => {
  it('finds the built-in policies (the walk is not empty)', () => {
    expect(builtIns.map((p) => p.name)).toContain('SUBSCRIPTION_CANCELLATION_POLICY');
    expect(builtIns.length).toBe(23);
  });

  it('has a reading for every version of every built-in policy but the perpetual credit (stated, not read)', () => {
    const expected = builtIns
      .filter((p) => p.name !== 'PERPETUAL_CREDIT_POLICY')
      .flatMap((p) => p.versions.map((v) => `${p.id}@${v.effectiveFrom}`))
      .sort();
    const listed = Object.entries(POLICY_READINGS)
      .flatMap(([id, byDay]) => Object.keys(byDay ?? {}).map((day) => `${id}@${day}`))
      .sort();
    expect(listed).toEqual(expected);
    expect(listed.length).toBe(24);
  });

  it('reads non-empty text, and the tables no longer carry it', () => {
    for (const byDay of Object.values(POLICY_READINGS)) {
      for (const text of Object.values(byDay ?? {})) expect(text.length).toBeGreaterThan(20);
    }
    for (const p of builtIns) for (const v of p.versions) expect(v.note).toBeUndefined();
  });

  it('is found from a decision rule, by id and effectiveFrom', () => {
    const plan = POLICY_READINGS['billing.plan_eligibility'];
    expect(plan?.['2021-10-22']).toMatch(/^As of 2021-10-22/);
    expect(plan?.['0000-01-01']).toMatch(/^Before 2021-10-22/);
  });
});

describe('the built-in policies', () => {
  it('are in force at every instant: each first version starts on 0000-01-01 (the rules rely on it)', () => {
    expect(builtIns.filter((p) => p.versions[0]?.effectiveFrom !== '0000-01-01')).toEqual([]);
  });
});
