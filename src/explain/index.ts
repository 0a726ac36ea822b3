/**
 * (area under construction)
 * @module explain
 */
export {};
