import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  parseRole,
  ROLE_DISPLAY_NAMES,
  ROLES,
  type Role,
} from '../../src/access/index.js';
import { expectRuleError } from '../support/errors.js';

const DISPLAY: Record<string, Role> = {
  'Admin agent': 'AdminAgent',
  'Referral admin': 'ReferralAdmin',
  'Marketing content admin': 'MarketingContentAdmin',
  'Global admin': 'GlobalAdmin',
  'Account admin': 'AccountAdmin',
  'Billing admin': 'BillingAdmin',
  'Sales agent': 'SalesAgent',
  'Helpdesk agent': 'HelpdeskAgent',
};

describe('vocabulary', () => {
  it('has the eight roles and six actions of ARCHITECTURE.md, in its order', () => {
    expect(ROLES).toEqual([
      'AdminAgent',
      'SalesAgent',
      'HelpdeskAgent',
      'GlobalAdmin',
      'AccountAdmin',
      'BillingAdmin',
      'ReferralAdmin',
      'MarketingContentAdmin',
    ]);
    expect(ACTIONS).toEqual([
      'purchase',
      'getKeysAndDownloads',
      'cancel',
      'toggleAutoRenew',
      'setBillingFrequency',
      'viewActivityLog',
    ]);
  });

  it('gives every role its Partner Center display name', () => {
    for (const [name, role] of Object.entries(DISPLAY)) expect(ROLE_DISPLAY_NAMES[role]).toBe(name);
    expect(Object.keys(ROLE_DISPLAY_NAMES).sort()).toEqual([...ROLES].sort());
  });
});

describe('parseRole', () => {
  it('reads our ids', () => {
    for (const role of ROLES) expect(parseRole(role)).toBe(role);
  });

  it('reads every Partner Center display name', () => {
    for (const [name, role] of Object.entries(DISPLAY)) expect(parseRole(name)).toBe(role);
  });

  it('ignores case, spaces, hyphens and underscores', () => {
    expect(parseRole('ADMIN AGENT')).toBe('AdminAgent');
    expect(parseRole('admin-agent')).toBe('AdminAgent');
    expect(parseRole('admin_agent')).toBe('AdminAgent');
    expect(parseRole('  Admin   Agent  ')).toBe('AdminAgent');
    expect(parseRole('adminagent')).toBe('AdminAgent');
    expect(parseRole('help desk agent')).toBe('HelpdeskAgent');
    expect(parseRole('marketing_content-admin')).toBe('MarketingContentAdmin');
    expect(parseRole('referral\tadmin')).toBe('ReferralAdmin');
  });

  it('reads the other spellings Microsoft uses', () => {
    expect(parseRole('AdminAgents')).toBe('AdminAgent');
    expect(parseRole('SalesAgents')).toBe('SalesAgent');
    expect(parseRole('HelpdeskAgents')).toBe('HelpdeskAgent');
    expect(parseRole('Referrals admin')).toBe('ReferralAdmin');
    expect(parseRole('Global Administrator')).toBe('GlobalAdmin');
    expect(parseRole('Billing administrator')).toBe('BillingAdmin');
    expect(parseRole('Account administrator')).toBe('AccountAdmin');
    expect(parseRole('Referral administrator')).toBe('ReferralAdmin');
    expect(parseRole('Marketing content administrator')).toBe('MarketingContentAdmin');
  });

  it('refuses names of roles it does not know, with unknown_role', () => {
    for (const bad of [
      '',
      '   ',
      'Admin',
      'Agent',
      'Incentive admin',
      'Executive report viewer',
      'Admin agent x',
      'AdminAgentt',
      'Global',
      'Administrator agent',
      'Admin.agent',
    ]) {
      expectRuleError(() => parseRole(bad), 'unknown_role', 'role');
    }
  });

  it('refuses a non-string with invalid_input', () => {
    for (const bad of [undefined, null, 1, {}, ['AdminAgent'], new Date(0)]) {
      expectRuleError(() => parseRole(bad), 'invalid_input', 'role');
    }
  });

  it('property: any casing and any spaces, hyphens or underscores between letters read the same role', () => {
    const sep = fc.constantFrom('', ' ', '-', '_', '  ', ' - ', '\t');
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES.flatMap((r) => [r, ROLE_DISPLAY_NAMES[r]])),
        fc.infiniteStream(fc.tuple(fc.boolean(), sep)),
        (name, noise) => {
          const letters = name.replace(/ /g, '').split('');
          const it = noise[Symbol.iterator]();
          const text = letters
            .map((c) => {
              const [upper, s] = it.next().value as [boolean, string];
              return (upper ? c.toUpperCase() : c.toLowerCase()) + s;
            })
            .join('');
          const expected = (ROLES as readonly string[]).includes(name)
            ? name
            : DISPLAY[name as keyof typeof DISPLAY];
          expect(parseRole(text)).toBe(expected);
        },
      ),
    );
  });

  it('property: a string either reads as a role or throws unknown_role, never anything else', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          expect(ROLES).toContain(parseRole(s));
        } catch (e) {
          expect((e as { code?: unknown }).code).toBe('unknown_role');
        }
      }),
    );
  });
});
