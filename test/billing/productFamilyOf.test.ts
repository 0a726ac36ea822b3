import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRODUCT_FAMILIES, productFamilyOf } from '../../src/billing/index.js';
import { expectRuleError } from '../support/errors.js';

const RDS = PRODUCT_FAMILIES.rdsCal2022;

describe('productFamilyOf', () => {
  it.each([
    'Windows Server 2022 Remote Desktop Services - 1 User CAL',
    'Windows Server 2022 Remote Desktop Services - 1 Device CAL',
    'Windows Remote Desktop Server CAL 2022',
    'Windows Server 2022 - RDS User CAL',
    'Windows Server 2022 - RDS Device CAL',
    'Windows Server 2022 Remote Desktop Services - 1 User CAL - Education',
    'Windows Server 2022 Remote Desktop Services Client Access License (User)',
    'WINDOWS SERVER 2022 REMOTE DESKTOP SERVICES - 5 USER CALS',
    '  windows   server 2022  remote  desktop services user cal ',
    'Windows Server\u00a02022 Remote-Desktop Services - 1 User CAL',
    'Win Server 2022 RDS CAL - 1 Device',
  ])('recognises %s as the RDS CAL 2022 family', (title) => {
    expect(productFamilyOf(title)).toBe(RDS);
  });

  it.each([
    'Windows Server 2019 Remote Desktop Services - 1 User CAL',
    'Windows Server 2019 Remote Desktop Services - 1 Device CAL',
    'Windows Remote Desktop Server CAL 2019',
    'Windows Server 2025 Remote Desktop Services - 1 User CAL',
    'Windows Server 2022 Remote Desktop Services CAL (downgrade to 2019)',
    'Windows Server 2022 - 1 User CAL',
    'Windows Server 2022 - 1 Device CAL',
    'Windows Server 2022 Rights Management Services - 1 User CAL',
    'Windows Server 2022 Remote Desktop Services External Connector',
    'Windows Server 2022 RDS External Connector CAL',
    'SQL Server 2022 Standard',
    'SQL Server 2022 Standard - 1 User CAL',
    'Windows Server 2022 Standard - 16 Core License Pack',
    'Windows Server 2022 Datacenter',
    'Windows Server 2022 Remote Desktop Services',
    'Remote Desktop Services CAL',
    'Microsoft 365 Business Premium',
    'CARDS 2022 Calendar',
    '',
  ])('does not match %s', (title) => {
    expect(productFamilyOf(title)).toBeUndefined();
  });

  it('property: a title without 2022 never matches, and any match names RDS and a CAL', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (title) => {
        const family = productFamilyOf(title);
        if (!title.includes('2022')) expect(family).toBeUndefined();
        if (family !== undefined) {
          expect(/remote[\s-]*desktop|rds/i.test(title)).toBe(true);
          expect(/cal|client\s+access/i.test(title)).toBe(true);
        }
      }),
    );
  });

  it('throws for a title that is not a string', () => {
    expectRuleError(() => productFamilyOf(undefined as never), 'invalid_input', 'title');
    expectRuleError(() => productFamilyOf(2022 as never), 'invalid_input', 'title');
  });
});
