// marketName: the table's names for the 109 listed places, CLDR's for the rest.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AZURE_RESERVATIONS_UNAVAILABLE,
  knownMarkets,
  marketName,
} from '../../src/markets/index.js';
import { expectRuleError } from '../support/errors.js';
import { freshImport } from '../support/fresh.js';

const listed = AZURE_RESERVATIONS_UNAVAILABLE.markets;
const listedCodes = new Set<string>(listed.map((m) => m.partnerCenterCode ?? m.iso));

describe('marketName', () => {
  it("names the 109 listed places as Microsoft's pages do, by their Partner Center code", () => {
    for (const m of listed) {
      const code = m.partnerCenterCode ?? m.iso;
      expect(marketName(code, 'en')).toBe(m.en);
      expect(marketName(code, 'it')).toBe(m.it);
      expect(marketName(` ${code.toLowerCase()} `, 'it')).toBe(m.it);
    }
  });

  it('reads BQ as Bonaire and SJ as Svalbard, as Partner Center does', () => {
    expect(['BQ', 'XS', 'XE', 'SJ', 'XJ'].map((c) => marketName(c))).toEqual([
      'Bonaire',
      'Saba',
      'Sint Eustatius',
      'Svalbard',
      'Jan Mayen',
    ]);
  });

  it("names every other market with the runtime's CLDR names", () => {
    const en = new Intl.DisplayNames(['en'], { type: 'region' });
    const it_ = new Intl.DisplayNames(['it'], { type: 'region' });
    for (const code of knownMarkets().filter((c) => !listedCodes.has(c))) {
      expect(marketName(code)).toBe(en.of(code));
      expect(marketName(code, 'it')).toBe(it_.of(code));
    }
    expect([marketName('IT'), marketName('it', 'it'), marketName('VI', 'it')]).toEqual([
      'Italy',
      'Italia',
      'Isole Vergini Americane',
    ]);
  });

  it('defaults to English', () => {
    expect(marketName('FR')).toBe(marketName('FR', 'en'));
  });

  it('never changes the name with case or surrounding spaces', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...knownMarkets()),
        fc.constantFrom('en', 'it') as fc.Arbitrary<'en' | 'it'>,
        fc.constantFrom('', ' ', '\t', '\n '),
        (code, locale, pad) => {
          expect(marketName(`${pad}${code.toLowerCase()}${pad}`, locale)).toBe(
            marketName(code, locale),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('raises unknown_market for an unknown code and invalid_option for another locale', () => {
    expectRuleError(() => marketName('UK'), 'unknown_market', 'market');
    expectRuleError(() => marketName(7 as never), 'unknown_market', 'market');
    expectRuleError(() => marketName('IT', 'fr' as never), 'invalid_option', 'locale');
    expectRuleError(() => marketName('XS', 'EN' as never), 'invalid_option', 'locale');
    expect(() => marketName('IT', 'de' as never)).toThrow('locale: expected one of en, it');
  });
});

describe('marketName without Intl.DisplayNames', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** A fresh copy of the module (its cache of DisplayNames empty) under a stubbed Intl. */
  async function freshMarketName(displayNames: unknown): Promise<typeof marketName> {
    vi.stubGlobal('Intl', { ...Intl, DisplayNames: displayNames });
    return (await freshImport<{ marketName: typeof marketName }>('markets/marketName.js'))
      .marketName;
  }

  it('falls back to the code where the runtime has no Intl.DisplayNames', async () => {
    const name = await freshMarketName(undefined);
    expect(name('de')).toBe('DE');
    expect(name('DE', 'it')).toBe('DE');
    // The listed places still have the table's names.
    expect(name('xs', 'it')).toBe('Saba');
  });

  it('falls back to the code where the runtime has no Intl at all', async () => {
    vi.stubGlobal('Intl', undefined);
    const { marketName: name } = await freshImport<{ marketName: typeof marketName }>(
      'markets/marketName.js',
    );
    expect(name('NL', 'it')).toBe('NL');
  });

  it('falls back to the code where Intl.DisplayNames throws, and tries only once per locale', async () => {
    let created = 0;
    const throwing = await freshMarketName(
      class {
        constructor() {
          created += 1;
          throw new RangeError('no region data');
        }
      },
    );
    expect([throwing('FR'), throwing('DE'), throwing('FR', 'it')]).toEqual(['FR', 'DE', 'FR']);
    expect(created).toBe(2);
  });

  it('falls back to the code where Intl.DisplayNames knows no name', async () => {
    const nameless = await freshMarketName(
      class {
        of(): undefined {
          return undefined;
        }
      },
    );
    expect(nameless('FR', 'it')).toBe('FR');
  });

  it('creates one Intl.DisplayNames per locale, on first use', async () => {
    const created: string[] = [];
    const counting = await freshMarketName(
      class {
        readonly locale: string;
        constructor(locales: string[]) {
          this.locale = locales[0] ?? '';
          created.push(this.locale);
        }
        of(code: string): string {
          return `${code}@${this.locale}`;
        }
      },
    );
    expect(created).toEqual([]);
    expect([counting('FR'), counting('DE'), counting('FR', 'it'), counting('CN')]).toEqual([
      'FR@en',
      'DE@en',
      'FR@it',
      'China',
    ]);
    expect(created).toEqual(['en', 'it']);
  });
});
