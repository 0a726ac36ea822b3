// Valid samples and known bugs of markets for the cross-area fuzz (see ../engine.ts).
import * as markets from '../../src/markets/index.js';
import type { AreaSpec, Sample } from './engine.js';

const samples: Record<string, readonly Sample[]> = {
  azureReservationAvailability: [() => [' xs '], () => ['de']],
  isAzureReservationAvailable: [() => [' cn '], () => ['IT']],
  knownMarkets: [() => []],
  marketName: [() => ['CD'], () => ['cd', 'it'], () => ['XS', 'en']],
  parseMarket: [() => [' it '], () => ['xs', 'customer.market']],
  pricesIncludeTax: [() => ['au'], () => ['IT']],
  taxInclusivePricing: [() => ['BR'], () => ['it']],
};

export const spec: AreaSpec = {
  area: 'markets',
  module: markets,
  samples,
  fieldArg: { parseMarket: 1 },
  knownBugs: {},
};
