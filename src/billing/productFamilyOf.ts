/**
 * Recognising a product family from a Partner Center product title.
 * @module
 */
import { describeType, fail } from '../core/internal.js';
import { PRODUCT_FAMILIES, type ProductFamily } from './policy.js';

const YEAR_RE = /(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])/g;
const RDS_RE = /\bremote[\s-]*desktop\b|\brds\b/;
const CAL_RE = /\bcals?\b|\bclient\s+access\s+licen[cs]es?\b/;
const NOT_A_CAL_RE = /\bexternal\s+connector\b/;

/**
 * The product family of a Partner Center product title, or `undefined` when
 * the title belongs to no family in {@link PRODUCT_FAMILIES}.
 *
 * Windows Server 2022 Remote Desktop Services CALs
 * ({@link PRODUCT_FAMILIES}`.rdsCal2022`) are recognised whatever the wording
 * ("Windows Server 2022 Remote Desktop Services - 1 User CAL", "... - 1 Device
 * CAL", "Windows Remote Desktop Server CAL 2022", "Windows Server 2022 - RDS
 * User CAL", "Client Access License" spelled out; any case and spacing): the
 * title must name Remote Desktop (or RDS), a CAL, and the year 2022 and no
 * other year. Not matched: RDS CALs of other versions (2019, 2025), Windows
 * Server 2022 CALs that are not RDS, the RDS External Connector (a licence, not
 * a CAL: our reading), and other 2022 products (SQL Server 2022, Windows
 * Server 2022 Standard).
 *
 * @param title - The product (or SKU) title as Partner Center shows it.
 * @returns The family id, or `undefined`.
 * @throws {@link core!CspRuleError} `invalid_input` when `title` is not a string.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { productFamilyOf } from 'csp-software-rules/billing';
 *
 * productFamilyOf('Windows Server 2022 Remote Desktop Services - 1 User CAL'); // => 'windows-rds-cal-2022'
 * productFamilyOf('Windows Remote Desktop Server CAL 2022'); // => 'windows-rds-cal-2022'
 * productFamilyOf('Windows Server 2019 Remote Desktop Services - 1 User CAL'); // => undefined
 * productFamilyOf('Windows Server 2022 - 1 User CAL'); // => undefined
 * productFamilyOf('SQL Server 2022 Standard'); // => undefined
 * ```
 * @category Billing
 */
export function productFamilyOf(title: string): ProductFamily | undefined {
  if (typeof title !== 'string') {
    fail('invalid_input', 'title', `title: expected a string, got ${describeType(title)}`);
  }
  const t = title.toLowerCase();
  const years = t.match(YEAR_RE);
  if (years === null || years.some((y) => y !== '2022')) return undefined;
  if (!RDS_RE.test(t) || !CAL_RE.test(t) || NOT_A_CAL_RE.test(t)) return undefined;
  return PRODUCT_FAMILIES.rdsCal2022;
}
