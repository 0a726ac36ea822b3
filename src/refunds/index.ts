/**
 * (area under construction)
 * @module refunds
 */
export {};
