/**
 * Roles and permissions (who may buy, get keys, cancel, switch autorenew, set
 * the billing frequency, read the activity log), the key-access and download
 * activity log, and the keys-and-downloads view.
 *
 * Product keys are high-value secrets: nothing here logs or stringifies one,
 * and no error message, field or detail ever contains one, even when a key
 * is passed in the wrong field.
 *
 * @packageDocumentation
 * @module access
 */
export {
  ACTIVITY_TYPES,
  type ActivityLogEntry,
  type ActivityLogQuery,
  type ActivityLogQueryInput,
  type ActivityType,
  activityLogQuery,
  filterActivityLog,
} from './activityLog.js';
export {
  type AuthorizationDecision,
  type AuthorizationFacts,
  type AuthorizeOptions,
  authorize,
  hasPermission,
  type MissingRoleReason,
} from './authorize.js';
export {
  type KeysAndDownloadsOptions,
  type KeysAndDownloadsProduct,
  type KeysAndDownloadsSelectors,
  type KeysAndDownloadsView,
  keysAndDownloadsView,
  PRODUCT_DELIVERIES,
  type ProductDelivery,
} from './keysAndDownloadsView.js';
export { parseRole } from './parseRole.js';
export { PERMISSIONS, type PermissionTable } from './policy.js';
export { ACTIONS, type Action, ROLE_DISPLAY_NAMES, ROLES, type Role } from './vocabulary.js';
