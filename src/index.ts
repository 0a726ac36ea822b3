/**
 * csp-software-rules: the rules of Microsoft's CSP program for software
 * subscriptions and perpetual software, as pure functions.
 *
 * Every area is also published as its own subpath (`csp-software-rules/markets`, ...).
 *
 * @packageDocumentation
 */
export * from './core/index.js';
