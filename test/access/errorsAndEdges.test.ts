// Pins what the access area promises at its edges: every error message and
// field (messages are read in logs and must never echo a secret), the exact
// ends of an activity-log range, and which roles grant an action.
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  activityLogQuery,
  authorize,
  filterActivityLog,
  hasPermission,
  keysAndDownloadsView,
  type PermissionTable,
  parseRole,
} from '../../src/access/index.js';
import type { DatedPolicy } from '../../src/core/index.js';
import { messageOf } from '../support/errors.js';

const TABLE: PermissionTable = {
  purchase: ['AdminAgent'],
  getKeysAndDownloads: ['AdminAgent'],
  cancel: ['AdminAgent'],
  toggleAutoRenew: ['AdminAgent'],
  setBillingFrequency: ['AdminAgent'],
  viewActivityLog: ['AccountAdmin'],
};

/** A one-version policy whose table value is `value` (checked by authorize, not here). */
function policyOf(value: unknown): DatedPolicy<PermissionTable> {
  return {
    id: 'test.permissions',
    versions: [{ effectiveFrom: '2020-01-01', source: 'https://example.test/s', value }],
  } as DatedPolicy<PermissionTable>;
}

describe('authorize: messages of a bad permission table', () => {
  it('names the version and the action or role at fault', () => {
    const bad: unknown[] = [
      null,
      'AdminAgent',
      [],
      { ...TABLE, refund: ['AdminAgent'] },
      { ...TABLE, cancel: 'AdminAgent' },
      { ...TABLE, cancel: ['AdminAgent', 'Incentive admin'] },
      { ...TABLE, cancel: ['AdminAgent', 7] },
    ];
    expect(
      bad.map((v) => messageOf(() => authorize('cancel', [], { policy: policyOf(v) }))),
    ).toMatchInlineSnapshot(`
        [
          "invalid_policy [options.policy.versions[0].value] options.policy.versions[0].value: expected an object mapping each action to roles",
          "invalid_policy [options.policy.versions[0].value] options.policy.versions[0].value: expected an object mapping each action to roles",
          "invalid_policy [options.policy.versions[0].value] options.policy.versions[0].value: expected an object mapping each action to roles",
          "invalid_policy [options.policy.versions[0].value] options.policy.versions[0].value: has a key that is not an action",
          "invalid_policy [options.policy.versions[0].value.cancel] options.policy.versions[0].value.cancel: expected an array of roles",
          "invalid_policy [options.policy.versions[0].value.cancel[1]] options.policy.versions[0].value.cancel[1]: not a role",
          "invalid_policy [options.policy.versions[0].value.cancel[1]] options.policy.versions[0].value.cancel[1]: not a role",
        ]
      `);
  });

  it('names the faulty version, whichever version asOf picks', () => {
    const policy = {
      id: 'test.permissions',
      versions: [
        {
          effectiveFrom: '2020-01-01',
          source: 'https://example.test/a',
          value: { ...TABLE, cancel: 7 },
        },
        { effectiveFrom: '2021-01-01', source: 'https://example.test/b', value: TABLE },
      ],
    } as unknown as DatedPolicy<PermissionTable>;
    expect(
      messageOf(() => authorize('cancel', ['AdminAgent'], { policy, asOf: '2020-06-01' })),
    ).toMatchInlineSnapshot(
      `"invalid_policy [options.policy.versions[0].value.cancel] options.policy.versions[0].value.cancel: expected an array of roles"`,
    );
  });
});

describe("authorize: a caller's table starts at its first day, to the millisecond", () => {
  const policy: DatedPolicy<PermissionTable> = {
    id: 'test.permissions',
    versions: [{ effectiveFrom: '2019-01-01', source: 'https://example.test/a', value: TABLE }],
  };

  it('refuses asOf the millisecond before, with a message naming that day', () => {
    expect(
      messageOf(() =>
        authorize('cancel', ['AdminAgent'], { policy, asOf: '2018-12-31T23:59:59.999Z' }),
      ),
    ).toMatchInlineSnapshot(
      `"policy_not_in_force [options.policy] options.policy: no version in force at 2018-12-31T23:59:59.999Z (the first starts 2019-01-01)"`,
    );
    expect(
      messageOf(() =>
        hasPermission('cancel', ['AdminAgent'], { policy, asOf: new Date(Date.UTC(2018, 11, 31)) }),
      ),
    ).toMatchInlineSnapshot(
      `"policy_not_in_force [options.policy] options.policy: no version in force at 2018-12-31T00:00:00.000Z (the first starts 2019-01-01)"`,
    );
  });

  it('applies the table from its first millisecond', () => {
    const d = authorize('cancel', ['AdminAgent'], { policy, asOf: '2019-01-01T00:00:00Z' });
    expect(d.allowed).toBe(true);
    expect(d.rules).toEqual([
      { id: 'test.permissions', source: 'https://example.test/a', effectiveFrom: '2019-01-01' },
    ]);
  });
});

describe('authorize and hasPermission: messages of bad arguments', () => {
  it('pin action, roles and asOf errors (never echoing the value)', () => {
    const calls: (() => unknown)[] = [
      () => authorize('refund' as never, []),
      () => hasPermission(7 as never, []),
      () => authorize('cancel', 'AdminAgent' as never),
      () => hasPermission('cancel', null as never),
      () => authorize('cancel', ['AdminAgent', 7 as never]),
      () => hasPermission('cancel', [null as never]),
      () => authorize('cancel', [], { asOf: 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY' }),
      () => authorize('cancel', [], { asOf: 20211014 as never }),
      () => authorize('cancel', [], { asOf: null as never }),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "unknown_action [action] action: not a known action; expected one of purchase, getKeysAndDownloads, cancel, toggleAutoRenew, setBillingFrequency, viewActivityLog",
        "unknown_action [action] action: not a known action; expected one of purchase, getKeysAndDownloads, cancel, toggleAutoRenew, setBillingFrequency, viewActivityLog",
        "invalid_input [roles] roles: expected an array of role names",
        "invalid_input [roles] roles: expected an array of role names",
        "invalid_input [roles[1]] roles[1]: expected a string",
        "invalid_input [roles[0]] roles[0]: expected a string",
        "invalid_instant [options.asOf] options.asOf: expected an ISO-8601 instant with "Z" or an offset, or YYYY-MM-DD (the value is not repeated here)",
        "invalid_instant [options.asOf] options.asOf: expected a Date or an ISO-8601 string, got a number",
        "invalid_instant [options.asOf] options.asOf: expected a Date or an ISO-8601 string, got null",
      ]
    `);
  });
});

describe('authorize: grantedBy lists only the caller roles that allow the action', () => {
  it('two of three allowed roles held: both listed, in table order, the third not', () => {
    const d = authorize('viewActivityLog', ['Referral admin', 'GlobalAdmin', 'AccountAdmin']);
    expect(d.allowed).toBe(true);
    expect(d.requiredRoles).toEqual(['AccountAdmin', 'ReferralAdmin', 'MarketingContentAdmin']);
    expect(d.grantedBy).toEqual(['AccountAdmin', 'ReferralAdmin']);
  });

  it('the same role held twice (two spellings) is listed once', () => {
    const d = authorize('cancel', ['AdminAgent', 'admin agent', 'AdminAgents']);
    expect(d.grantedBy).toEqual(['AdminAgent']);
  });

  it('an allowed role after an unknown one still grants (hasPermission)', () => {
    expect(hasPermission('cancel', ['Incentive admin', 'SalesAgent', 'Admin agent'])).toBe(true);
    expect(hasPermission('cancel', ['Incentive admin', 'SalesAgent'])).toBe(false);
  });
});

describe('parseRole: messages', () => {
  it('pin the two errors, which never repeat the input', () => {
    expect([
      messageOf(() => parseRole(42)),
      messageOf(() => parseRole('ABCDE-FGHIJ-KLMNO-PQRST-UVWXY')),
    ]).toMatchInlineSnapshot(`
      [
        "invalid_input [role] role: expected a role name (a string)",
        "unknown_role [role] role: not a known role; expected one of AdminAgent, SalesAgent, HelpdeskAgent, GlobalAdmin, AccountAdmin, BillingAdmin, ReferralAdmin, MarketingContentAdmin",
      ]
    `);
  });
});

describe('activityLogQuery and filterActivityLog: messages', () => {
  const entry = { at: '2021-10-14T10:00:00Z', type: 'download', user: 'ana@contoso.com' } as const;
  const q = { from: '2021-10-01', to: '2021-10-31' };

  it('pin the query errors (a non-date string is never repeated)', () => {
    const calls: (() => unknown)[] = [
      () => activityLogQuery({ from: 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY', to: '2021-10-31' }),
      () => activityLogQuery({ from: '2021-10-01T10:00', to: '2021-10-31' }),
      () => activityLogQuery({ to: '2021-10-31' } as never),
      () => activityLogQuery({ from: 20211001 as never, to: '2021-10-31' }),
      () => activityLogQuery({ from: '2021-10-02', to: '2021-10-01' }),
      () => activityLogQuery({ ...q, types: [] }),
      () => activityLogQuery({ ...q, types: 'download' as never }),
      () => activityLogQuery({ ...q, types: ['download', 'purchase' as never] }),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_instant [query.from] query.from: expected an ISO-8601 instant with "Z" or an offset, or YYYY-MM-DD (the value is not repeated here)",
        "ambiguous_local_time [query.from] query.from: "2021-10-01T10:00" has no time zone; add "Z" (UTC) or an offset such as "+02:00"",
        "invalid_instant [query.from] query.from: required",
        "invalid_instant [query.from] query.from: expected a Date or an ISO-8601 string, got a number",
        "invalid_range [query.to] query.to: the range ends before it starts (from > to)",
        "invalid_input [query.types] query.types: expected a non-empty array of keyAccess, download",
        "invalid_input [query.types] query.types: expected a non-empty array of keyAccess, download",
        "invalid_input [query.types[1]] query.types[1]: expected one of keyAccess, download",
      ]
    `);
  });

  it('pin the entry errors, located by index', () => {
    const calls: (() => unknown)[] = [
      () => filterActivityLog({} as never, q),
      () => filterActivityLog([entry, { ...entry, user: '' }], q),
      () => filterActivityLog([entry, { ...entry, user: 7 } as never], q),
      () => filterActivityLog([entry, { ...entry, productName: 7 } as never], q),
      () => filterActivityLog([entry, { ...entry, at: 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY' }], q),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_input [entries] entries: expected an array of activity-log entries",
        "invalid_input [entries[1].user] entries[1].user: expected a non-empty string",
        "invalid_input [entries[1].user] entries[1].user: expected a non-empty string",
        "invalid_input [entries[1].productName] entries[1].productName: expected a string",
        "invalid_instant [entries[1].at] entries[1].at: expected an ISO-8601 instant with "Z" or an offset, or YYYY-MM-DD (the value is not repeated here)",
      ]
    `);
  });

  it('a day-only `to` ends at its last millisecond; an instant `to` is exact', () => {
    expect(activityLogQuery(q).to.toISOString()).toBe('2021-10-31T23:59:59.999Z');
    expect(activityLogQuery({ from: q.from, to: '2021-10-31T00:00:00Z' }).to.toISOString()).toBe(
      '2021-10-31T00:00:00.000Z',
    );
  });

  it('types are deduplicated and given in ACTIVITY_TYPES order', () => {
    expect(activityLogQuery({ ...q, types: ['download', 'keyAccess', 'download'] }).types).toEqual([
      'keyAccess',
      'download',
    ]);
    expect(activityLogQuery({ ...q, types: ['download', 'download'] }).types).toEqual(['download']);
  });
});

describe('keysAndDownloadsView: messages and blank options', () => {
  it('pin the product errors (no product value is repeated)', () => {
    const calls: (() => unknown)[] = [
      () => keysAndDownloadsView({ name: '  ' }),
      () => keysAndDownloadsView({ name: 7 } as never),
      () => keysAndDownloadsView({ name: 'SQL', versions: '2019' as never }),
      () => keysAndDownloadsView({ name: 'SQL', languages: ['English', ''] }),
      () => keysAndDownloadsView({ name: 'SQL', fileTypes: ['ISO', '   '] }),
      () => keysAndDownloadsView({ name: 'SQL', versions: [2019 as never] }),
      () =>
        keysAndDownloadsView({
          name: 'Azure DevOps',
          delivery: 'service_license',
          deliversKeys: true,
        }),
      () =>
        keysAndDownloadsView({
          name: 'Azure DevOps',
          delivery: 'service_license',
          deliversDownloads: true,
        }),
    ];
    expect(calls.map(messageOf)).toMatchInlineSnapshot(`
      [
        "invalid_input [product.name] product.name: expected a non-empty string",
        "invalid_input [product.name] product.name: expected a non-empty string",
        "invalid_input [product.versions] product.versions: expected an array of strings",
        "invalid_input [product.languages[1]] product.languages[1]: expected a non-empty string",
        "invalid_input [product.fileTypes[1]] product.fileTypes[1]: expected a non-empty string",
        "invalid_input [product.versions[0]] product.versions[0]: expected a non-empty string",
        "invalid_input [product.deliversKeys] product.deliversKeys: a service-license product has no product key",
        "invalid_input [product.deliversDownloads] product.deliversDownloads: a service-license product has no download",
      ]
    `);
  });

  it('a service licence with both flags false is accepted', () => {
    const v = keysAndDownloadsView({
      name: 'Azure DevOps',
      delivery: 'service_license',
      deliversKeys: false,
      deliversDownloads: false,
    });
    expect(v.generate).toBe(false);
  });
});

describe('ACTIONS', () => {
  it('the unknown_action message lists them all, in order', () => {
    expect(messageOf(() => authorize('x' as never, []))).toBe(
      `unknown_action [action] action: not a known action; expected one of ${ACTIONS.join(', ')}`,
    );
  });
});
