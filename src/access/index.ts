/**
 * (area under construction)
 * @module access
 */
export {};
