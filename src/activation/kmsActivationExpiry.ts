/**
 * When a device's KMS activation runs out.
 * @module
 */
import type { DatedPolicy, InstantInput } from '../core/index.js';
import { asRecord, MS_PER_DAY, toInstantMs } from '../core/internal.js';
import { optionalMs, projectedLastRenewalMs } from './device.js';
import { type KmsTimings, kmsTimingsAt } from './policy.js';

/**
 * Input of {@link kmsActivationExpiry}.
 * @category Activation
 */
export interface KmsActivationExpiryInput {
  /** The device's last successful KMS renewal (or its KMS activation). */
  readonly lastRenewalAt: InstantInput;
  /**
   * When the customer's KMS host stops serving (exclusive: a renewal due at
   * that very instant fails). Omitted: no renewal after `lastRenewalAt` is assumed.
   */
  readonly kmsHostRetiredAt?: InstantInput | null;
  /** Your own KMS timings table (default {@link KMS_ACTIVATION_POLICY}), read at `lastRenewalAt`. */
  readonly policy?: DatedPolicy<KmsTimings>;
}

/**
 * When a KMS activation lapses.
 * @category Activation
 */
export interface KmsActivationExpiry {
  /** The instant the activation has run out: 180 days after `lastRenewalAt`. */
  readonly lapsesAt: Date;
  /** The last successful renewal: the given one, or the last one projected before the host retires. */
  readonly lastRenewalAt: Date;
}

/**
 * When a device's KMS activation lapses: 180 days after its last successful
 * renewal. With `kmsHostRetiredAt`, the device is assumed to stay on and keep
 * renewing every 7 days while the host serves, so the renewals due strictly
 * before retirement are projected (a renewal due exactly at retirement
 * fails; retries every 2 hours fail too). So a recorded renewal older than 7
 * days while the host still served is taken as a stale record, not as a
 * device that stopped renewing: for a device known to be off, leave
 * `kmsHostRetiredAt` out. Without it, the host is assumed to serve no renewal
 * after the given one, so nothing is projected. A recorded renewal at or after
 * the retirement is kept as recorded.
 *
 * @param input - The last renewal, the host's retirement, an optional policy.
 * @returns `{ lapsesAt, lastRenewalAt }`: the lapse and the renewal it counts from.
 * @throws {@link core!CspRuleError} `invalid_input` (not an object), `invalid_instant`
 *   or `ambiguous_local_time` (a date), `invalid_policy` / `policy_not_in_force` (the policy).
 * @example
 * ```ts
 * import { kmsActivationExpiry } from 'csp-software-rules/activation';
 *
 * kmsActivationExpiry({ lastRenewalAt: '2024-01-01T08:00:00Z' }).lapsesAt.toISOString(); // => '2024-06-29T08:00:00.000Z'
 * const r = kmsActivationExpiry({ lastRenewalAt: '2024-01-01T08:00:00Z', kmsHostRetiredAt: '2024-01-15T08:00:00Z' });
 * r.lastRenewalAt.toISOString(); // => '2024-01-08T08:00:00.000Z'
 * r.lapsesAt.toISOString(); // => '2024-07-06T08:00:00.000Z'
 * ```
 * @see https://learn.microsoft.com/windows/deployment/volume-activation/activate-windows-10-clients-vamt
 * @category Activation
 */
export function kmsActivationExpiry(input: KmsActivationExpiryInput): KmsActivationExpiry {
  const i = asRecord(input, 'input');
  const renewalMs = toInstantMs(i['lastRenewalAt'], 'lastRenewalAt');
  const retiredMs = optionalMs(i['kmsHostRetiredAt'], 'kmsHostRetiredAt');
  const { value: timings } = kmsTimingsAt(
    i['policy'] as DatedPolicy<KmsTimings> | undefined,
    renewalMs,
  );
  const lastMs = projectedLastRenewalMs(renewalMs, retiredMs, timings);
  return {
    lapsesAt: new Date(lastMs + timings.validityDays * MS_PER_DAY),
    lastRenewalAt: new Date(lastMs),
  };
}
