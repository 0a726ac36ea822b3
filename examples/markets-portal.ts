// A partner portal's checkout page asks, for the customer's country as
// Partner Center stores it, whether it may offer Azure reservations and whether
// the prices it shows already include tax; it logs the decision when it says no.
import {
  azureReservationAvailability,
  isAzureReservationAvailable,
  marketName,
  pricesIncludeTax,
  taxInclusivePricing,
} from 'csp-software-rules/markets';

// Codes come as Partner Center writes them, in any case, sometimes padded.
const customers = [
  { name: 'Contoso Italia', country: 'it' },
  { name: 'Fabrikam Saba', country: ' XS ' },
  { name: 'Northwind Sydney', country: 'AU' },
];

customers.map((c) => isAzureReservationAvailable(c.country)); // => [true, false, true]
customers.map((c) => pricesIncludeTax(c.country)); // => [false, false, true]

// The checkout banner, in the customer's language.
function reservationsBanner(country: string): string {
  const decision = azureReservationAvailability(country);
  return decision.allowed
    ? ''
    : `Prenotazioni di Azure non disponibili: ${marketName(decision.partnerCenterCode, 'it')}`;
}
reservationsBanner(' XS '); // => 'Prenotazioni di Azure non disponibili: Saba'
reservationsBanner('it'); // => ''

// What goes to the audit log: reason codes, the rule and its source.
const saba = azureReservationAvailability(' XS ');
saba.reasons; // => [{ code: 'reservations_not_sold_in_market', market: 'BQ', partnerCenterCode: 'XS' }]
saba.rules.map((r) => r.id); // => ['markets.azure_reservations_unavailable']

// A price line: "incl. tax" only where Microsoft's prices include it.
const sydney = taxInclusivePricing(customers[2]?.country ?? '');
sydney.allowed ? 'Prezzo IVA inclusa' : 'Prezzo IVA esclusa'; // => 'Prezzo IVA inclusa'

// A country code the portal mistyped is an error, never a silent "available".
isAzureReservationAvailable('UK'); // => throws unknown_market
