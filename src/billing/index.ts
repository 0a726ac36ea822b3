/**
 * (area under construction)
 * @module billing
 */
export {};
