/**
 * The purchase-date rule: what Partner Center shows for software
 * subscriptions and whether they renew by default, by purchase date. The
 * table lives in core, beside the lifecycle engine the other areas share.
 * @module
 */
export {
  checkedPurchaseDatePolicy,
  PURCHASE_DATE_POLICY,
  type PurchaseDateRule,
} from '../core/internal.js';
