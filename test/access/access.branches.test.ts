// Branches of the access area the other access tests leave open: a caller's
// permission table as compiled (its role lists exactly), a hole in one of its
// lists, and a Date `to` whose string form looks like a bare day. Every policy
// is built inside its own test: a table is compiled once per object, so a
// shared one would be compiled by whichever test ran first.
import { describe, expect, it } from 'vitest';
import {
  activityLogQuery,
  authorize,
  filterActivityLog,
  hasPermission,
  PERMISSIONS,
  type PermissionTable,
} from '../../src/access/index.js';
import type { DatedPolicy } from '../../src/core/index.js';
import { messageOf } from '../support/errors.js';

/** The built-in table, for the actions a test does not change. */
const BASE = PERMISSIONS.versions[0]?.value as PermissionTable;

function permissionPolicy(value: unknown): DatedPolicy<PermissionTable> {
  return {
    id: 'test.permissions',
    versions: [{ effectiveFrom: '2020-01-01', source: 'https://example.com/p', value }],
  } as unknown as DatedPolicy<PermissionTable>;
}

describe("authorize: a caller's permission table", () => {
  it('grants what it lists, and requiredRoles is its list read as role ids, each once', () => {
    const policy = permissionPolicy({
      ...BASE,
      cancel: ['Admin agent', 'AdminAgent', 'GlobalAdmin', 'global-admin'],
    });
    const d = authorize('cancel', ['GlobalAdmin'], { policy });
    expect(d.allowed).toBe(true);
    expect(d.requiredRoles).toEqual(['AdminAgent', 'GlobalAdmin']);
    expect(d.grantedBy).toEqual(['GlobalAdmin']);
    expect(hasPermission('cancel', ['Admin agent'], { policy })).toBe(true);
    const refused = authorize('purchase', ['GlobalAdmin'], { policy });
    expect(refused.reasons).toEqual([
      { code: 'missing_role', action: 'purchase', requiredRoles: ['AdminAgent'] },
    ]);
  });

  it('refuses a hole in an action list with invalid_policy, naming the missing item', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const policy = permissionPolicy({ ...BASE, cancel: [, 'AdminAgent'] });
    const field = 'options.policy.versions[0].value.cancel[0]';
    expect(messageOf(() => authorize('cancel', ['AdminAgent'], { policy }))).toBe(
      `invalid_policy [${field}] ${field}: missing (a hole in the array)`,
    );
  });
});

describe('activity log: a Date `to` is an exact instant', () => {
  it('even when its string form reads as a bare YYYY-MM-DD day', () => {
    const to = Object.assign(new Date('2021-10-14T06:00:00Z'), { toString: () => '2021-10-14' });
    const q = activityLogQuery({ from: '2021-10-14', to });
    expect(q.to.toISOString()).toBe('2021-10-14T06:00:00.000Z');
    const log = [
      { at: '2021-10-14T06:00:00Z', type: 'keyAccess', user: 'ana' },
      { at: '2021-10-14T06:00:00.001Z', type: 'keyAccess', user: 'bo' },
    ] as const;
    expect(filterActivityLog(log, { from: '2021-10-14', to }).map((e) => e.user)).toEqual(['ana']);
  });
});
