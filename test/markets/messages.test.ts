// parseMarket repeats only what looks like a market code: up to eight letters
// or digits, never a longer text (a secret pasted into the wrong field).
import { describe, expect, it } from 'vitest';
import { parseMarket } from '../../src/markets/index.js';
import { messageOf } from '../support/errors.js';

describe('unknown market messages', () => {
  it('quote a code-like input', () => {
    expect(messageOf(() => parseMarket(' qq '))).toBe(
      'unknown_market [market] market: unknown market code "qq"',
    );
    expect(messageOf(() => parseMarket('A1B2C3D4'))).toBe(
      'unknown_market [market] market: unknown market code "A1B2C3D4"',
    );
  });
  it('do not quote anything longer or with other characters', () => {
    for (const hidden of ['A1B2C3D4E', 'x-y', 'key QQ']) {
      expect(messageOf(() => parseMarket(hidden))).toBe(
        'unknown_market [market] market: unknown market code',
      );
    }
  });
});
