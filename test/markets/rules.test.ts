// isAzureReservationAvailable, pricesIncludeTax, their decision forms and parseMarket.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCspRuleError, SOURCES } from '../../src/core/index.js';
import {
  AZURE_RESERVATIONS_UNAVAILABLE,
  azureReservationAvailability,
  isAzureReservationAvailable,
  knownMarkets,
  MARKETS_LISTED_AS_OF,
  type MarketCode,
  parseMarket,
  pricesIncludeTax,
  taxInclusivePricing,
} from '../../src/markets/index.js';
import { expectRuleError } from '../support/errors.js';
import { expectSameInEveryTimeZone } from '../support/tz.js';

const listed = AZURE_RESERVATIONS_UNAVAILABLE.markets;
const listedIso = new Set<string>(listed.map((m) => m.iso));
const known = knownMarkets();
const knownSet = new Set<string>(known);
const isoOf = (code: MarketCode): string =>
  code === 'XS' || code === 'XE' ? 'BQ' : code === 'XJ' ? 'SJ' : code;

// Whitespace that String.prototype.trim removes, ASCII and not.
const space = fc.string({
  unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff'),
  maxLength: 4,
});
/** A known code written in any case, with any surrounding spaces. */
const spelled = fc
  .tuple(fc.constantFrom(...known), fc.boolean(), fc.boolean(), space, space)
  .map(([code, lower0, lower1, before, after]) => ({
    code,
    text: `${before}${lower0 ? code[0]?.toLowerCase() : code[0]}${lower1 ? code[1]?.toLowerCase() : code[1]}${after}`,
  }));

/** Runs fn; returns its value, or the CspRuleError code it threw (anything else rethrows). */
function outcome(fn: () => unknown): unknown {
  try {
    return fn();
  } catch (e) {
    if (isCspRuleError(e)) return `error:${e.code}`;
    throw e;
  }
}

describe('isAzureReservationAvailable', () => {
  it('reports unavailable every listed place, by ISO and by Partner Center code', () => {
    for (const m of listed) {
      expect(isAzureReservationAvailable(m.iso), m.en).toBe(false);
      expect(isAzureReservationAvailable(m.partnerCenterCode ?? m.iso), m.en).toBe(false);
    }
  });

  it('reports available every known code not in the table (all 147 of them)', () => {
    const others = known.filter((c) => !listedIso.has(isoOf(c)));
    expect(others).toHaveLength(253 - 106 - 3);
    for (const code of others) expect(isAzureReservationAvailable(code), code).toBe(true);
  });

  it('answers the traps of the brief', () => {
    expect(
      [
        'BQ',
        'XS',
        'XE',
        'SJ',
        'XJ',
        'XK',
        'SZ',
        'CG',
        'CD',
        'MF',
        'SX',
        'VG',
        'UM',
        'SH',
        'CN',
      ].map(isAzureReservationAvailable),
    ).toEqual(Array(15).fill(false));
    expect(
      ['VI', 'CW', 'KN', 'US', 'IT', 'BR', 'RU', 'AU', 'NL', 'NO'].map(isAzureReservationAvailable),
    ).toEqual(Array(10).fill(true));
  });

  it('never changes its answer with case or surrounding spaces', () => {
    fc.assert(
      fc.property(spelled, ({ code, text }) => {
        expect(isAzureReservationAvailable(text)).toBe(isAzureReservationAvailable(code));
      }),
    );
  });

  it("gives the same answer for Partner Center's code and the ISO code of the same place", () => {
    expect(isAzureReservationAvailable('XS')).toBe(isAzureReservationAvailable('BQ'));
    expect(isAzureReservationAvailable('XE')).toBe(isAzureReservationAvailable('BQ'));
    expect(isAzureReservationAvailable('XJ')).toBe(isAzureReservationAvailable('SJ'));
  });

  it('raises unknown_market, naming the code, for codes no system assigns', () => {
    for (const code of ['QQ', 'ZZ', 'EU', 'UK', '', '   ', 'ITA', 'I', '1T', 'I T', 'A-']) {
      expectRuleError(() => isAzureReservationAvailable(code), 'unknown_market', 'market');
    }
    let caught: unknown;
    try {
      isAzureReservationAvailable(' qq ');
    } catch (e) {
      caught = e;
    }
    expect(isCspRuleError(caught) && caught.message).toBe('market: unknown market code "qq"');
    expect(isCspRuleError(caught) && caught.details).toEqual({ market: 'qq' });
  });

  it('names a short unknown code, and never echoes longer text (a secret pasted by mistake)', () => {
    const messageOf = (input: string): unknown => {
      try {
        isAzureReservationAvailable(input);
      } catch (e) {
        return isCspRuleError(e) && [e.message, e.details];
      }
      return undefined;
    };
    expect(messageOf(' EU ')).toEqual(['market: unknown market code "EU"', { market: 'EU' }]);
    expect(messageOf('QQQ1')).toEqual(['market: unknown market code "QQQ1"', { market: 'QQQ1' }]);
    expect(messageOf('Repubblica Italiana')).toEqual(['market: unknown market code', {}]);
    expect(messageOf('ABCDE-FGHIJ-KLMNO-PQRST-UVWXY')).toEqual(['market: unknown market code', {}]);
  });

  it('raises unknown_market for non-strings, naming the type', () => {
    for (const value of [
      undefined,
      null,
      39,
      Number.NaN,
      true,
      {},
      ['IT'],
      new Date(Number.NaN),
      Symbol('IT'),
    ]) {
      expectRuleError(
        () => isAzureReservationAvailable(value as never),
        'unknown_market',
        'market',
      );
    }
    let caught: unknown;
    try {
      isAzureReservationAvailable(39 as never);
    } catch (e) {
      caught = e;
    }
    expect(isCspRuleError(caught) && caught.message).toBe(
      'market: expected an ISO 3166-1 alpha-2 or Partner Center market code, got a number',
    );
  });

  it('does not upper-case non-ASCII letters into a code (ß is not SS, ı is not I)', () => {
    for (const text of ['ß', 'ıt', 'ﬆ', 'ＩＴ', 'İT', 'ǅ']) {
      expectRuleError(() => isAzureReservationAvailable(text), 'unknown_market', 'market');
    }
  });

  it('returns a boolean or raises unknown_market for any value', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const r = outcome(() => isAzureReservationAvailable(value as never));
        expect(typeof r === 'boolean' || r === 'error:unknown_market').toBe(true);
      }),
    );
  });

  it('accepts a string exactly when, trimmed and upper-cased, it is a known code', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc
        .tuple(
          space,
          fc.string({
            unit: fc.constantFrom('a', 'Q', 'x', 'K', 's', 'E', 'j'),
            minLength: 2,
            maxLength: 2,
          }),
          space,
        )
        .map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, (s) => {
        const t = s.trim();
        const ok = /^[A-Za-z]{2}$/.test(t) && knownSet.has(t.toUpperCase());
        const r = outcome(() => isAzureReservationAvailable(s));
        if (ok) expect(r).toBe(!listedIso.has(isoOf(t.toUpperCase() as MarketCode)));
        else expect(r).toBe('error:unknown_market');
      }),
    );
  });
});

describe('pricesIncludeTax', () => {
  it('is true for Australia and Brazil only', () => {
    expect(known.filter((c) => pricesIncludeTax(c))).toEqual(['AU', 'BR']);
  });

  it('never changes its answer with case or surrounding spaces', () => {
    fc.assert(
      fc.property(spelled, ({ code, text }) => {
        expect(pricesIncludeTax(text)).toBe(pricesIncludeTax(code));
      }),
    );
  });

  it('raises unknown_market like the reservations rule', () => {
    for (const value of ['QQ', 'ZZ', 'EU', 'UK', '', 61, null]) {
      expectRuleError(() => pricesIncludeTax(value as never), 'unknown_market', 'market');
    }
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const r = outcome(() => pricesIncludeTax(value as never));
        expect(typeof r === 'boolean' || r === 'error:unknown_market').toBe(true);
      }),
    );
  });
});

describe('azureReservationAvailability (decision)', () => {
  it('explains a listed market with its reason, rule and codes', () => {
    expect(azureReservationAvailability(' xe ')).toEqual({
      allowed: false,
      reasons: [{ code: 'reservations_not_sold_in_market', market: 'BQ', partnerCenterCode: 'XE' }],
      rules: [
        {
          id: 'markets.azure_reservations_unavailable',
          source: SOURCES.S1.url,
          effectiveFrom: MARKETS_LISTED_AS_OF,
        },
      ],
      market: 'BQ',
      partnerCenterCode: 'XE',
    });
  });

  it('allows a market that is not listed, with no reason', () => {
    expect(azureReservationAvailability('it')).toEqual({
      allowed: true,
      reasons: [],
      rules: [
        {
          id: 'markets.azure_reservations_unavailable',
          source: SOURCES.S1.url,
          effectiveFrom: MARKETS_LISTED_AS_OF,
        },
      ],
      market: 'IT',
      partnerCenterCode: 'IT',
    });
  });

  it('agrees with isAzureReservationAvailable for every code, in every spelling', () => {
    fc.assert(
      fc.property(spelled, ({ code, text }) => {
        const d = azureReservationAvailability(text);
        expect(d.allowed).toBe(isAzureReservationAvailable(code));
        expect(d.allowed).toBe(d.reasons.length === 0);
        expect(d).toEqual(azureReservationAvailability(code));
        expect(JSON.parse(JSON.stringify(d))).toEqual(d);
      }),
    );
  });

  it("differs between Partner Center's and ISO's code for a place only in partnerCenterCode", () => {
    for (const [pc, iso] of [
      ['XS', 'BQ'],
      ['XE', 'BQ'],
      ['XJ', 'SJ'],
    ] as const) {
      const byIso = azureReservationAvailability(iso);
      expect(azureReservationAvailability(pc)).toEqual({
        ...byIso,
        reasons: [{ code: 'reservations_not_sold_in_market', market: iso, partnerCenterCode: pc }],
        partnerCenterCode: pc,
      });
      expect(byIso.reasons).toEqual([
        { code: 'reservations_not_sold_in_market', market: iso, partnerCenterCode: iso },
      ]);
    }
  });

  it('raises unknown_market for unknown codes', () => {
    expectRuleError(() => azureReservationAvailability('EU'), 'unknown_market', 'market');
  });

  it('is the same in every process time zone', () => {
    expectSameInEveryTimeZone(() => [
      azureReservationAvailability('CN'),
      taxInclusivePricing('AU'),
    ]);
  });
});

describe('taxInclusivePricing (decision)', () => {
  it('allows (prices include tax) in Brazil, with the rule applied', () => {
    expect(taxInclusivePricing(' br')).toEqual({
      allowed: true,
      reasons: [],
      rules: [
        {
          id: 'markets.tax_inclusive_prices',
          source: SOURCES.S1.url,
          effectiveFrom: MARKETS_LISTED_AS_OF,
        },
      ],
      market: 'BR',
      partnerCenterCode: 'BR',
      pricesIncludeTax: true,
    });
  });

  it('says prices exclude tax elsewhere', () => {
    expect(taxInclusivePricing('XJ')).toMatchObject({
      allowed: false,
      reasons: [{ code: 'prices_exclude_tax', market: 'SJ' }],
      market: 'SJ',
      partnerCenterCode: 'XJ',
      pricesIncludeTax: false,
    });
  });

  it('agrees with pricesIncludeTax for every code, in every spelling', () => {
    fc.assert(
      fc.property(spelled, ({ code, text }) => {
        const d = taxInclusivePricing(text);
        expect(d.pricesIncludeTax).toBe(pricesIncludeTax(code));
        expect(d.allowed).toBe(d.pricesIncludeTax);
        expect(d.allowed).toBe(d.reasons.length === 0);
      }),
    );
  });

  it('raises unknown_market for unknown codes', () => {
    expectRuleError(() => taxInclusivePricing('UK'), 'unknown_market', 'market');
  });
});

describe('parseMarket', () => {
  it("maps Partner Center's own codes to ISO and keeps every other code", () => {
    expect(parseMarket('xj')).toEqual({ market: 'SJ', partnerCenterCode: 'XJ' });
    expect(parseMarket('\tsj\n')).toEqual({ market: 'SJ', partnerCenterCode: 'SJ' });
    for (const code of known) {
      expect(parseMarket(code)).toEqual({ market: isoOf(code), partnerCenterCode: code });
    }
  });

  it('names the field it was given in errors', () => {
    expectRuleError(
      () => parseMarket('QQ', 'customer.country'),
      'unknown_market',
      'customer.country',
    );
  });
});
