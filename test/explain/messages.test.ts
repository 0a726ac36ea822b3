// explain's own input errors, pinned with their code and field.
import { describe, expect, it } from 'vitest';
import { explain, explainReason } from '../../src/explain/index.js';
import { messageOf } from '../support/errors.js';

describe('explain errors', () => {
  it('say what a locale is, and where Italian comes from', () => {
    expect(messageOf(() => explainReason({ code: 'expired' }, { locale: 'fr' as never }))).toBe(
      "invalid_option [options.locale] options.locale: expected 'en' or a locale's messages such as IT_MESSAGES",
    );
    expect(messageOf(() => explainReason({ code: 'expired' }, { locale: 'it' as never }))).toBe(
      "invalid_option [options.locale] options.locale: pass IT_MESSAGES from 'csp-software-rules/explain/it', not 'it'",
    );
    for (const locale of [null, 7, { allowed: 'OK' }]) {
      expect(messageOf(() => explain({ reasons: [] }, { locale: locale as never }))).toBe(
        'invalid_option [options.locale] options.locale: expected a locale table { allowed, notAllowed, unknownBrief, unknownText, reasons }',
      );
    }
  });
  it('name the reason that is not an object or has no string code', () => {
    for (const reason of [null, 'expired', ['expired']]) {
      expect(messageOf(() => explainReason(reason as never))).toBe(
        'invalid_input [reason] reason: expected a reason object { code, ... }',
      );
    }
    expect(messageOf(() => explainReason({ code: 7 } as never))).toBe(
      'invalid_input [reason.code] reason.code: expected a string',
    );
    expect(messageOf(() => explain({ reasons: [{ code: 'expired' }, 5] } as never))).toBe(
      'invalid_input [decision.reasons[1]] decision.reasons[1]: expected a reason object { code, ... }',
    );
  });
  it('refuse a decision whose reasons are not an array', () => {
    for (const reasons of [undefined, 'expired', { 0: { code: 'expired' } }]) {
      expect(messageOf(() => explain({ reasons } as never))).toBe(
        'invalid_input [decision.reasons] decision.reasons: expected an array of reasons',
      );
    }
  });
});
