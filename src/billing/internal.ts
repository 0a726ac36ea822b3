/**
 * Billing helpers for sibling rule areas (refunds): charge cycles as epoch
 * days, found in constant time, and the one rounding of `price × quantity`.
 * Not public API.
 * @internal
 * @module
 */
export { type ChargeCycle, chargeCycles } from './chargeCycles.js';
export {
  type CycleAt,
  chargeCycleAt,
  cycleMonthsFor,
  cyclesOfTerm,
} from './cycles.js';
export { frequenciesByRule, planRuleAtMs } from './eligibility.js';
export { priceTimesQuantityMinor } from './installmentSchedule.js';
