/**
 * The dated permission table (it lives in core, beside the role check the
 * other areas share).
 * @module
 */
export { PERMISSIONS, type PermissionTable } from '../core/internal.js';
