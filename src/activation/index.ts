/**
 * Licensing and activation: when a device's KMS activation lapses,
 * where each device of a fleet stands, a KMS-to-MAK migration plan that saves
 * as many devices as any schedule can, the `slmgr.vbs` runbook, the methods
 * each channel offers (MAK only in CSP), and Azure Hybrid Benefit.
 *
 * @packageDocumentation
 * @module activation
 */
export {
  type ActivationMethodFacts,
  type ActivationMethodOptions,
  type ActivationMethodReason,
  activationMethodFor,
} from './activationMethodFor.js';
export {
  azureHybridBenefitEligibility,
  azureHybridBenefitSaving,
  type HybridBenefitFacts,
  type HybridBenefitLicense,
  type HybridBenefitReason,
  type HybridBenefitSaving,
  type HybridBenefitSavingInput,
} from './azureHybridBenefit.js';
export type { Device, DeviceStatus } from './device.js';
export {
  type DeviceActivationStatus,
  type DeviceActivationStatusOptions,
  deviceActivationStatus,
} from './deviceActivationStatus.js';
export {
  type KmsActivationExpiry,
  type KmsActivationExpiryInput,
  kmsActivationExpiry,
} from './kmsActivationExpiry.js';
export {
  type MakRunbook,
  type MakRunbookOptions,
  type MakRunbookStep,
  makRunbook,
} from './makRunbook.js';
export {
  type MakLapse,
  type MakMigrationPlan,
  type MakMigrationWarning,
  type MakScheduleDay,
  type PlanMakMigrationOptions,
  planMakMigration,
} from './planMakMigration.js';
export {
  ACTIVATION_CHANNEL_POLICY,
  type ActivationChannel,
  type ActivationMethod,
  AZURE_HYBRID_BENEFIT_POLICY,
  type ChannelMethods,
  type HybridBenefitEditionRule,
  type HybridBenefitLicenseUse,
  type HybridBenefitTerms,
  KMS_ACTIVATION_POLICY,
  KMS_ACTIVATION_VALIDITY_DAYS,
  KMS_RENEWAL_INTERVAL_DAYS,
  KMS_RETRY_INTERVAL_HOURS,
  type KmsTimings,
  type WindowsServerEdition,
} from './policy.js';
