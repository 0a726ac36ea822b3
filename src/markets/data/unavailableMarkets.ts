/**
 * The markets where Azure reservations are not sold, with their names. Kept
 * apart from the codes (`codes.ts`) so a bundle that only checks codes does
 * not ship 109 names in two languages.
 * @module
 */
import type { CalendarDay } from '../../core/index.js';
import { frozen } from '../../core/internal.js';
import { MARKETS_LISTED_AS_OF, MARKETS_SOURCE } from '../listing.js';
import type { IsoRegionCode, PartnerCenterOnlyCode } from './codes.js';

/**
 * One place on Microsoft's list of markets where Azure reservations are not
 * available.
 * @category Markets
 */
export interface UnavailableMarket {
  /** Its ISO 3166-1 alpha-2 code (`XK` for Kosovo; Bonaire, Saba and Sint Eustatius share `BQ`). */
  readonly iso: IsoRegionCode;
  /** Partner Center's own code, only where it differs from `iso`: Saba `XS`, Sint Eustatius `XE`, Jan Mayen `XJ`. */
  readonly partnerCenterCode?: PartnerCenterOnlyCode;
  /** The English name, as Microsoft's English page writes it. */
  readonly en: string;
  /** The Italian name, exactly as Microsoft's Italian page writes it. */
  readonly it: string;
}

/**
 * A list of markets taken from a Microsoft page, with its source and the day it was checked.
 * @category Markets
 */
export interface MarketListing<T> {
  /** The Microsoft page (URL) the list comes from. */
  readonly source: string;
  /** The day the list was last checked against that page (`YYYY-MM-DD`). */
  readonly listedAsOf: CalendarDay;
  /** The listed markets, in the page's order. */
  readonly markets: readonly T[];
}

/**
 * The 109 markets where Azure reservations are not available (S1), in the
 * page's order (its three columns read top to bottom). They have 106 distinct
 * ISO codes: Bonaire, Saba and Sint Eustatius are all `BQ`, Svalbard and Jan
 * Mayen both `SJ`. Partner Center's codes (`partnerCenterCode ?? iso`) are
 * unique. Not listed, though easy to confuse with listed places: the US Virgin
 * Islands (`VI`), Curaçao (`CW`), Saint Kitts and Nevis (`KN`).
 *
 * Microsoft's REST page "Purchase Azure reservations" prints a different list
 * (it also names Brazil and Russia, and not Azerbaijan); we follow S1.
 *
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { AZURE_RESERVATIONS_UNAVAILABLE } from 'csp-software-rules/markets';
 *
 * AZURE_RESERVATIONS_UNAVAILABLE.markets.length; // => 109
 * AZURE_RESERVATIONS_UNAVAILABLE.markets.find((m) => m.partnerCenterCode === 'XJ'); // => { iso: 'SJ', partnerCenterCode: 'XJ', en: 'Jan Mayen', it: 'Jan Mayen' }
 * ```
 * @category Markets
 */
export const AZURE_RESERVATIONS_UNAVAILABLE: MarketListing<UnavailableMarket> =
  /* @__PURE__ */ frozen({
    source: MARKETS_SOURCE,
    listedAsOf: MARKETS_LISTED_AS_OF,
    markets: [
      { iso: 'AX', en: 'Aland Islands', it: 'Isole Åland' },
      { iso: 'AS', en: 'American Samoa', it: 'Samoa americane' },
      { iso: 'AD', en: 'Andorra', it: 'Andorra' },
      { iso: 'AI', en: 'Anguilla', it: 'Anguilla' },
      { iso: 'AQ', en: 'Antarctica', it: 'Antartide' },
      { iso: 'AG', en: 'Antigua and Barbuda', it: 'Antigua e Barbuda' },
      { iso: 'AW', en: 'Aruba', it: 'Aruba' },
      { iso: 'AZ', en: 'Azerbaijan', it: 'Azerbaigian' },
      { iso: 'BJ', en: 'Benin', it: 'Benin' },
      { iso: 'BT', en: 'Bhutan', it: 'Bhutan' },
      { iso: 'BQ', en: 'Bonaire', it: 'Bonaire' },
      { iso: 'BV', en: 'Bouvet Island', it: 'Isola Bouvet' },
      {
        iso: 'IO',
        en: 'British Indian Ocean Territory',
        it: 'Territorio britannico dell’Oceano Indiano',
      },
      { iso: 'VG', en: 'British Virgin Islands', it: 'Isole Vergini Britanniche' },
      { iso: 'BF', en: 'Burkina Faso', it: 'Burkina Faso' },
      { iso: 'BI', en: 'Burundi', it: 'Burundi' },
      { iso: 'KH', en: 'Cambodia', it: 'Cambogia' },
      { iso: 'CF', en: 'Central African Republic', it: 'Repubblica Centrafricana' },
      { iso: 'TD', en: 'Chad', it: 'Ciad' },
      { iso: 'CN', en: 'China', it: 'Cina' },
      { iso: 'CX', en: 'Christmas Island', it: 'Isola Christmas' },
      { iso: 'CC', en: 'Cocos (Keeling) Islands', it: 'Isole Cocos (Keeling)' },
      { iso: 'KM', en: 'Comoros', it: 'Comore' },
      { iso: 'CG', en: 'Congo', it: 'Congo' },
      { iso: 'CD', en: 'Congo (DRC)', it: 'Congo (RDC)' },
      { iso: 'CK', en: 'Cook Islands', it: 'Isole Cook' },
      { iso: 'DJ', en: 'Djibouti', it: 'Gibuti' },
      { iso: 'DM', en: 'Dominica', it: 'Dominica' },
      { iso: 'GQ', en: 'Equatorial Guinea', it: 'Guinea Equatoriale' },
      { iso: 'ER', en: 'Eritrea', it: 'Eritrea' },
      { iso: 'FK', en: 'Falkland Islands', it: 'Isole Falkland' },
      { iso: 'GF', en: 'French Guiana', it: 'Guyana francese' },
      { iso: 'PF', en: 'French Polynesia', it: 'Polinesia Francese' },
      { iso: 'TF', en: 'French Southern Territories', it: 'Terre australi francesi' },
      { iso: 'GA', en: 'Gabon', it: 'Gabon' },
      { iso: 'GM', en: 'Gambia', it: 'Gambia' },
      { iso: 'GI', en: 'Gibraltar', it: 'Gibilterra' },
      { iso: 'GL', en: 'Greenland', it: 'Groenlandia' },
      { iso: 'GD', en: 'Grenada', it: 'Grenada' },
      { iso: 'GP', en: 'Guadeloupe', it: 'Guadalupa' },
      { iso: 'GU', en: 'Guam', it: 'Guam' },
      { iso: 'GG', en: 'Guernsey', it: 'Guernsey' },
      { iso: 'GN', en: 'Guinea', it: 'Guinea' },
      { iso: 'GW', en: 'Guinea-Bissau', it: 'Guinea-Bissau' },
      { iso: 'GY', en: 'Guyana', it: 'Guyana' },
      { iso: 'HT', en: 'Haiti', it: 'Haiti' },
      { iso: 'HM', en: 'Heard Island and McDonald Islands', it: 'Heard e McDonald' },
      { iso: 'IM', en: 'Isle of Man', it: 'Isola di Man' },
      { iso: 'SJ', partnerCenterCode: 'XJ', en: 'Jan Mayen', it: 'Jan Mayen' },
      { iso: 'JE', en: 'Jersey', it: 'Jersey' },
      { iso: 'KI', en: 'Kiribati', it: 'Kiribati' },
      { iso: 'XK', en: 'Kosovo', it: 'Kosovo' },
      { iso: 'LA', en: 'Laos', it: 'Laos' },
      { iso: 'LS', en: 'Lesotho', it: 'Lesotho' },
      { iso: 'LR', en: 'Liberia', it: 'Liberia' },
      { iso: 'MG', en: 'Madagascar', it: 'Madagascar' },
      { iso: 'MW', en: 'Malawi', it: 'Malawi' },
      { iso: 'MV', en: 'Maldives', it: 'Maldive' },
      { iso: 'ML', en: 'Mali', it: 'Mali' },
      { iso: 'MH', en: 'Marshall Islands', it: 'Isole Marshall' },
      { iso: 'MQ', en: 'Martinique', it: 'Martinica' },
      { iso: 'MR', en: 'Mauritania', it: 'Mauritania' },
      { iso: 'YT', en: 'Mayotte', it: 'Mayotte' },
      { iso: 'FM', en: 'Micronesia', it: 'Micronesia' },
      { iso: 'MS', en: 'Montserrat', it: 'Montserrat' },
      { iso: 'MZ', en: 'Mozambique', it: 'Mozambico' },
      { iso: 'MM', en: 'Myanmar', it: 'Myanmar' },
      { iso: 'NR', en: 'Nauru', it: 'Nauru' },
      { iso: 'NC', en: 'New Caledonia', it: 'Nuova Caledonia' },
      { iso: 'NE', en: 'Niger', it: 'Niger' },
      { iso: 'NU', en: 'Niue', it: 'Niue' },
      { iso: 'NF', en: 'Norfolk Island', it: 'Isola Norfolk' },
      { iso: 'MP', en: 'Northern Mariana Islands', it: 'Isole Marianne settentrionali' },
      { iso: 'PW', en: 'Palau', it: 'Palau' },
      { iso: 'PG', en: 'Papua New Guinea', it: 'Papua Nuova Guinea' },
      { iso: 'PN', en: 'Pitcairn Islands', it: 'Isole Pitcairn' },
      { iso: 'RE', en: 'Reunion', it: 'Riunione' },
      { iso: 'BQ', partnerCenterCode: 'XS', en: 'Saba', it: 'Saba' },
      { iso: 'BL', en: 'Saint Barthélemy', it: 'Saint Barthélemy' },
      { iso: 'LC', en: 'Saint Lucia', it: 'Saint Lucia' },
      { iso: 'MF', en: 'Saint Martin', it: 'Saint Martin' },
      { iso: 'PM', en: 'Saint Pierre and Miquelon', it: 'Saint Pierre e Miquelon' },
      { iso: 'VC', en: 'Saint Vincent and the Grenadines', it: 'Saint Vincent e Grenadine' },
      { iso: 'WS', en: 'Samoa', it: 'Samoa' },
      { iso: 'SM', en: 'San Marino', it: 'San Marino' },
      { iso: 'ST', en: 'São Tomé and Príncipe', it: 'São Tomé e Príncipe' },
      { iso: 'SC', en: 'Seychelles', it: 'Seychelles' },
      { iso: 'SL', en: 'Sierra Leone', it: 'Sierra Leone' },
      { iso: 'BQ', partnerCenterCode: 'XE', en: 'Sint Eustatius', it: 'Sint Eustatius' },
      { iso: 'SX', en: 'Sint Maarten', it: 'Sint Maarten' },
      { iso: 'SB', en: 'Solomon Islands', it: 'Isole Salomone' },
      { iso: 'SO', en: 'Somalia', it: 'Somalia' },
      {
        iso: 'GS',
        en: 'South Georgia and South Sandwich Islands',
        it: 'Georgia del Sud e Isole Sandwich Australi',
      },
      { iso: 'SS', en: 'South Sudan', it: 'Sud Sudan' },
      {
        iso: 'SH',
        en: 'St Helena, Ascension, Tristan da Cunha',
        it: 'Sant’Elena, Ascensione, Tristan da Cunha',
      },
      { iso: 'SR', en: 'Suriname', it: 'Suriname' },
      { iso: 'SJ', en: 'Svalbard', it: 'Svalbard' },
      { iso: 'SZ', en: 'Swaziland', it: 'Swaziland' },
      { iso: 'TL', en: 'Timor-Leste', it: 'Timor Leste' },
      { iso: 'TG', en: 'Togo', it: 'Togo' },
      { iso: 'TK', en: 'Tokelau', it: 'Tokelau' },
      { iso: 'TO', en: 'Tonga', it: 'Tonga' },
      { iso: 'TC', en: 'Turks and Caicos Islands', it: 'Isole Turks e Caicos' },
      { iso: 'TV', en: 'Tuvalu', it: 'Tuvalu' },
      {
        iso: 'UM',
        en: 'U.S. Outlying Islands',
        it: 'Stati Uniti Altre isole americane del Pacifico',
      },
      { iso: 'VU', en: 'Vanuatu', it: 'Vanuatu' },
      { iso: 'VA', en: 'Vatican City', it: 'Città del Vaticano' },
      { iso: 'WF', en: 'Wallis and Futuna', it: 'Wallis e Futuna' },
      { iso: 'YE', en: 'Yemen', it: 'Yemen' },
    ],
  });
