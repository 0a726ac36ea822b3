// A customer moves from volume licensing to CSP: its KMS host is retired on
// 1 September 2024 and every device must get the new MAK before its KMS
// activation runs out. The IT team can activate 2 devices a day.
// (csp-software-rules/activation)
import {
  activationMethodFor,
  azureHybridBenefitEligibility,
  azureHybridBenefitSaving,
  deviceActivationStatus,
  kmsActivationExpiry,
  makRunbook,
  planMakMigration,
} from 'csp-software-rules/activation';

// CSP licences are activated with a MAK; KMS keys are not available, even on request.
activationMethodFor('csp').methods; // => ['mak']
activationMethodFor('csp', { requested: 'kms' }).allowed; // => false

// A device renews every 7 days while the host serves (a renewal due exactly at
// retirement fails) and lapses 180 days after its last successful renewal.
const retired = '2024-09-01T00:00:00Z';
const pc = kmsActivationExpiry({
  lastRenewalAt: '2024-08-25T09:00:00Z',
  kmsHostRetiredAt: retired,
});
pc.lastRenewalAt.toISOString(); // => '2024-08-25T09:00:00.000Z'
pc.lapsesAt.toISOString(); // => '2025-02-21T09:00:00.000Z'

// The inventory holds each device's own last successful renewal (as
// `slmgr.vbs /dlv` shows it). The host is gone now, so nothing is projected:
// the lab machines were stored away in April and never renewed again.
const fleet = [
  { id: 'reception', lastRenewalAt: '2024-08-30T08:00:00Z' },
  { id: 'lab-01', lastRenewalAt: '2024-04-02T10:00:00Z' },
  { id: 'lab-02', lastRenewalAt: '2024-04-02T11:00:00Z' },
  { id: 'lab-03', lastRenewalAt: '2024-04-02T12:00:00Z' },
  { id: 'kiosk', lastRenewalAt: '2024-03-01T00:00:00Z' },
  { id: 'fileserver', makActivatedAt: '2024-09-10T15:00:00Z' },
  { id: 'spare-laptop' },
];
const asOf = '2024-09-28T09:00:00Z';

// Where each device stands today.
deviceActivationStatus(fleet[1] ?? { id: '?' }, { asOf }).status; // => 'due_soon'
deviceActivationStatus(fleet[1] ?? { id: '?' }, { asOf }).daysLeft; // => 1
deviceActivationStatus(fleet[4] ?? { id: '?' }, { asOf }).status; // => 'lapsed'

const plan = planMakMigration(fleet, { asOf, capacityPerDay: 2, makActivationLimit: 5 });
plan.deadline?.toISOString(); // => '2024-08-28T00:00:00.000Z'
plan.counts; // => { mak_activated: 1, ok: 1, due_soon: 3, lapsed: 1, unknown: 1 }

// Earliest deadline first; the kiosk has lapsed already and the spare laptop
// has no known activation, so both go after the devices that can be saved.
plan.schedule?.map((d) => `${d.day}: ${d.deviceIds.join(', ')}`); // => ['2024-09-28: lab-01, lab-02', '2024-09-29: lab-03, reception', '2024-09-30: kiosk, spare-laptop']
plan.lapses.map((l) => `${l.id} down ${l.downtimeDays} days`); // => ['kiosk down 33 days']
plan.warnings.map((w) => w.code); // => ['mak_activation_limit_exceeded', 'already_lapsed', 'unknown_activation_state']

// With one activation a day, lab-03 cannot be reached in time.
const slow = planMakMigration(fleet, { asOf, capacityPerDay: 1 });
slow.lapses.map((l) => l.id); // => ['kiosk', 'lab-03']

// The runbook printed for each technician: the key is never in it.
makRunbook({ id: 'lab-01' }).steps.map((s) => s.command); // => ['slmgr.vbs /ipk <MAK>', 'slmgr.vbs /ato']

// Moving the file server's workloads to Azure: Datacenter licences with SA are reused.
azureHybridBenefitEligibility({ edition: 'Datacenter', softwareAssurance: true }).licenseUse; // => 'reuse'
const saving = azureHybridBenefitSaving({
  currency: 'EUR',
  windowsRate: '0.384',
  baseRate: '0.23',
  hours: 730,
  quantity: 2,
});
saving.saving; // => { currency: 'EUR', minor: 22484 }
saving.ratio; // => '0.401041666666…'
