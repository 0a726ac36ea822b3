/**
 * (area under construction)
 * @module lifecycle
 */
export {};
