// Recipe: "When must each device have its MAK?" A customer moved from volume
// licensing to CSP; its KMS host stopped serving on 31 March 2025 at 18:00 UTC.
// On Sunday 21 September at 06:00 UTC the partner plans the last MAK
// activations, two devices a day. (csp-software-rules/activation)
import {
  activationMethodFor,
  type Device,
  deviceActivationStatus,
  kmsActivationExpiry,
  makRunbook,
  planMakMigration,
} from 'csp-software-rules/activation';

const asOf = '2025-09-21T06:00:00Z';
const kmsHostRetiredAt = '2025-03-31T18:00:00Z';

// CSP licences are activated with a MAK: KMS keys are not available, even on request.
const kms = activationMethodFor('csp', { requested: 'kms', asOf });
[kms.allowed, kms.method]; // => [false, 'mak']

// The inventory: each device's last successful KMS renewal, as last exported.
const fleet: Device[] = [
  { id: 'hq-pc-01', lastRenewalAt: '2025-03-28T08:00:00Z' },
  { id: 'hq-pc-02', lastRenewalAt: '2025-03-03T10:00:00Z' },
  { id: 'hq-pc-03', lastRenewalAt: '2025-03-25T09:00:00Z' },
  { id: 'reception', lastRenewalAt: '2025-03-31T17:30:00Z' },
  { id: 'lab-01', lastRenewalAt: '2025-03-24T18:00:00Z' },
  { id: 'kiosk', lastRenewalAt: '2025-02-01T00:00:00Z' },
  { id: 'fileserver', makActivatedAt: '2025-09-10T15:00:00Z' },
  { id: 'spare-laptop' },
];

// A device kept renewing every 7 days while the host served: hq-pc-02's record
// of March 3 is followed by renewals on March 10, 17, 24 and 31 (at 10:00, before
// the host stopped at 18:00). Its activation lapses 180 days later.
const hqPc02 = kmsActivationExpiry({ lastRenewalAt: '2025-03-03T10:00:00Z', kmsHostRetiredAt });
hqPc02.lastRenewalAt.toISOString(); // => '2025-03-31T10:00:00.000Z'
hqPc02.lapsesAt.toISOString(); // => '2025-09-27T10:00:00.000Z'
// lab-01's next renewal was due at 18:00 on March 31, the very instant the host
// stopped: it failed, so 180 days run from March 24 and end on September 20.
const lab01 = kmsActivationExpiry({ lastRenewalAt: '2025-03-24T18:00:00Z', kmsHostRetiredAt });
lab01.lapsesAt.toISOString(); // => '2025-09-20T18:00:00.000Z'

// One device today: hq-pc-03 lapses at 09:00, three hours from now.
const hqPc03 = deviceActivationStatus(
  { id: 'hq-pc-03', lastRenewalAt: '2025-03-25T09:00:00Z' },
  { asOf, kmsHostRetiredAt },
);
[hqPc03.status, hqPc03.daysLeft, hqPc03.lapsesAt?.toISOString()]; // => ['due_soon', 0, '2025-09-21T09:00:00.000Z']

const plan = planMakMigration(fleet, {
  asOf,
  kmsHostRetiredAt,
  capacityPerDay: 2,
  makActivationLimit: 6,
});
// The fleet's deadline is the earliest lapse, even one already past.
plan.deadline?.toISOString(); // => '2025-09-20T18:00:00.000Z'
plan.byStatus; // => { mak_activated: ['fileserver'], ok: [], due_soon: ['hq-pc-01', 'hq-pc-02', 'hq-pc-03', 'reception', 'kiosk'], lapsed: ['lab-01'], unknown: ['spare-laptop'] }
// Earliest deadline first, two a day: every device that can still be saved is,
// lab-01 (already lapsed) and the spare laptop (no known activation) come last.
plan.schedule?.map((d) => `${d.day}: ${d.deviceIds.join(', ')}`); // => ['2025-09-21: hq-pc-03, hq-pc-01', '2025-09-22: kiosk, hq-pc-02', '2025-09-23: reception, lab-01', '2025-09-24: spare-laptop']
plan.completesOn; // => '2025-09-24'
// lab-01 is down from September 20 at 18:00 to September 23 at 00:00: 2 days 6 hours, 3 days rounded up.
plan.lapses.map((l) => [l.id, l.activateOn, l.downtimeDays]); // => [['lab-01', '2025-09-23', 3]]
// Seven devices need the MAK, which has six activations left.
plan.warnings; // => [{ code: 'mak_activation_limit_exceeded', needed: 7, limit: 6, excess: 1 }, { code: 'already_lapsed', devices: 1 }, { code: 'unknown_activation_state', devices: 1 }]

// Had the plan started a week earlier, at one device a day, nobody would have lapsed.
const earlier = planMakMigration(fleet, {
  asOf: '2025-09-14T06:00:00Z',
  kmsHostRetiredAt,
  capacityPerDay: 1,
});
[earlier.lapses.length, earlier.completesOn]; // => [0, '2025-09-20']

// What each technician types, in an elevated prompt; the key is never in the library.
makRunbook({ id: 'hq-pc-03' }).steps.map((s) => s.command); // => ['slmgr.vbs /ipk <MAK>', 'slmgr.vbs /ato']
