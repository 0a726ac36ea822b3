/**
 * csp-software-rules: the rules of Microsoft's CSP program for software
 * subscriptions and perpetual software, as pure functions.
 *
 * Every area is also published as its own subpath (`csp-software-rules/markets`,
 * ...): import from a subpath to ship only that area. The Node-only file
 * readers (`csp-software-rules/files`) are not part of this entry.
 *
 * @packageDocumentation
 */
export * from './access/index.js';
export * from './activation/index.js';
export * from './billing/index.js';
export * from './cancellation/index.js';
export * from './cancellation/order/index.js';
export * from './core/index.js';
export * from './explain/index.js';
export * from './lifecycle/index.js';
export * from './markets/index.js';
export * from './reconciliation/index.js';
export * from './refunds/index.js';
