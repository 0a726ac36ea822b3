/**
 * (area under construction)
 * @module cancellation
 */
export {};
