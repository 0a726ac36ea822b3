// A partner portal built on Partner Center: what may this user see and do,
// and who looked at product keys last month? (csp-software-rules/access)
import {
  authorize,
  filterActivityLog,
  hasPermission,
  keysAndDownloadsView,
  parseRole,
} from 'csp-software-rules/access';

// Roles as Partner Center's user management lists them (display names).
const alice = ['Admin agent', 'Global admin'];
const bob = ['Account admin', 'Incentive admin'];

// Only an Admin agent may cancel; unknown roles grant nothing and are listed.
authorize('cancel', alice).allowed; // => true
const bobCancel = authorize('cancel', bob);
bobCancel.reasons; // => [{ code: 'missing_role', action: 'cancel', requiredRoles: ['AdminAgent'] }]
bobCancel.unknownRoles; // => ['Incentive admin']

// The key-access and download log is for Account, Referral and Marketing content admins.
hasPermission('viewActivityLog', alice); // => false
authorize('viewActivityLog', bob).grantedBy; // => ['AccountAdmin']
parseRole('referral admin'); // => 'ReferralAdmin'

// The keys-and-downloads page for three products.
const windows = keysAndDownloadsView({
  name: 'Windows Server 2022 Datacenter',
  versions: ['2022'],
  languages: ['English', 'Italian'],
  fileTypes: ['ISO 64-bit'],
});
windows.selectors; // => { version: true, language: true, fileType: true }
hasPermission('getKeysAndDownloads', alice) && windows.generate; // => true

const rds = keysAndDownloadsView({ name: 'Windows Server 2022 RDS CAL', versions: ['2022'] });
rds.selectors; // => { version: true, language: false, fileType: false }

const esu = keysAndDownloadsView({
  name: 'Windows Server 2012/R2 ESU',
  delivery: 'extended_security_updates',
});
[esu.hasKeysOrDownloads, esu.installationInstructions]; // => [false, true]

// An audit of October 2021: `to` as a day includes that whole UTC day.
const log = [
  {
    at: '2021-10-31T23:59:59.9999999Z',
    type: 'keyAccess',
    user: 'ana@contoso.com',
    productName: 'Windows Server 2022 Datacenter',
    productKey: 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY', // carried along, never read or echoed
  },
  { at: '2021-11-01T00:00:00Z', type: 'download', user: 'bo@contoso.com' },
  { at: '2021-10-01T00:00:00Z', type: 'download', user: 'cy@contoso.com' },
] as const;
const october = { from: '2021-10-01', to: '2021-10-31', types: ['keyAccess'] } as const;
filterActivityLog(log, october).map((e) => e.user); // => ['ana@contoso.com']
