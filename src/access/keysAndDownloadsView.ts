/**
 * What Partner Center's "Keys and downloads" page shows for a product.
 * @module
 */
import { asRecord, denseList, fail, frozen, oneOf, optionalBoolean } from '../core/internal.js';

/**
 * How a product is delivered:
 * - `software`: product keys and/or downloads (the default);
 * - `service_license`: a licence to use a service, with no key and no download;
 * - `extended_security_updates`: Extended Security Updates (ESU), whose page
 *   shows a link to installation instructions instead of keys and downloads.
 * @category Access
 */
export type ProductDelivery = 'software' | 'service_license' | 'extended_security_updates';

/**
 * Every {@link ProductDelivery}.
 *
 * @example
 * ```ts
 * import { PRODUCT_DELIVERIES } from 'csp-software-rules/access';
 *
 * PRODUCT_DELIVERIES.length; // => 3
 * ```
 * @category Access
 */
export const PRODUCT_DELIVERIES = /* @__PURE__ */ frozen([
  'software',
  'service_license',
  'extended_security_updates',
] as const satisfies readonly ProductDelivery[]);

/**
 * A product on the customer's Software page, as far as the keys-and-downloads
 * view needs it. Any other field (a `productKey`, ids, ...) is ignored: it is
 * never read, copied into the view or repeated in an error.
 * @category Access
 */
export interface KeysAndDownloadsProduct {
  /** The product name Partner Center shows. */
  readonly name: string;
  /** How it is delivered; omitted = `'software'`. */
  readonly delivery?: ProductDelivery;
  /** Versions offered (the Version selector); omitted or empty = not supported, selector hidden. */
  readonly versions?: readonly string[];
  /** Languages offered (the Language selector); omitted or empty = hidden. */
  readonly languages?: readonly string[];
  /** File types / operating systems offered (the "File type and OS" selector); omitted or empty = hidden. */
  readonly fileTypes?: readonly string[];
  /**
   * Whether it has product keys. Omitted = `true` for `software`, `false`
   * otherwise; `true` is refused for a `service_license`, and allowed for
   * ESU (a key shown beside the installation instructions).
   */
  readonly deliversKeys?: boolean;
  /** Whether it has downloads. Omitted, and allowed values, as {@link KeysAndDownloadsProduct.deliversKeys}. */
  readonly deliversDownloads?: boolean;
  /** Any other field, ignored. */
  readonly [field: string]: unknown;
}

/**
 * Which selectors the page shows.
 * @category Access
 */
export interface KeysAndDownloadsSelectors {
  /** The Version selector. */
  readonly version: boolean;
  /** The Language selector. */
  readonly language: boolean;
  /** The "File type and OS" selector. */
  readonly fileType: boolean;
}

/**
 * The options of each shown selector (empty for a hidden one), in input
 * order without duplicates.
 * @category Access
 */
export interface KeysAndDownloadsOptions {
  /** Versions to offer. */
  readonly versions: readonly string[];
  /** Languages to offer. */
  readonly languages: readonly string[];
  /** File types / operating systems to offer. */
  readonly fileTypes: readonly string[];
}

/**
 * What the keys-and-downloads page shows for a product.
 * @category Access
 */
export interface KeysAndDownloadsView {
  /** The product's name. */
  readonly productName: string;
  /** How it is delivered. */
  readonly delivery: ProductDelivery;
  /** Whether the product has a product key to retrieve. */
  readonly hasKeys: boolean;
  /** Whether the product has software to download. */
  readonly hasDownloads: boolean;
  /** Whether it has keys or downloads at all (`false` for a licence to a service). */
  readonly hasKeysOrDownloads: boolean;
  /** Whether installation instructions replace keys and downloads (Extended Security Updates). */
  readonly installationInstructions: boolean;
  /**
   * Whether "Generate keys and downloads" is offered at all (keys, downloads
   * or instructions). When it is, the user needs the `getKeysAndDownloads`
   * permission (Admin agent): check it with `authorize`.
   */
  readonly generate: boolean;
  /** Which selectors are shown (never any when `generate` is `false`). */
  readonly selectors: KeysAndDownloadsSelectors;
  /** The options of the shown selectors. */
  readonly options: KeysAndDownloadsOptions;
}

const NONE: readonly string[] = Object.freeze([]);

/** A selector lists a product's versions, languages or file types: tens, not millions. */
const MAX_OPTIONS = 1000;

function readOptions(input: unknown, field: string): readonly string[] {
  if (input === undefined) return NONE;
  if (!Array.isArray(input)) fail('invalid_input', field, `${field}: expected an array of strings`);
  const out: string[] = [];
  denseList(input, field, MAX_OPTIONS).forEach((v: unknown, i) => {
    if (typeof v !== 'string' || v.trim() === '') {
      fail('invalid_input', `${field}[${i}]`, `${field}[${i}]: expected a non-empty string`);
    }
    if (!out.includes(v)) out.push(v);
  });
  return out;
}

/**
 * What Partner Center's keys-and-downloads page shows for a product: which
 * selectors (Version, Language, "File type and OS"), whether there are keys
 * or downloads at all, and whether installation instructions replace them.
 *
 * Our reading of S1, which says language and file type/OS are "hidden" for
 * products that do not support them: a selector is shown when the product
 * lists at least one option for it (the Version selector follows the same
 * rule), and only when there is something to generate. A `service_license`
 * has nothing: no keys, no downloads, no selectors. Extended Security Updates
 * show their selectors (S1's ESU steps still pick version, language and file
 * type) and a link to installation instructions instead of keys and downloads.
 *
 * @param product - `{ name, kind?, versions?, languages?, fileTypes?, deliversKeys?, deliversDownloads? }`.
 * @returns The view.
 * @throws {@link core!CspRuleError} `invalid_input` when `product` is not an
 *   object, `name` is not a non-empty string, `kind` is not a
 *   {@link ProductDelivery}, a list is not an array of non-empty strings, a
 *   flag is not a boolean, or a `service_license` claims keys or downloads.
 *   No product value is repeated in the message.
 * @example
 * ```ts
 * import { keysAndDownloadsView } from 'csp-software-rules/access';
 *
 * const sql = keysAndDownloadsView({
 *   name: 'SQL Server 2019 Standard',
 *   versions: ['2019'],
 *   languages: ['English', 'Italian'],
 * });
 * sql.selectors; // => { version: true, language: true, fileType: false }
 * sql.hasKeys; // => true
 * keysAndDownloadsView({ name: 'Azure DevOps', delivery: 'service_license' }).hasKeysOrDownloads; // => false
 * keysAndDownloadsView({ name: 'Windows Server 2012 ESU', delivery: 'extended_security_updates' }).installationInstructions; // => true
 * ```
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @category Access
 */
export function keysAndDownloadsView(product: KeysAndDownloadsProduct): KeysAndDownloadsView {
  const r = asRecord(product, 'product');
  const name = r['name'];
  if (typeof name !== 'string' || name.trim() === '') {
    fail('invalid_input', 'product.name', 'product.name: expected a non-empty string');
  }
  const kind =
    r['delivery'] === undefined
      ? 'software'
      : oneOf(r['delivery'], PRODUCT_DELIVERIES, 'product.delivery');
  const keysFlag = optionalBoolean(r['deliversKeys'], 'product.deliversKeys');
  const downloadsFlag = optionalBoolean(r['deliversDownloads'], 'product.deliversDownloads');
  const versions = readOptions(r['versions'], 'product.versions');
  const languages = readOptions(r['languages'], 'product.languages');
  const fileTypes = readOptions(r['fileTypes'], 'product.fileTypes');
  if (kind === 'service_license') {
    if (keysFlag === true) {
      fail(
        'invalid_input',
        'product.deliversKeys',
        'product.deliversKeys: a service-license product has no product key',
      );
    }
    if (downloadsFlag === true) {
      fail(
        'invalid_input',
        'product.deliversDownloads',
        'product.deliversDownloads: a service-license product has no download',
      );
    }
  }
  const hasKeys = keysFlag ?? kind === 'software';
  const hasDownloads = downloadsFlag ?? kind === 'software';
  const installationInstructions = kind === 'extended_security_updates';
  const generate = hasKeys || hasDownloads || installationInstructions;
  const shown = (list: readonly string[]): readonly string[] =>
    generate && list.length > 0 ? list : NONE;
  const options = {
    versions: shown(versions),
    languages: shown(languages),
    fileTypes: shown(fileTypes),
  };
  return {
    productName: name,
    delivery: kind,
    hasKeys,
    hasDownloads,
    hasKeysOrDownloads: hasKeys || hasDownloads,
    installationInstructions,
    generate,
    selectors: {
      version: options.versions.length > 0,
      language: options.languages.length > 0,
      fileType: options.fileTypes.length > 0,
    },
    options,
  };
}
