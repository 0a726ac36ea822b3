/**
 * (area under construction)
 * @module schemas
 */
export {};
