/**
 * Which activation methods a sales channel offers: MAK only in CSP.
 * @module
 */
import type { Decision, InstantInput } from '../core/index.js';
import { asRecord, decision, describeType, fail } from '../core/internal.js';
import {
  ACTIVATION_CHANNEL_POLICY,
  type ActivationChannel,
  type ActivationMethod,
  policyAt,
} from './policy.js';

/**
 * Why a requested activation method is refused.
 * @category Activation
 */
export interface ActivationMethodReason {
  /** `method_not_available`: the channel does not offer it (KMS in CSP). */
  readonly code: 'method_not_available';
  /** The channel asked about. */
  readonly channel: ActivationChannel;
  /** The method asked for. */
  readonly requested: ActivationMethod;
  /** What the channel offers instead. */
  readonly available: readonly ActivationMethod[];
}

/**
 * The facts of an {@link activationMethodFor} decision.
 * @category Activation
 */
export interface ActivationMethodFacts {
  /** The channel, normalised. */
  readonly channel: ActivationChannel;
  /** The methods the channel offers, the default first. */
  readonly methods: readonly ActivationMethod[];
  /** The method to use: the requested one when allowed, else the channel's default. */
  readonly method: ActivationMethod;
  /** The method asked for, or `null`. */
  readonly requested: ActivationMethod | null;
}

/**
 * Options of {@link activationMethodFor}.
 * @category Activation
 */
export interface ActivationMethodOptions {
  /** A method the customer asks for (`'kms'` or `'mak'`, any case). */
  readonly requested?: string;
  /** The day the rule is read for; default: the latest version of the policy. */
  readonly asOf?: InstantInput;
}

const CHANNEL_LIKE = /^[A-Za-z][A-Za-z _-]{0,23}$/;

const CHANNELS: Readonly<Record<string, ActivationChannel>> = {
  csp: 'csp',
  cloud_solution_provider: 'csp',
  volume_licensing: 'volume_licensing',
  vl: 'volume_licensing',
};

/**
 * How devices bought through a channel are activated. CSP purchases use a
 * MAK only: KMS keys are not available in CSP, even on request, so asking for
 * `kms` in `csp` is refused with reason `method_not_available`. A
 * volume-licensing agreement offers KMS (the default) or MAK.
 *
 * Channels: `'csp'` (also `'Cloud Solution Provider'`) and `'volume_licensing'`
 * (also `'VL'`, `'volume-licensing'`), any case, spaces or hyphens for underscores.
 *
 * @param channel - Where the licences were bought.
 * @param options - `{ requested?, asOf? }`.
 * @returns A decision with `channel`, `methods`, `method` and `requested`.
 * @throws {@link core!CspRuleError} `unknown_channel` (another channel), `invalid_option`
 *   (a requested method other than `kms` or `mak`), `invalid_input` (options not an object).
 * @example
 * ```ts
 * import { activationMethodFor } from 'csp-software-rules/activation';
 *
 * activationMethodFor('CSP').methods; // => ['mak']
 * const kms = activationMethodFor('csp', { requested: 'kms' });
 * kms.allowed; // => false
 * kms.reasons; // => [{ code: 'method_not_available', channel: 'csp', requested: 'kms', available: ['mak'] }]
 * kms.method; // => 'mak'
 * activationMethodFor('volume_licensing').methods; // => ['kms', 'mak']
 * activationMethodFor('retail'); // => throws unknown_channel
 * ```
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @category Activation
 */
export function activationMethodFor(
  channel: ActivationChannel | string,
  options: ActivationMethodOptions = {},
): Decision<ActivationMethodReason, ActivationMethodFacts> {
  if (typeof channel !== 'string') {
    fail(
      'unknown_channel',
      'channel',
      `channel: expected "csp" or "volume_licensing", got ${describeType(channel)}`,
    );
  }
  const key = channel
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  // Own keys only: "__proto__" or "constructor" is not a channel.
  const known = Object.hasOwn(CHANNELS, key) ? CHANNELS[key] : undefined;
  if (known === undefined) {
    // Echo only a short word-like name: a product key pasted here never reaches a log.
    const safe = CHANNEL_LIKE.test(channel);
    fail(
      'unknown_channel',
      'channel',
      `channel:${safe ? ` "${channel}"` : ' the value'} is not a known channel (csp, volume_licensing)`,
      safe ? { channel } : {},
    );
  }
  const o = asRecord(options, 'options');
  const raw = o['requested'];
  let requested: ActivationMethod | null = null;
  if (raw !== undefined) {
    const r = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
    if (r !== 'kms' && r !== 'mak') {
      fail('invalid_option', 'requested', 'requested: expected "kms" or "mak"');
    }
    requested = r;
  }
  const { value, rule } = policyAt(ACTIVATION_CHANNEL_POLICY, o['asOf']);
  const methods: readonly ActivationMethod[] = value[known];
  const offered = requested === null || methods.includes(requested);
  const reasons: ActivationMethodReason[] =
    offered || requested === null
      ? []
      : [{ code: 'method_not_available', channel: known, requested, available: methods }];
  return decision(reasons, [rule], {
    channel: known,
    methods,
    method: offered && requested !== null ? requested : (methods[0] as ActivationMethod),
    requested,
  });
}
