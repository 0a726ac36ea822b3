/**
 * The activation area's policy facts as dated data: KMS timings, the activation
 * methods of each sales channel, and Azure Hybrid Benefit's use rights.
 * @module
 */
import type { DatedPolicy, PolicyInForce } from '../core/index.js';
import {
  fail,
  frozen,
  inForceAtMs,
  S1_URL,
  S6_URL,
  S9_URL,
  toInstantMs,
} from '../core/internal.js';

/**
 * How long a KMS activation lasts (180 days), how often a client renews it
 * (every 7 days) and how often it retries a failed renewal (every 2 hours).
 *
 * @example
 * ```ts
 * import { KMS_ACTIVATION_VALIDITY_DAYS } from 'csp-software-rules/activation';
 *
 * KMS_ACTIVATION_VALIDITY_DAYS; // => 180
 * ```
 * @see https://learn.microsoft.com/windows/deployment/volume-activation/activate-windows-10-clients-vamt
 * @category Activation
 */
export const KMS_ACTIVATION_VALIDITY_DAYS = 180;

/**
 * A KMS client tries to renew its activation every 7 days; each success
 * restarts the {@link KMS_ACTIVATION_VALIDITY_DAYS | 180 days}.
 *
 * @example
 * ```ts
 * import { KMS_RENEWAL_INTERVAL_DAYS } from 'csp-software-rules/activation';
 *
 * KMS_RENEWAL_INTERVAL_DAYS; // => 7
 * ```
 * @see https://learn.microsoft.com/windows/deployment/volume-activation/activate-windows-10-clients-vamt
 * @category Activation
 */
export const KMS_RENEWAL_INTERVAL_DAYS = 7;

/**
 * After a failed renewal a KMS client retries every 2 hours. It does not move
 * a lapse: once the host stops serving, every retry fails too.
 *
 * @example
 * ```ts
 * import { KMS_RETRY_INTERVAL_HOURS } from 'csp-software-rules/activation';
 *
 * KMS_RETRY_INTERVAL_HOURS; // => 2
 * ```
 * @see https://learn.microsoft.com/windows/deployment/volume-activation/activate-windows-10-clients-vamt
 * @category Activation
 */
export const KMS_RETRY_INTERVAL_HOURS = 2;

/**
 * The KMS client timings, as one policy value.
 * @category Activation
 */
export interface KmsTimings {
  /** Days an activation (or a renewal) stays valid. */
  readonly validityDays: number;
  /** Days between a successful renewal and the next attempt. */
  readonly renewalIntervalDays: number;
  /** Hours between retries after a failed renewal. */
  readonly retryIntervalHours: number;
}

/**
 * The KMS timings as a dated policy (pass your own as the `policy` option of
 * the KMS functions). The timings have not changed since KMS shipped; the
 * version starts on 2006-11-30, when Windows Vista, the first KMS client,
 * became available to volume-licensing customers (S6 states the timings
 * without a date).
 *
 * @example
 * ```ts
 * import { KMS_ACTIVATION_POLICY } from 'csp-software-rules/activation';
 *
 * KMS_ACTIVATION_POLICY.versions[0]?.value.validityDays; // => 180
 * KMS_ACTIVATION_POLICY.id; // => 'activation.kms_timings'
 * ```
 * @see https://learn.microsoft.com/windows/deployment/volume-activation/activate-windows-10-clients-vamt
 * @category Activation
 */
export const KMS_ACTIVATION_POLICY: DatedPolicy<KmsTimings> = /* @__PURE__ */ frozen({
  id: 'activation.kms_timings',
  versions: [
    {
      effectiveFrom: '0000-01-01',
      source: S6_URL,
      value: {
        validityDays: KMS_ACTIVATION_VALIDITY_DAYS,
        renewalIntervalDays: KMS_RENEWAL_INTERVAL_DAYS,
        retryIntervalHours: KMS_RETRY_INTERVAL_HOURS,
      },
    },
  ],
});

/**
 * A way of activating Windows and Office: a multiple activation key (`mak`) or
 * a Key Management Service host (`kms`).
 * @category Activation
 */
export type ActivationMethod = 'mak' | 'kms';

/**
 * Where the licences were bought: Microsoft's Cloud Solution Provider program
 * or a volume-licensing agreement.
 * @category Activation
 */
export type ActivationChannel = 'csp' | 'volume_licensing';

/**
 * The activation methods of each channel, the default first.
 * @category Activation
 */
export type ChannelMethods = Readonly<Record<ActivationChannel, readonly ActivationMethod[]>>;

/**
 * The activation methods each channel offers, first the one to use by default.
 * CSP purchases are activated with a MAK only: KMS keys are not available,
 * even on request (S1).
 *
 * @example
 * ```ts
 * import { ACTIVATION_CHANNEL_POLICY } from 'csp-software-rules/activation';
 *
 * ACTIVATION_CHANNEL_POLICY.versions[0]?.value.csp; // => ['mak']
 * ```
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @category Activation
 */
export const ACTIVATION_CHANNEL_POLICY: DatedPolicy<ChannelMethods> = /* @__PURE__ */ frozen({
  id: 'activation.channel_methods',
  versions: [
    {
      effectiveFrom: '0000-01-01',
      source: S1_URL,
      value: { csp: ['mak'], volume_licensing: ['kms', 'mak'] },
    },
  ],
});

/**
 * A Windows Server edition that qualifies for Azure Hybrid Benefit.
 * @category Activation
 */
export type WindowsServerEdition = 'datacenter' | 'standard';

/**
 * What Azure Hybrid Benefit lets an edition's licence do: `convert` (run in
 * Azure *instead of* on premises) or `reuse` (on premises *and* in Azure).
 * @category Activation
 */
export type HybridBenefitLicenseUse = 'convert' | 'reuse';

/**
 * The Azure Hybrid Benefit rules of one edition.
 * @category Activation
 */
export interface HybridBenefitEditionRule {
  /** Whether the licence moves to Azure or is used in both places. */
  readonly licenseUse: HybridBenefitLicenseUse;
  /** Days the licence may serve on premises and in Azure at once while migrating; `null` = no limit. */
  readonly migrationDualUseDays: number | null;
}

/**
 * Azure Hybrid Benefit facts.
 * @category Activation
 */
export interface HybridBenefitTerms {
  /** The qualifying editions and their use rights. */
  readonly editions: Readonly<Record<WindowsServerEdition, HybridBenefitEditionRule>>;
  /** Microsoft's advertised maximum saving on VMs ("up to 40%"), a decimal ratio. */
  readonly advertisedMaxSavingRatio: string;
}

/**
 * Azure Hybrid Benefit for Windows Server: Datacenter and Standard licences
 * with Software Assurance (or a qualifying subscription licence) run Windows
 * Server VMs in Azure at the base (Linux) compute rate. Standard licences are
 * converted (one place at a time, save a one-off 180-day migration overlap);
 * Datacenter licences may be reused on premises and in Azure at once.
 *
 * @example
 * ```ts
 * import { AZURE_HYBRID_BENEFIT_POLICY } from 'csp-software-rules/activation';
 *
 * AZURE_HYBRID_BENEFIT_POLICY.versions[0]?.value.editions.standard.licenseUse; // => 'convert'
 * AZURE_HYBRID_BENEFIT_POLICY.versions[0]?.value.editions.datacenter.licenseUse; // => 'reuse'
 * ```
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @see https://learn.microsoft.com/windows-server/get-started/azure-hybrid-benefit
 * @category Activation
 */
export const AZURE_HYBRID_BENEFIT_POLICY: DatedPolicy<HybridBenefitTerms> = /* @__PURE__ */ frozen({
  id: 'activation.azure_hybrid_benefit',
  versions: [
    {
      effectiveFrom: '0000-01-01',
      source: S9_URL,
      value: {
        editions: {
          datacenter: { licenseUse: 'reuse', migrationDualUseDays: null },
          standard: { licenseUse: 'convert', migrationDualUseDays: 180 },
        },
        advertisedMaxSavingRatio: '0.4',
      },
    },
  ],
});

/**
 * @internal The version in force at `asOf`, or the latest version when no
 * `asOf` is given (for rules that are not asked about a date).
 */
export function policyAt<T>(table: DatedPolicy<T>, asOf: unknown): PolicyInForce<T> {
  return inForceAtMs(
    table,
    asOf === undefined ? Number.POSITIVE_INFINITY : toInstantMs(asOf, 'asOf'),
  );
}

/** Whole positive days, whole positive days, positive hours: or the caller's table is wrong. */
function checkKmsTimings(value: unknown, field: string): KmsTimings {
  const v = value as Partial<KmsTimings> | null;
  const whole = (x: unknown): boolean => typeof x === 'number' && Number.isSafeInteger(x) && x > 0;
  if (
    typeof v !== 'object' ||
    v === null ||
    !whole(v.validityDays) ||
    !whole(v.renewalIntervalDays) ||
    typeof v.retryIntervalHours !== 'number' ||
    !(v.retryIntervalHours > 0)
  ) {
    fail(
      'invalid_policy',
      field,
      `${field}: KMS timings need whole positive validityDays and renewalIntervalDays and a positive retryIntervalHours`,
    );
  }
  return v as KmsTimings;
}

/** @internal KMS timings in force at `ms`: the caller's table (`policy`), else the built-in one. */
export function kmsTimingsAt(
  policy: DatedPolicy<KmsTimings> | undefined,
  ms: number,
): PolicyInForce<KmsTimings> {
  return policy === undefined
    ? inForceAtMs(KMS_ACTIVATION_POLICY, ms, checkKmsTimings)
    : inForceAtMs(policy, ms, checkKmsTimings, 'policy');
}
