// Valid samples and known bugs of access for the cross-area fuzz (see ../engine.ts).
import * as access from '../../src/access/index.js';
import type { AreaSpec, Sample } from './engine.js';

function permissions(): Record<string, unknown> {
  return {
    id: 'custom.permissions',
    versions: [
      {
        effectiveFrom: '2019-01-01',
        source: 'https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions',
        value: {
          purchase: ['AdminAgent'],
          getKeysAndDownloads: ['AdminAgent', 'SalesAgent'],
          cancel: ['AdminAgent'],
          toggleAutoRenew: ['AdminAgent'],
          setBillingFrequency: ['AdminAgent'],
          viewActivityLog: ['AccountAdmin', 'ReferralAdmin', 'MarketingContentAdmin'],
        },
      },
    ],
  };
}

function log(): Record<string, unknown>[] {
  return [
    {
      at: '2021-10-31T23:59:59.9999999Z',
      type: 'keyAccess',
      user: 'ana@contoso.com',
      productName: 'SQL Server 2019 Standard',
      productKey: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE',
    },
    { at: '2021-11-01T00:00:00Z', type: 'download', user: 'bo@contoso.com' },
    { at: new Date('2021-10-01T00:00:00Z'), type: 'download', user: 'cy@contoso.com' },
  ];
}

const samples: Record<string, readonly Sample[]> = {
  activityLogQuery: [
    () => [{ from: '2021-10-01', to: '2021-10-31' }],
    () => [{ from: '2021-10-01T00:00:00Z', to: new Date('2021-11-01'), types: ['download'] }],
  ],
  authorize: [
    () => ['cancel', ['Admin agent']],
    () => [
      'viewActivityLog',
      ['Referral admin', 'AccountAdmin', 'Incentive admin'],
      { asOf: '2022-01-01' },
    ],
    () => [
      'getKeysAndDownloads',
      ['SalesAgent'],
      { asOf: '2022-01-01T00:00:00Z', policy: permissions() },
    ],
  ],
  filterActivityLog: [
    () => [log(), { from: '2021-10-01', to: '2021-10-31' }],
    () => [log(), { from: '2021-10-01', to: '2021-11-01', types: ['download'] }],
  ],
  hasPermission: [
    () => ['getKeysAndDownloads', ['admin-agent']],
    () => ['cancel', ['SalesAgent', 'AdminAgent'], { asOf: '2022-01-01', policy: permissions() }],
  ],
  keysAndDownloadsView: [
    () => [
      {
        name: 'SQL Server 2019 Standard',
        versions: ['2019'],
        languages: ['English', 'Italian'],
        fileTypes: ['ISO'],
      },
    ],
    () => [{ name: 'Azure DevOps', delivery: 'service_license' }],
    () => [
      {
        name: 'Windows Server 2012 ESU',
        delivery: 'extended_security_updates',
        deliversKeys: true,
        deliversDownloads: false,
      },
    ],
  ],
  parseRole: [() => ['Admin agent'], () => ['MARKETING-CONTENT_ADMIN']],
};

export const spec: AreaSpec = {
  area: 'access',
  module: access,
  samples,
  // filterActivityLog returns the caller's own entries.
  echoes: ['filterActivityLog'],
  knownBugs: {},
};
