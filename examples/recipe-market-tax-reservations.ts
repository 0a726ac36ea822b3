// Recipe: "Is this market tax-inclusive, can I sell Azure reservations there?"
// A partner's CRM holds each customer's country as ISO 3166-1 or as Partner
// Center writes it; before quoting, the sales tool checks both rules and logs
// why. (csp-software-rules/markets)
import { isCspRuleError } from 'csp-software-rules/core';
import {
  AZURE_RESERVATIONS_UNAVAILABLE,
  azureReservationAvailability,
  isAzureReservationAvailable,
  marketName,
  parseMarket,
  pricesIncludeTax,
  taxInclusivePricing,
} from 'csp-software-rules/markets';

const customers = [
  { name: 'Rossi S.r.l.', market: 'IT' },
  { name: 'Outback Tools Pty Ltd', market: 'AU' },
  { name: 'Loja Paulista Ltda', market: 'br' },
  { name: 'Saba Dive Center', market: 'XS' },
  { name: 'Shanghai Trading Co.', market: 'CN' },
  { name: 'St. Thomas Marine', market: 'VI' },
  { name: 'Tortola Yachts', market: 'VG' },
];

// Prices include tax only in Australia and Brazil; reservations are sold
// everywhere except the 109 places Microsoft lists (the US Virgin Islands are
// not on the list, the British ones are).
const check = (c: { name: string; market: string }) => [
  c.name,
  pricesIncludeTax(c.market),
  isAzureReservationAvailable(c.market),
];
customers.map(check); // => [['Rossi S.r.l.', false, true], ['Outback Tools Pty Ltd', true, true], ['Loja Paulista Ltda', true, true], ['Saba Dive Center', false, false], ['Shanghai Trading Co.', false, false], ['St. Thomas Marine', false, true], ['Tortola Yachts', false, false]]

// Saba: Partner Center writes XS, ISO has it under BQ with Bonaire and Sint Eustatius.
parseMarket('XS'); // => { market: 'BQ', partnerCenterCode: 'XS' }
marketName('XS', 'it'); // => 'Saba'
marketName('VG', 'it'); // => 'Isole Vergini Britanniche'

// The decision forms, for the audit log: the reason, the rule and its source.
const saba = azureReservationAvailability('XS');
saba.reasons; // => [{ code: 'reservations_not_sold_in_market', market: 'BQ', partnerCenterCode: 'XS' }]
saba.rules.map((r) => r.id); // => ['markets.azure_reservations_unavailable']
const brazil = taxInclusivePricing('br');
[brazil.allowed, brazil.pricesIncludeTax, brazil.market]; // => [true, true, 'BR']
taxInclusivePricing('IT').reasons; // => [{ code: 'prices_exclude_tax', market: 'IT' }]

// The list itself: 109 places, 106 ISO codes.
AZURE_RESERVATIONS_UNAVAILABLE.markets.length; // => 109
new Set(AZURE_RESERVATIONS_UNAVAILABLE.markets.map((m) => m.iso)).size; // => 106

// A code neither system assigns (the United Kingdom is GB) is an error naming
// it, never a silent answer.
isAzureReservationAvailable('GB'); // => true
isAzureReservationAvailable('UK'); // => throws unknown_market
function problemOf(check: () => unknown): string {
  try {
    check();
    return 'none';
  } catch (e) {
    return isCspRuleError(e) ? `${e.code} in ${e.field}` : String(e);
  }
}
problemOf(() => pricesIncludeTax('EU')); // => 'unknown_market in market'
