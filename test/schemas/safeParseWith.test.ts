// Issue 27: a `safe…` function returns a failure for any input, never throws,
// and its `parse…` twin throws only CspRuleError: a schema that is not one, a
// schema whose answer is not a result, an input or an error that throws while
// it is read, a root that is not a string.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCspRuleError } from '../../src/core/index.js';
import { deviceSchema, parseWith, safeParseWith } from '../../src/schemas/index.js';
import { ODD_VALUES } from '../support/anything.js';

const throwing = new Proxy(
  {},
  {
    get() {
      throw new Error('trap');
    },
  },
);

/** `code [field] message` of a failure, or `ok`. */
function failureOf(schema: unknown, input: unknown, root?: unknown): string {
  const r = safeParseWith(schema as never, input, root as never);
  return r.success ? 'ok' : `${r.error.code} [${r.error.field}] ${r.error.message}`;
}

describe('safeParseWith never throws (issue 27)', () => {
  it('for a schema that is not one, or whose answer is not a result', () => {
    const cases: [unknown, string][] = [
      [null, 'invalid_input [schema] schema: expected a zod schema'],
      [{ safeParse: 1 }, 'invalid_input [schema] schema: expected a zod schema'],
      [throwing, 'invalid_input [schema] schema: expected a zod schema'],
      [
        {
          get safeParse() {
            throw new Error('getter');
          },
        },
        'invalid_input [schema] schema: expected a zod schema',
      ],
      [
        { safeParse: () => null },
        'invalid_input [schema] schema: its safeParse did not return a result',
      ],
      [
        { safeParse: () => 5 },
        'invalid_input [schema] schema: its safeParse did not return a result',
      ],
    ];
    for (const [schema, text] of cases) {
      expect(failureOf(schema, {})).toBe(text);
      expect(() => parseWith(schema as never, {})).toThrow(
        expect.objectContaining({ name: 'CspRuleError', field: 'schema' }),
      );
    }
  });

  it('for an answer or an error that throws while it is read', () => {
    const throwsError = {
      safeParse: () => ({
        success: false,
        get error() {
          throw new Error('error getter');
        },
      }),
    };
    expect(failureOf(throwsError, {}, 'x')).toBe(
      'invalid_input [x] x: could not be read (it threw while read)',
    );
    expect(failureOf({ safeParse: () => throwing }, {}, 'x')).toBe(
      'invalid_input [x] x: could not be read (it threw while read)',
    );
    // What is thrown may itself be a trap: it is still not a CspRuleError.
    const throwsTrap = {
      safeParse: () => {
        throw throwing;
      },
    };
    expect(failureOf(throwsTrap, {}, 'x')).toBe(
      'invalid_input [x] x: could not be read (it threw while read)',
    );
    expect(failureOf({ safeParse: () => ({ success: false, error: {} }) }, {}, 'x')).toBe(
      'invalid_input [error] error: expected a ZodError (with issues) and a root name',
    );
  });

  it('for a root that is not a string', () => {
    for (const root of [Symbol('r'), 7, null, {}]) {
      expect(failureOf(deviceSchema, { id: 'a' }, root)).toBe(
        'invalid_input [root] root: expected a string',
      );
    }
    expect(failureOf(deviceSchema, { id: 'a' }, undefined)).toBe('ok');
  });

  it('isCspRuleError answers false for a Proxy whose traps throw', () => {
    expect(isCspRuleError(throwing)).toBe(false);
  });

  it('for anything as schema, input and root', () => {
    const anything = fc.anything({ ...ODD_VALUES, maxDepth: 2 });
    const schema = fc.oneof(
      anything,
      fc.constant(deviceSchema),
      anything.map((answer) => ({ safeParse: () => answer })),
    );
    fc.assert(
      fc.property(schema, anything, fc.oneof(fc.string(), anything), (s, input, root) => {
        const r = safeParseWith(s as never, input, root as never);
        expect(typeof r.success).toBe('boolean');
        if (!r.success) expect(isCspRuleError(r.error)).toBe(true);
        try {
          parseWith(s as never, input, root as never);
        } catch (e) {
          expect(isCspRuleError(e)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
