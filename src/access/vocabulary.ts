/**
 * The role and action vocabulary (it lives in core: lifecycle, billing and
 * cancellation check roles too).
 * @module
 */
export { ACTIONS, type Action, ROLE_DISPLAY_NAMES, ROLES, type Role } from '../core/internal.js';
