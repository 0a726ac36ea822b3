/**
 * (area under construction)
 * @module markets
 */
export {};
