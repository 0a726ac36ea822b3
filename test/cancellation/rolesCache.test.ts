// The role check of a cancellation is remembered by the roles' names, so a
// service passing a fresh array per request pays for it once: the answer must
// be the one `authorize` gives, whatever lists came before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorize, ROLE_DISPLAY_NAMES, ROLES } from '../../src/access/index.js';
import { evaluateCancellation } from '../../src/cancellation/index.js';
import { rolesCacheNodes } from '../../src/cancellation/options.js';

const sub = {
  kind: 'subscription',
  purchasedAt: '2024-05-31T16:20:00Z',
  term: 'P1Y',
  billingFrequency: 'monthly',
  quantity: 1,
} as const;
const asOf = '2024-06-01T09:00:00Z';
const names = [
  ...ROLES,
  ...Object.values(ROLE_DISPLAY_NAMES),
  '',
  'admin agent',
  'Incentive admin',
];

describe('the role check of a cancellation', () => {
  it('is what authorize gives, for fresh arrays of any names, in any order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...names), { maxLength: 4 }), { maxLength: 30 }),
        (lists) => {
          for (const roles of lists) {
            const d = evaluateCancellation(sub, { asOf, roles: [...roles] });
            const a = authorize('cancel', [...roles]);
            expect(d.unknownRoles).toEqual(a.unknownRoles);
            expect(d.reasons.some((r) => r.code === 'missing_role')).toBe(!a.allowed);
          }
        },
      ),
    );
  });

  it('tells [] from [""], and a list that changed from the one it was', () => {
    expect(evaluateCancellation(sub, { asOf, roles: [] }).unknownRoles).toEqual([]);
    expect(evaluateCancellation(sub, { asOf, roles: [''] }).unknownRoles).toEqual(['']);
    const roles = ['Admin agent'];
    expect(evaluateCancellation(sub, { asOf, roles }).allowed).toBe(true);
    roles[0] = 'Sales agent';
    expect(evaluateCancellation(sub, { asOf, roles }).allowed).toBe(false);
  });

  it('still refuses a hole or a non-string, with the field', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expect(() => evaluateCancellation(sub, { asOf, roles: [, 'Admin agent'] as never })).toThrow(
      expect.objectContaining({ field: 'roles[0]' }),
    );
    expect(() => evaluateCancellation(sub, { asOf, roles: [7] as never })).toThrow(
      expect.objectContaining({ field: 'roles[0]' }),
    );
  });

  it('stays bounded, whatever lists the callers send', () => {
    // Each list names a new role, then one too long to cache: the first name
    // used to stay in the tree for good (one node a call, never counted nor
    // cleared); it is counted now, so the tree is cleared in time.
    for (let i = 0; i < 5_000; i++) {
      evaluateCancellation(sub, { asOf, roles: [`r${i}`, 'x'.repeat(65)] });
    }
    expect(rolesCacheNodes()).toBeLessThanOrEqual(256 * 16);
    // Distinct lists that are cached: the tree is cleared before it passes its bound.
    for (let i = 0; i < 5_000; i++) {
      evaluateCancellation(sub, { asOf, roles: [`a${i}`, `b${i}`, 'Admin agent'] });
      expect(rolesCacheNodes()).toBeLessThanOrEqual(256 * 16);
    }
    expect(rolesCacheNodes()).toBeGreaterThan(0);
  });
});
