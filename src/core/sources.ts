/**
 * Microsoft's documents every rule cites.
 * @module
 */
import { frozen } from './frozen.js';

/**
 * A Microsoft document a rule is taken from.
 * @category Policy
 */
export interface Source {
  /** Short id used across the docs (`S1` ... `S8`). */
  readonly id: string;
  /** The document's title. */
  readonly title: string;
  /** Its address on Microsoft Learn. */
  readonly url: string;
}

/**
 * Short ids of the Microsoft documents rules cite (S1-S8, S9 Azure Hybrid
 * Benefit, S10 subscription lifecycle states, S11-S13 reconciliation files).
 * @category Policy
 */
export type SourceId =
  | 'S1'
  | 'S2'
  | 'S3'
  | 'S4'
  | 'S5'
  | 'S6'
  | 'S7'
  | 'S8'
  | 'S9'
  | 'S10'
  | 'S11'
  | 'S12'
  | 'S13';

/** @internal The URL of S1 (a policy cites it without pulling in every source's title). */
export const S1_URL =
  'https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions';
/** @internal The URL of S2 (a policy cites it without pulling in every source's title). */
export const S2_URL =
  'https://learn.microsoft.com/partner-center/customers/new-commerce-cancellation-policy';
/** @internal The URL of S3 (a policy cites it without pulling in every source's title). */
export const S3_URL =
  'https://learn.microsoft.com/partner-center/billing/common-billing-scenarios-onetime-recurring';
/** @internal The URL of S4 (a policy cites it without pulling in every source's title). */
export const S4_URL = 'https://learn.microsoft.com/partner-center/developer/subscription-resources';
/** @internal The URL of S5 (a policy cites it without pulling in every source's title). */
export const S5_URL =
  'https://learn.microsoft.com/partner-center/developer/cancel-software-purchases';
/** @internal The URL of S6 (a policy cites it without pulling in every source's title). */
export const S6_URL =
  'https://learn.microsoft.com/windows/deployment/volume-activation/activate-windows-10-clients-vamt';
/** @internal The URL of S7 (a policy cites it without pulling in every source's title). */
export const S7_URL =
  'https://learn.microsoft.com/windows-server/get-started/activation-slmgr-vbs-options';
/** @internal The URL of S8 (a policy cites it without pulling in every source's title). */
export const S8_URL = 'https://learn.microsoft.com/partner-center/billing/billing-basics';
/** @internal The URL of S9 (a policy cites it without pulling in every source's title). */
export const S9_URL = 'https://learn.microsoft.com/windows-server/get-started/azure-hybrid-benefit';
/** @internal The URL of S10 (a policy cites it without pulling in every source's title). */
export const S10_URL =
  'https://learn.microsoft.com/partner-center/customers/subscription-lifecycle';
/** @internal The URL of S11: the charge types of the reconciliation file. */
export const S11_URL = 'https://learn.microsoft.com/partner-center/billing/recon-file-charge-types';
/** @internal The URL of S12: Graph's billed reconciliation export (gzip JSON lines). */
export const S12_URL =
  'https://learn.microsoft.com/graph/api/partners-billing-billedreconciliation-export';
/** @internal The URL of S13: the new commerce reconciliation file's fields (Subtotal's formula). */
export const S13_URL =
  'https://learn.microsoft.com/partner-center/billing/modern-invoice-reconciliation-file';

/**
 * The Microsoft documents the rules come from, by short id.
 *
 * @example
 * ```ts
 * import { SOURCES } from 'csp-software-rules/core';
 *
 * SOURCES.S2.title; // => 'New commerce cancellation policy'
 * ```
 * @category Policy
 */
export const SOURCES: Readonly<Record<SourceId, Source>> = /* @__PURE__ */ frozen({
  S1: {
    id: 'S1',
    title: 'Sell software subscriptions through the Cloud Solution Provider (CSP) program',
    url: S1_URL,
  },
  S2: {
    id: 'S2',
    title: 'New commerce cancellation policy',
    url: S2_URL,
  },
  S3: {
    id: 'S3',
    title: 'Billing scenarios for one-time and recurring purchases (new commerce)',
    url: S3_URL,
  },
  S4: {
    id: 'S4',
    title: 'Subscription resources (REST)',
    url: S4_URL,
  },
  S5: {
    id: 'S5',
    title: 'Cancel software purchases (REST)',
    url: S5_URL,
  },
  S6: {
    id: 'S6',
    title: 'Activate using Key Management Service (Windows)',
    url: S6_URL,
  },
  S7: {
    id: 'S7',
    title: 'Slmgr.vbs options for obtaining volume activation information',
    url: S7_URL,
  },
  S8: {
    id: 'S8',
    title: 'Billing overview (invoices, billing period)',
    url: S8_URL,
  },
  S9: {
    id: 'S9',
    title: 'Azure Hybrid Benefit for Windows Server',
    url: S9_URL,
  },
  S10: {
    id: 'S10',
    title: 'Subscription lifecycle states (08/04/2023)',
    url: S10_URL,
  },
  S11: {
    id: 'S11',
    title: 'Charge types in Partner Center reconciliation files (11/08/2022)',
    url: S11_URL,
  },
  S12: {
    id: 'S12',
    title: 'Export billed reconciliation data (Microsoft Graph, compressedJSONLines)',
    url: S12_URL,
  },
  S13: {
    id: 'S13',
    title: 'New commerce invoice reconciliation file fields',
    url: S13_URL,
  },
});
