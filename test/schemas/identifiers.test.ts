import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRole, ROLE_DISPLAY_NAMES, ROLES } from '../../src/access/index.js';
import { planMakMigration } from '../../src/activation/index.js';
import type { CancellationRequest } from '../../src/cancellation/index.js';
import { isCspRuleError } from '../../src/core/index.js';
import { parseMarket } from '../../src/markets/index.js';
import {
  cancellationRequestSchema,
  customerIdentifierSchema,
  deviceSchema,
  domainSchema,
  marketSchema,
  parseCancellationRequest,
  parseDevices,
  roleSchema,
  rolesSchema,
  type SchemaIssue,
  safeParseCancellationRequest,
  safeParseDevices,
  subscriptionIdentifierSchema,
  tenantIdSchema,
} from '../../src/schemas/index.js';
import { expectRuleError } from '../support/errors.js';
import { paramsOf } from './support.js';

describe('tenant ids', () => {
  it('GUIDs in any case, parsed to lower case', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.boolean(), (uuid, upper) => {
        const input = upper ? uuid.toUpperCase() : uuid;
        const r = tenantIdSchema.safeParse(input);
        expect(r.success).toBe(uuid !== '00000000-0000-0000-0000-000000000000');
        if (r.success) expect(r.data).toBe(uuid.toLowerCase());
      }),
    );
  });

  it('refuses other shapes and the nil GUID', () => {
    for (const bad of [
      '{4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1}',
      '4d3cf48770f64c948a5ba2f5c7b2c9d1',
      '4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d',
      '4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9dg',
      ' 4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1',
      'contoso.onmicrosoft.com',
      '',
    ]) {
      expect(tenantIdSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(
      tenantIdSchema.safeParse('00000000-0000-0000-0000-000000000000').error?.issues[0]?.message,
    ).toBe('the all-zero GUID is not a tenant id');
    expect(tenantIdSchema.safeParse(42).error?.issues[0]?.message).toBe(
      'expected a tenant id (a GUID), got 42',
    );
  });
});

describe('domains', () => {
  it('accepts DNS names, parsed to lower case without the final dot', () => {
    expect(domainSchema.parse('contoso.onmicrosoft.com')).toBe('contoso.onmicrosoft.com');
    expect(domainSchema.parse('Fabrikam.CO.uk.')).toBe('fabrikam.co.uk');
    expect(domainSchema.parse('xn--mller-kva.de')).toBe('xn--mller-kva.de');
    expect(domainSchema.parse('a-b.c1')).toBe('a-b.c1');
    expect(domainSchema.parse(`${'a'.repeat(63)}.com`)).toBe(`${'a'.repeat(63)}.com`);
  });

  it('refuses what is not one, saying why', () => {
    const why = (v: string) => domainSchema.safeParse(v).error?.issues[0]?.message;
    expect(why('contoso')).toBe('expected a domain name such as "contoso.onmicrosoft.com"');
    expect(why('-contoso.com')).toMatch(/^each label/);
    expect(why('contoso-.com')).toMatch(/^each label/);
    expect(why('cont oso.com')).toMatch(/^each label/);
    expect(why('müller.de')).toMatch(/punycode/);
    expect(why('contoso..com')).toMatch(/^each label/);
    expect(why(`${'a'.repeat(64)}.com`)).toMatch(/^each label/);
    expect(why('10.0.0.1')).toBe('the last label of a domain name cannot be all digits');
    expect(why(`${'a.'.repeat(127)}com`)).toBe('a domain name has at most 253 characters');
    expect(why('')).toBeDefined();
  });

  it('never accepts a name longer than 253 characters or a label longer than 63', () => {
    fc.assert(
      fc.property(fc.domain(), fc.string({ maxLength: 300 }), (domain, noise) => {
        expect(domainSchema.safeParse(domain).success).toBe(true);
        const r = domainSchema.safeParse(noise);
        if (r.success) {
          expect(r.data.length).toBeLessThanOrEqual(253);
          for (const label of r.data.split('.')) expect(label.length).toBeLessThanOrEqual(63);
        }
      }),
    );
  });
});

describe('markets and roles', () => {
  it('markets as ./markets reads them', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('it', ' XS ', 'uk', 'xk')),
        (code) => {
          let expected: string | null = null;
          try {
            expected = parseMarket(code).partnerCenterCode;
          } catch (e) {
            if (!isCspRuleError(e)) throw e;
          }
          const r = marketSchema.safeParse(code);
          expect(r.success ? r.data : null).toBe(expected);
        },
      ),
    );
    expect(marketSchema.safeParse('UK').error?.issues[0]?.message).toMatch(/UK/);
  });

  it('roles as ./access reads them, never repeating the input', () => {
    for (const role of ROLES) {
      expect(roleSchema.parse(role)).toBe(role);
      expect(roleSchema.parse(ROLE_DISPLAY_NAMES[role])).toBe(role);
    }
    expect(rolesSchema.parse(['admin agent', 'Referrals admin'])).toEqual([
      'AdminAgent',
      'ReferralAdmin',
    ]);
    const secret = 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY';
    const r = rolesSchema.safeParse(['Admin agent', secret, 3]);
    expect(r.error?.issues.map((i) => [i.path, paramsOf(i)])).toEqual([
      [[1], { code: 'unknown_role' }],
      [[2], undefined],
    ]);
    expect(JSON.stringify(r.error?.issues)).not.toContain('ABCDE');
    fc.assert(
      fc.property(fc.string(), (text) => {
        let expected: string | null = null;
        try {
          expected = parseRole(text);
        } catch (e) {
          if (!isCspRuleError(e)) throw e;
        }
        const parsed = roleSchema.safeParse(text);
        expect(parsed.success ? parsed.data : null).toBe(expected);
      }),
    );
  });
});

describe('devices', () => {
  it('a fleet, ids unique, nulls kept', () => {
    const fleet = parseDevices([
      { id: 'pc-1', lastRenewalAt: '2024-01-01T08:00:00Z', makActivatedAt: null, site: 'Milano' },
      { id: 'pc-2' },
    ]);
    expect(fleet).toEqual([
      { id: 'pc-1', lastRenewalAt: '2024-01-01T08:00:00Z', makActivatedAt: null },
      { id: 'pc-2' },
    ]);
    expect(planMakMigration(fleet, { asOf: '2024-03-01T00:00:00Z' }).byStatus.unknown).toEqual([
      'pc-2',
    ]);
    const dup = safeParseDevices([{ id: 'a' }, { id: 'b' }, { id: 'a' }]);
    expect(dup.success ? null : (dup.error.details['issues'] as SchemaIssue[])).toEqual([
      {
        path: ['devices', 2, 'id'],
        message: 'devices[2].id: id already used by devices[0]',
        code: 'duplicate_id',
      },
    ]);
    expectRuleError(() => parseDevices({ id: 'a' }), 'invalid_input', 'devices');
    expectRuleError(
      () => parseDevices([{ id: 'a', lastRenewalAt: '2024-01-01T08:00' }]),
      'invalid_input',
      'devices[0].lastRenewalAt',
    );
    expect(deviceSchema.safeParse({ id: '' }).error?.issues[0]?.message).toBe(
      'expected a device id, got an empty string',
    );
  });

  it('a huge sparse array is refused at once', () => {
    const started = Date.now();
    expect(safeParseDevices(new Array(2 ** 31)).success).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('cancellation requests', () => {
  const tenantId = '4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1';

  it('subscription by id or friendly name; customer by name, tenant id or domain', () => {
    const requests: CancellationRequest[] = [
      parseCancellationRequest({
        kind: 'subscription',
        customer: { by: 'name', name: '  Contoso S.p.A. ' },
        subscription: { by: 'friendlyName', friendlyName: 'WS2022 DC' },
      }),
      parseCancellationRequest({
        kind: 'subscription',
        customer: { by: 'tenantId', tenantId: tenantId.toUpperCase() },
        subscription: { by: 'id', id: '5b1f4e7a-9c3d-4f2e-8a61-3d2c9b7e1f04' },
        note: 'dropped',
      }),
      parseCancellationRequest({
        kind: 'perpetual',
        customer: { by: 'domain', domain: 'Contoso.com.' },
        productName: 'SQL Server 2022 Standard',
        orderId: 'TXQ2MZG9VDDB',
      }),
    ];
    expect(requests).toEqual([
      {
        kind: 'subscription',
        customer: { by: 'name', name: 'Contoso S.p.A.' },
        subscription: { by: 'friendlyName', friendlyName: 'WS2022 DC' },
      },
      {
        kind: 'subscription',
        customer: { by: 'tenantId', tenantId },
        subscription: { by: 'id', id: '5b1f4e7a-9c3d-4f2e-8a61-3d2c9b7e1f04' },
      },
      {
        kind: 'perpetual',
        customer: { by: 'domain', domain: 'contoso.com' },
        productName: 'SQL Server 2022 Standard',
        orderId: 'TXQ2MZG9VDDB',
      },
    ]);
  });

  it('every problem, named', () => {
    const r = safeParseCancellationRequest({
      kind: 'perpetual',
      customer: { by: 'tenantId', tenantId: 'contoso' },
      productName: '   ',
    });
    expect(
      r.success
        ? []
        : (r.error.details['issues'] as SchemaIssue[]).map((i) => [i.path.join('.'), i.message]),
    ).toEqual([
      [
        'request.customer.tenantId',
        'request.customer.tenantId: expected a tenant id: a GUID such as "4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1" (8-4-4-4-12 hexadecimal digits)',
      ],
      ['request.productName', 'request.productName: expected a product name, got a blank string'],
      ['request.orderId', 'request.orderId: required: expected an order id (a non-empty string)'],
    ]);
    expect(customerIdentifierSchema.safeParse('Contoso').error?.issues[0]?.message).toBe(
      'expected an object { by: name | tenantId | domain, ... }, got "Contoso"',
    );
    expect(subscriptionIdentifierSchema.safeParse({ by: 'name' }).error?.issues[0]?.message).toBe(
      'expected by: one of id, friendlyName, got "name"',
    );
    expect(cancellationRequestSchema.safeParse([]).error?.issues[0]?.message).toBe(
      'expected a cancellation request (an object with kind "subscription" or "perpetual"), got an array',
    );
    expectRuleError(
      () => parseCancellationRequest({ kind: 'refund' }),
      'invalid_input',
      'request.kind',
    );
  });
});
