import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { isCspRuleError } from '../../src/core/index.js';
import {
  parseWith,
  quantitySchema,
  type SchemaIssue,
  safeParseWith,
  toCspRuleError,
} from '../../src/schemas/index.js';
import { expectRuleError } from '../support/errors.js';

describe('from zod issues to CspRuleError', () => {
  it('names fields as the library does: dots, [index], quoted odd keys', () => {
    const schema = z.object({
      lineItems: z.array(z.object({ quantity: quantitySchema })),
      offers: z.record(z.string(), z.number()),
    });
    const r = safeParseWith(
      schema,
      {
        lineItems: [{ quantity: 1 }, { quantity: 0 }],
        offers: { 'P:S': 'x', [`${'k'.repeat(60)}`]: 'y' },
      },
      'order',
    );
    expect(r.success).toBe(false);
    if (r.success) return;
    const issues = r.error.details['issues'] as SchemaIssue[];
    expect(issues.map((i) => i.message.split(':')[0])).toEqual([
      'order.lineItems[1].quantity',
      'order.offers["P',
      `order.offers["${'k'.repeat(48)}…"]`,
    ]);
    expect(issues[1]?.path).toEqual(['order', 'offers', 'P:S']);
    expect(r.error.field).toBe('order.lineItems[1].quantity');
  });

  it('without a root name, or with a custom zod schema', () => {
    expectRuleError(() => parseWith(z.string(), 1, ''), 'invalid_input', '');
    const r = safeParseWith(z.string(), 1, '');
    expect(r.success ? '' : r.error.message).toBe(
      'Invalid input: expected string, received number',
    );
    expect(parseWith(z.string(), 'ok')).toBe('ok');
  });

  it('keeps every issue and survives malformed ones', () => {
    const e = toCspRuleError({ issues: [] } as never, 'x');
    expect([e.code, e.field, e.message]).toEqual(['invalid_input', 'x', 'x: invalid']);
    const odd = toCspRuleError(
      {
        issues: [
          null,
          { path: [Symbol('s'), {}, 2], message: 5, code: 'custom', params: { code: 7 } },
        ],
      } as never,
      'x',
    );
    expect(odd.details['issues']).toEqual([
      { path: ['x'], message: 'x: invalid', code: 'custom' },
      {
        path: ['x', 'Symbol(s)', '?', 2],
        message: 'x["Symbol(s)"]["?"][2]: invalid',
        code: 'custom',
      },
    ]);
    expectRuleError(() => toCspRuleError(undefined as never), 'invalid_input', 'error');
    expectRuleError(() => toCspRuleError(new z.ZodError([]), 5 as never), 'invalid_input', 'error');
  });

  it('is a CspRuleError with JSON details', () => {
    const r = quantitySchema.safeParse('3');
    const e = r.success ? undefined : toCspRuleError(r.error, 'quantity');
    expect(isCspRuleError(e)).toBe(true);
    expect(e?.toJSON()).toEqual({
      name: 'CspRuleError',
      code: 'invalid_input',
      field: 'quantity',
      message: 'quantity: expected a whole number of at least 1, got "3"',
      details: {
        issues: [
          {
            path: ['quantity'],
            message: 'quantity: expected a whole number of at least 1, got "3"',
            code: 'invalid_type',
          },
        ],
      },
    });
  });
});
