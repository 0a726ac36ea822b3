import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type Action,
  authorize,
  hasPermission,
  PERMISSIONS,
  type PermissionTable,
  ROLE_DISPLAY_NAMES,
  ROLES,
  type Role,
} from '../../src/access/index.js';
import { type DatedPolicy, definePolicy, SOURCES } from '../../src/core/index.js';
import { expectRuleError } from '../support/errors.js';
import { expectSameInEveryTimeZone } from '../support/tz.js';

/** Brief §8 (and §5: only an Admin agent may cancel), written out independently of the table. */
const EXPECTED: Record<Action, readonly Role[]> = {
  purchase: ['AdminAgent'],
  getKeysAndDownloads: ['AdminAgent'],
  cancel: ['AdminAgent'],
  toggleAutoRenew: ['AdminAgent'],
  setBillingFrequency: ['AdminAgent'],
  viewActivityLog: ['AccountAdmin', 'ReferralAdmin', 'MarketingContentAdmin'],
};

const S1_RULE = {
  id: 'access.permissions',
  source: SOURCES.S1.url,
  effectiveFrom: '0000-01-01',
};

/** Role names as a caller may give them: ids, Partner Center display names, anything. */
const roleText = fc.oneof(
  fc.constantFrom(...ROLES),
  fc.constantFrom(...Object.values(ROLE_DISPLAY_NAMES)),
  fc.string(),
);

describe('authorize: the role/action matrix of brief §8', () => {
  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const allowed = EXPECTED[action].includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        for (const spelling of [
          role,
          ROLE_DISPLAY_NAMES[role],
          ROLE_DISPLAY_NAMES[role].toUpperCase(),
        ]) {
          const d = authorize(action, [spelling]);
          expect(d.allowed).toBe(allowed);
          expect(hasPermission(action, [spelling])).toBe(allowed);
          expect(d.action).toBe(action);
          expect(d.requiredRoles).toEqual(EXPECTED[action]);
          expect(d.rules).toEqual([S1_RULE]);
          expect(d.unknownRoles).toEqual([]);
          if (allowed) {
            expect(d.reasons).toEqual([]);
            expect(d.grantedBy).toEqual([role]);
          } else {
            expect(d.reasons).toEqual([
              { code: 'missing_role', action, requiredRoles: EXPECTED[action] },
            ]);
            expect(d.grantedBy).toEqual([]);
          }
        }
      });
    }
  }

  it('only an Admin agent may cancel: no other role, nor all of them together, grants it', () => {
    const others = ROLES.filter((r) => r !== 'AdminAgent');
    expect(authorize('cancel', others).allowed).toBe(false);
    expect(authorize('cancel', [...others, 'Admin agent']).allowed).toBe(true);
  });

  it('Admin agent cannot read the activity log; the three log roles cannot buy', () => {
    expect(
      authorize('viewActivityLog', ['AdminAgent', 'GlobalAdmin', 'BillingAdmin']).allowed,
    ).toBe(false);
    expect(
      authorize('purchase', ['AccountAdmin', 'ReferralAdmin', 'MarketingContentAdmin']).allowed,
    ).toBe(false);
  });

  it('refuses everything to a user with no role', () => {
    for (const action of ACTIONS) {
      const d = authorize(action, []);
      expect(d.allowed).toBe(false);
      expect(d.reasons).toHaveLength(1);
    }
  });
});

describe('authorize: decision details', () => {
  it('returns exactly the documented shape', () => {
    const d = authorize('cancel', ['Admin agent']);
    expect(Object.keys(d).sort()).toEqual(
      [
        'action',
        'allowed',
        'grantedBy',
        'reasons',
        'requiredRoles',
        'rules',
        'unknownRoles',
      ].sort(),
    );
    expect(JSON.parse(JSON.stringify(d))).toEqual({
      allowed: true,
      reasons: [],
      rules: [S1_RULE],
      action: 'cancel',
      requiredRoles: ['AdminAgent'],
      grantedBy: ['AdminAgent'],
      unknownRoles: [],
    });
  });

  it('lists unknown role strings as given, once each, and they grant nothing', () => {
    const d = authorize('cancel', ['Incentive admin', 'admin agent!', 'Incentive admin', 'x']);
    expect(d.allowed).toBe(false);
    expect(d.unknownRoles).toEqual(['Incentive admin', 'admin agent!', 'x']);
    expect(d.grantedBy).toEqual([]);
  });

  it('keeps unknown roles beside an allowing role', () => {
    const d = authorize('cancel', ['Technical admin', 'AdminAgent']);
    expect(d.allowed).toBe(true);
    expect(d.reasons).toEqual([]);
    expect(d.unknownRoles).toEqual(['Technical admin']);
  });

  it('names every granting role once, in the order of requiredRoles', () => {
    const d = authorize('viewActivityLog', [
      'Marketing content admin',
      'AdminAgent',
      'Referral admin',
      'MarketingContentAdmin',
      'account_admin',
    ]);
    expect(d.grantedBy).toEqual(['AccountAdmin', 'ReferralAdmin', 'MarketingContentAdmin']);
    expect(authorize('cancel', ['AdminAgent', 'admin agent']).grantedBy).toEqual(['AdminAgent']);
  });

  it('gives decisions that do not share mutable state with the table', () => {
    const d = authorize('cancel', ['SalesAgent']);
    expect(Object.isFrozen(d.requiredRoles)).toBe(true);
    expect(Object.isFrozen(d.rules)).toBe(true);
    expect(() => (d.requiredRoles as Role[]).push('SalesAgent')).toThrow(TypeError);
    expect(authorize('cancel', ['SalesAgent']).allowed).toBe(false);
    expect(PERMISSIONS.versions[0]?.value.cancel).toEqual(['AdminAgent']);
  });

  it('gives the same decision in every process time zone', () => {
    expectSameInEveryTimeZone(() => [
      authorize('cancel', ['Admin agent'], { asOf: '2021-10-14' }),
      authorize('viewActivityLog', ['AdminAgent'], { asOf: new Date('2019-01-01T00:00:00Z') }),
    ]);
  });

  it('property: allowed ⇔ reasons empty ⇔ grantedBy non-empty; hasPermission agrees', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTIONS), fc.array(roleText, { maxLength: 6 }), (a, roles) => {
        const d = authorize(a, roles);
        expect(d.allowed).toBe(d.reasons.length === 0);
        expect(d.allowed).toBe(d.grantedBy.length > 0);
        expect(hasPermission(a, roles)).toBe(d.allowed);
        for (const r of d.grantedBy) expect(d.requiredRoles).toContain(r);
        for (const u of d.unknownRoles) expect(roles).toContain(u);
        // Adding an unknown role never changes the answer.
        expect(authorize(a, [...roles, 'No such role']).allowed).toBe(d.allowed);
      }),
    );
  });
});

describe('authorize without options (what the other areas ask)', () => {
  it('shares the built-in table: frozen lists and rule, the same for every call (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTIONS), fc.array(roleText, { maxLength: 6 }), (a, roles) => {
        const d = authorize(a, roles);
        expect(d).toEqual(authorize(a, roles, { asOf: '2030-01-01' }));
        expect(Object.isFrozen(d.requiredRoles)).toBe(true);
        expect(Object.isFrozen(d.rules)).toBe(true);
        expect(Object.isFrozen(d.rules[0])).toBe(true);
        expect(d.rules).toBe(authorize(a, []).rules);
      }),
    );
  });

  it('refuses roles that are not an array of strings', () => {
    expectRuleError(() => authorize('cancel', 'AdminAgent' as never), 'invalid_input', 'roles');
    expectRuleError(
      () => authorize('cancel', ['AdminAgent', 7] as never),
      'invalid_input',
      'roles[1]',
    );
  });
});

describe('authorize: errors', () => {
  it('throws unknown_action for an action it does not know', () => {
    for (const bad of ['refund', 'Cancel', 'CANCEL', '', 'viewactivitylog', 'toString']) {
      expectRuleError(() => authorize(bad as Action, ['AdminAgent']), 'unknown_action', 'action');
      expectRuleError(() => hasPermission(bad as Action, ['AdminAgent']), 'unknown_action');
    }
    for (const bad of [undefined, null, 3, {}]) {
      expectRuleError(() => authorize(bad as never, ['AdminAgent']), 'unknown_action', 'action');
    }
  });

  it('throws invalid_input when roles is not an array', () => {
    for (const bad of ['AdminAgent', undefined, null, { 0: 'AdminAgent', length: 1 }, new Set()]) {
      expectRuleError(() => authorize('cancel', bad as never), 'invalid_input', 'roles');
      expectRuleError(() => hasPermission('cancel', bad as never), 'invalid_input', 'roles');
    }
  });

  it('throws invalid_input for a role that is not a string, naming its index', () => {
    expectRuleError(
      () => authorize('cancel', ['AdminAgent', 42] as never),
      'invalid_input',
      'roles[1]',
    );
    // hasPermission checks every role, even after one already allows.
    expectRuleError(
      () => hasPermission('cancel', ['AdminAgent', null] as never),
      'invalid_input',
      'roles[1]',
    );
  });

  it('throws invalid_input when options is not an object', () => {
    expectRuleError(() => authorize('cancel', [], 'x' as never), 'invalid_input', 'options');
  });
});

describe('authorize: dated policies', () => {
  const custom: DatedPolicy<PermissionTable> = definePolicy({
    id: 'test.permissions',
    versions: [
      {
        effectiveFrom: '2020-01-01',
        source: 'https://example.com/2020',
        value: { ...EXPECTED, cancel: ['AdminAgent', 'GlobalAdmin'] },
      },
      {
        effectiveFrom: '2022-01-01',
        source: 'https://example.com/2022',
        // Display names are read as parseRole does.
        value: { ...EXPECTED, cancel: ['Admin agent' as Role, 'AdminAgent'], purchase: [] },
      },
    ],
  });

  it('applies the default table at any asOf (Microsoft dates none of it)', () => {
    expect(authorize('cancel', ['AdminAgent'], { asOf: '2019-01-01' }).rules).toEqual([S1_RULE]);
    expect(authorize('cancel', ['AdminAgent'], { asOf: '2030-06-01T10:00:00+02:00' }).allowed).toBe(
      true,
    );
    expect(authorize('cancel', ['AdminAgent'], { asOf: '0001-01-01' }).rules).toEqual([S1_RULE]);
  });

  it("refuses an asOf before a caller's table begins: the table does not cover the question", () => {
    expectRuleError(
      () =>
        authorize('cancel', ['AdminAgent'], { policy: custom, asOf: '2019-12-31T23:59:59.999Z' }),
      'policy_not_in_force',
      'options.policy',
    );
  });

  it('applies the version of a caller policy in force at asOf, else the latest', () => {
    const at2021 = authorize('cancel', ['Global admin'], { policy: custom, asOf: '2021-06-01' });
    expect(at2021.allowed).toBe(true);
    expect(at2021.rules).toEqual([
      { id: 'test.permissions', source: 'https://example.com/2020', effectiveFrom: '2020-01-01' },
    ]);
    const latest = authorize('cancel', ['Global admin'], { policy: custom });
    expect(latest.allowed).toBe(false);
    expect(latest.requiredRoles).toEqual(['AdminAgent']);
    expect(latest.rules[0]?.effectiveFrom).toBe('2022-01-01');
    expect(authorize('purchase', ['AdminAgent'], { policy: custom })).toMatchObject({
      allowed: false,
      requiredRoles: [],
      reasons: [{ code: 'missing_role', action: 'purchase', requiredRoles: [] }],
    });
    expect(hasPermission('cancel', ['GlobalAdmin'], { policy: custom, asOf: '2020-01-01' })).toBe(
      true,
    );
    expect(authorize('cancel', ['AdminAgent'], { asOf: undefined }).allowed).toBe(true);
  });

  it('refuses a malformed caller policy with invalid_policy', () => {
    const v = (value: unknown) =>
      ({
        id: 'bad',
        versions: [{ effectiveFrom: '2020-01-01', source: 'https://example.com', value }],
      }) as unknown as DatedPolicy<PermissionTable>;
    const cases: [unknown, string][] = [
      [null, 'options.policy.versions[0].value'],
      [['AdminAgent'], 'options.policy.versions[0].value'],
      [{ ...EXPECTED, refund: ['AdminAgent'] }, 'options.policy.versions[0].value'],
      [{ ...EXPECTED, cancel: 'AdminAgent' }, 'options.policy.versions[0].value.cancel'],
      [
        { ...EXPECTED, cancel: ['Admin agent', 'Nobody'] },
        'options.policy.versions[0].value.cancel[1]',
      ],
      [{ ...EXPECTED, cancel: [7] }, 'options.policy.versions[0].value.cancel[0]'],
      [{ purchase: ['AdminAgent'] }, 'options.policy.versions[0].value.getKeysAndDownloads'],
    ];
    for (const [value, field] of cases) {
      expectRuleError(() => authorize('cancel', [], { policy: v(value) }), 'invalid_policy', field);
    }
    expectRuleError(
      () => authorize('cancel', [], { policy: v(null), asOf: '2021-01-01' }),
      'invalid_policy',
      'options.policy.versions[0].value',
    );
    const twoVersions = {
      id: 'two',
      versions: [
        { effectiveFrom: '2020-01-01', source: 'https://example.com/a', value: EXPECTED },
        { effectiveFrom: '2022-01-01', source: 'https://example.com/b', value: null },
      ],
    } as unknown as DatedPolicy<PermissionTable>;
    // The whole table is checked on first use, whichever version asOf picks.
    expectRuleError(
      () => authorize('cancel', ['AdminAgent'], { policy: twoVersions, asOf: '2021-01-01' }),
      'invalid_policy',
      'options.policy.versions[1].value',
    );
    expectRuleError(
      () => authorize('cancel', [], { policy: twoVersions, asOf: '2023-01-01' }),
      'invalid_policy',
      'options.policy.versions[1].value',
    );
    expectRuleError(
      () => authorize('cancel', [], { policy: twoVersions }),
      'invalid_policy',
      'options.policy.versions[1].value',
    );
    expectRuleError(
      () => authorize('cancel', [], { policy: twoVersions, asOf: '2019-12-31T23:59:59Z' }),
      'invalid_policy',
      'options.policy.versions[1].value',
    );
    expectRuleError(() => authorize('cancel', [], { policy: 'x' as never }), 'invalid_policy');
    expectRuleError(
      () => authorize('cancel', [], { policy: { id: 'p', versions: [] } as never }),
      'invalid_policy',
    );
  });

  it('refuses a bad asOf', () => {
    expectRuleError(
      () => authorize('cancel', [], { asOf: 'yesterday' }),
      'invalid_instant',
      'options.asOf',
    );
    expectRuleError(
      () => authorize('cancel', [], { asOf: '2021-10-14T10:00' }),
      'ambiguous_local_time',
      'options.asOf',
    );
    expectRuleError(
      () => authorize('cancel', [], { asOf: new Date(Number.NaN) }),
      'invalid_instant',
      'options.asOf',
    );
    expectRuleError(
      () => authorize('cancel', [], { asOf: 5 as never }),
      'invalid_instant',
      'options.asOf',
    );
  });
});

describe('authorize: speed', () => {
  it('answers 200,000 questions well within a second or two (no per-call table builds)', () => {
    const roles = ['Admin agent', 'GlobalAdmin', 'Incentive admin'];
    const start = performance.now();
    let allowed = 0;
    for (let i = 0; i < 100_000; i++) {
      if (authorize(ACTIONS[i % ACTIONS.length] as Action, roles).allowed) allowed++;
      if (hasPermission('cancel', roles)) allowed++;
    }
    const elapsed = performance.now() - start;
    // hasPermission: every call; authorize: the five Admin-agent actions of each six.
    expect(allowed).toBe(100_000 + 16_666 * 5 + 4);
    expect(elapsed).toBeLessThan(2_000);
  });
});
