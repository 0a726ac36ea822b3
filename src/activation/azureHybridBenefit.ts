/**
 * Azure Hybrid Benefit for Windows Server: who qualifies, whether the licence
 * is converted or reused, and what paying the base compute rate saves.
 * @module
 */
import {
  type DecimalInput,
  type Decision,
  type InstantInput,
  type Money,
  moneyFromDecimal,
  parseQuantity,
  type RoundingMode,
  type RuleRef,
  subtractMoney,
} from '../core/index.js';
import {
  asRecord,
  decision,
  describeType,
  fail,
  formatScaled,
  parseRoundingMode,
  quotientText,
  toScaledDecimal,
} from '../core/internal.js';
import {
  AZURE_HYBRID_BENEFIT_POLICY,
  type HybridBenefitLicenseUse,
  policyAt,
  type WindowsServerEdition,
} from './policy.js';

/**
 * What {@link azureHybridBenefitEligibility} is asked about.
 * @category Activation
 */
export interface HybridBenefitLicense {
  /**
   * The Windows Server edition: `'datacenter'` or `'standard'`, any case, also
   * written `'Windows Server 2022 Datacenter'`. Any other edition (Essentials...) does not qualify.
   */
  readonly edition: string;
  /** Whether the licences have active Software Assurance. */
  readonly softwareAssurance: boolean;
  /** Whether they are qualifying subscription licences instead (these qualify too). */
  readonly subscriptionLicense?: boolean;
  /** The day the rule is read for; default: the latest version of the policy. */
  readonly asOf?: InstantInput;
}

/**
 * Why a licence does not qualify for Azure Hybrid Benefit, in this order.
 * @category Activation
 */
export type HybridBenefitReason =
  | {
      /** Only Windows Server Datacenter and Standard qualify. */
      readonly code: 'edition_not_eligible';
      /** The edition as given. */
      readonly edition: string;
    }
  | {
      /** The licences need active Software Assurance (or a qualifying subscription). */
      readonly code: 'software_assurance_required';
    };

/**
 * The facts of an {@link azureHybridBenefitEligibility} decision.
 * @category Activation
 */
export interface HybridBenefitFacts {
  /** The qualifying edition recognised, or `null`. */
  readonly edition: WindowsServerEdition | null;
  /** `convert` (Standard: in Azure instead of on premises) or `reuse` (Datacenter: both); `null` for other editions. */
  readonly licenseUse: HybridBenefitLicenseUse | null;
  /** Days of on-premises and Azure use at once while migrating (Standard 180); `null`: no limit or not eligible. */
  readonly migrationDualUseDays: number | null;
}

const EDITION_RE = /^(?:windows\s+server\s+(?:\d{4}(?:\s+r2)?\s+)?)?(datacenter|standard)$/;

/**
 * Whether Windows Server licences qualify for Azure Hybrid Benefit, and how
 * they may be used. Datacenter and Standard licences with active Software
 * Assurance (or qualifying subscription licences) qualify. "Depending on the
 * edition, you can convert or reuse your licenses" (S1); per Microsoft's
 * Windows Server terms, Standard licences are **converted** (used in Azure
 * instead of on premises, save a one-off 180-day migration overlap) and
 * Datacenter licences are **reused** (on premises and in Azure at once).
 *
 * @param license - `{ edition, softwareAssurance, subscriptionLicense?, asOf? }`.
 * @returns A decision with `edition`, `licenseUse` and `migrationDualUseDays`;
 *   reasons `edition_not_eligible`, `software_assurance_required`.
 * @throws {@link core!CspRuleError} `invalid_input` (not an object, a non-string edition, a non-boolean flag).
 * @example
 * ```ts
 * import { azureHybridBenefitEligibility } from 'csp-software-rules/activation';
 *
 * const dc = azureHybridBenefitEligibility({ edition: 'Datacenter', softwareAssurance: true });
 * [dc.allowed, dc.licenseUse]; // => [true, 'reuse']
 * azureHybridBenefitEligibility({ edition: 'Windows Server 2022 Standard', softwareAssurance: true }).licenseUse; // => 'convert'
 * azureHybridBenefitEligibility({ edition: 'standard', softwareAssurance: false }).reasons; // => [{ code: 'software_assurance_required' }]
 * azureHybridBenefitEligibility({ edition: 'essentials', softwareAssurance: true }).allowed; // => false
 * ```
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @see https://learn.microsoft.com/windows-server/get-started/azure-hybrid-benefit
 * @category Activation
 */
export function azureHybridBenefitEligibility(
  license: HybridBenefitLicense,
): Decision<HybridBenefitReason, HybridBenefitFacts> {
  const l = asRecord(license, 'license');
  const editionInput = l['edition'];
  if (typeof editionInput !== 'string') {
    fail(
      'invalid_input',
      'license.edition',
      `license.edition: expected a string, got ${describeType(editionInput)}`,
    );
  }
  const sa = l['softwareAssurance'];
  const sub = l['subscriptionLicense'] ?? false;
  if (typeof sa !== 'boolean') {
    fail(
      'invalid_input',
      'license.softwareAssurance',
      'license.softwareAssurance: expected true or false',
    );
  }
  if (typeof sub !== 'boolean') {
    fail(
      'invalid_input',
      'license.subscriptionLicense',
      'license.subscriptionLicense: expected true or false',
    );
  }
  const { value, rule } = policyAt(AZURE_HYBRID_BENEFIT_POLICY, l['asOf']);
  const match = EDITION_RE.exec(editionInput.trim().toLowerCase().replace(/\s+/g, ' '));
  const edition = (match?.[1] ?? null) as WindowsServerEdition | null;
  const reasons: HybridBenefitReason[] = [];
  if (edition === null) reasons.push({ code: 'edition_not_eligible', edition: editionInput });
  if (!sa && !sub) reasons.push({ code: 'software_assurance_required' });
  const terms = edition === null ? null : value.editions[edition];
  return decision(reasons, [rule], {
    edition,
    licenseUse: terms?.licenseUse ?? null,
    migrationDualUseDays: terms?.migrationDualUseDays ?? null,
  });
}

/**
 * What {@link azureHybridBenefitSaving} is asked about.
 * @category Activation
 */
export interface HybridBenefitSavingInput {
  /** ISO 4217 code of both rates. */
  readonly currency: string;
  /** The Windows VM rate (compute plus the Windows Server licence), per hour: a decimal. */
  readonly windowsRate: DecimalInput;
  /** The base compute rate (the Linux rate) of the same VM, per hour: a decimal. */
  readonly baseRate: DecimalInput;
  /** Hours billed (a non-negative decimal, e.g. `730` for a month); default 1. */
  readonly hours?: DecimalInput;
  /** Number of VMs (a whole number ≥ 1); default 1. */
  readonly quantity?: number;
  /** How exact costs become minor units; default `'half_even'`. */
  readonly rounding?: RoundingMode;
}

/**
 * What Azure Hybrid Benefit saves.
 * @category Activation
 */
export interface HybridBenefitSaving {
  /** Cost at the Windows rate: rate × hours × quantity, rounded once. */
  readonly windowsCost: Money;
  /** Cost at the base rate, rounded the same way. */
  readonly baseCost: Money;
  /** `windowsCost − baseCost`. */
  readonly saving: Money;
  /**
   * The saved share of the Windows cost, `(windowsRate − baseRate) / windowsRate`,
   * as exact decimal text (`'0.4'`); a non-terminating one is cut at 12 decimals and ends in `…`.
   */
  readonly ratio: string;
  /** The rule applied. */
  readonly rules: readonly RuleRef[];
}

/**
 * What paying the base (Linux) compute rate instead of the Windows rate saves
 * with Azure Hybrid Benefit, exactly: costs are computed from the decimal
 * rates and rounded once each to the currency's minor unit, and the saving is
 * their difference. The ratio is computed from the rates themselves, so it
 * does not depend on hours, quantity or rounding. Eligibility is
 * {@link azureHybridBenefitEligibility}'s question, not this one's.
 *
 * @param input - `{ currency, windowsRate, baseRate, hours = 1, quantity = 1, rounding = 'half_even' }`.
 * @returns The two costs, the saving and the ratio.
 * @throws {@link core!CspRuleError} `invalid_decimal` (a rate or hours), `unknown_currency`,
 *   `invalid_range` (a negative rate or hours, a zero Windows rate, a base rate above the Windows rate),
 *   `invalid_quantity`, `invalid_rounding`, `invalid_money` (a cost too large).
 * @example
 * ```ts
 * import { azureHybridBenefitSaving } from 'csp-software-rules/activation';
 *
 * const s = azureHybridBenefitSaving({ currency: 'USD', windowsRate: '0.192', baseRate: '0.096', hours: 730, quantity: 3 });
 * s.windowsCost; // => { currency: 'USD', minor: 42048 }
 * s.saving; // => { currency: 'USD', minor: 21024 }
 * s.ratio; // => '0.5'
 * azureHybridBenefitSaving({ currency: 'EUR', windowsRate: '0.3', baseRate: '0.2' }).ratio; // => '0.333333333333…'
 * ```
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @see https://learn.microsoft.com/windows-server/get-started/azure-hybrid-benefit
 * @category Activation
 */
export function azureHybridBenefitSaving(input: HybridBenefitSavingInput): HybridBenefitSaving {
  const i = asRecord(input, 'input');
  const currency = i['currency'] as string;
  const windows = toScaledDecimal(i['windowsRate'], 'windowsRate');
  const base = toScaledDecimal(i['baseRate'], 'baseRate');
  const hours = toScaledDecimal(i['hours'] ?? 1, 'hours');
  const quantity = parseQuantity(i['quantity'] ?? 1, 'quantity');
  const rounding = parseRoundingMode(i['rounding'] ?? 'half_even');
  // Common scale, so the rates compare and subtract as integers.
  const scale = Math.max(windows.scale, base.scale);
  const w = windows.units * 10n ** BigInt(scale - windows.scale);
  const b = base.units * 10n ** BigInt(scale - base.scale);
  if (b < 0n) fail('invalid_range', 'baseRate', 'baseRate: must not be negative');
  if (w <= 0n) fail('invalid_range', 'windowsRate', 'windowsRate: must be above zero');
  if (b > w) {
    fail(
      'invalid_range',
      'baseRate',
      'baseRate: the Windows rate includes the base compute rate, so it cannot be lower',
    );
  }
  if (hours.units < 0n) fail('invalid_range', 'hours', 'hours: must not be negative');
  const factor = hours.units * BigInt(quantity);
  const costScale = scale + hours.scale;
  const cost = (rate: bigint): Money =>
    moneyFromDecimal(currency, formatScaled(rate * factor, costScale), rounding);
  const windowsCost = cost(w);
  const baseCost = cost(b);
  return {
    windowsCost,
    baseCost,
    saving: subtractMoney(windowsCost, baseCost),
    ratio: quotientText(w - b, w, 12),
    rules: [policyAt(AZURE_HYBRID_BENEFIT_POLICY, undefined).rule],
  };
}
