/**
 * (area under construction)
 * @module activation
 */
export {};
