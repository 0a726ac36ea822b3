/**
 * Access helpers for sibling rule areas (lifecycle, billing): the permission
 * check with the built-in table, without the options path. Not public API.
 * @internal
 * @module
 */
export { authorizeByDefault } from './authorize.js';
