// The market tables against the repository's copy of Microsoft's page (the
// Italian seed and the TSV made from it, in test/fixtures/microsoft), and the bundled ISO 3166-1 list.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { SOURCES } from '../../src/core/index.js';
import {
  ISO_REGION_CODES,
  PARTNER_CENTER_ALIASES,
  RESERVATIONS_UNAVAILABLE_CODES,
  TAX_INCLUSIVE_CODES,
} from '../../src/markets/data/codes.js';
import {
  AZURE_RESERVATIONS_UNAVAILABLE,
  type IsoRegionCode,
  knownMarkets,
  MARKETS_LISTED_AS_OF,
} from '../../src/markets/index.js';
import { MARKETS_SOURCE, reservationsRule, taxRule } from '../../src/markets/listing.js';
import { readMicrosoftFixture } from '../support/fixtures.js';

/** The words of a space-separated string literal type, as a union. */
type Words<S extends string, Acc extends string = never> = S extends `${infer W} ${infer Rest}`
  ? Words<Rest, Acc | W>
  : Acc | S;

const seed = readMicrosoftFixture('seed-it.txt').split('\n');
const tsv = readMicrosoftFixture('reservations-unavailable-markets.tsv')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t') as [string, string, string]);

const markets = AZURE_RESERVATIONS_UNAVAILABLE.markets;
const isoCodes = ISO_REGION_CODES.split(' ');

describe('the table of markets where Azure reservations are not available', () => {
  it('has 109 entries with 106 distinct ISO codes', () => {
    expect(markets).toHaveLength(109);
    expect(new Set(markets.map((m) => m.iso)).size).toBe(106);
  });

  it("has unique Partner Center codes (the ISO code where Partner Center's does not differ)", () => {
    const codes = markets.map((m) => m.partnerCenterCode ?? m.iso);
    expect(new Set(codes).size).toBe(109);
    const own = markets.filter((m) => m.partnerCenterCode !== undefined);
    expect(own.map((m) => [m.en, m.iso, m.partnerCenterCode])).toEqual([
      ['Jan Mayen', 'SJ', 'XJ'],
      ['Saba', 'BQ', 'XS'],
      ['Sint Eustatius', 'BQ', 'XE'],
    ]);
  });

  it('lists the names of the TSV, in its order (Italian and English)', () => {
    expect(tsv).toHaveLength(109);
    expect(markets.map((m) => [m.it, m.en])).toEqual(tsv.map(([, it, en]) => [it, en]));
  });

  it("writes the Italian names exactly as the seed's three-column table does", () => {
    const header = seed.indexOf('Da A a Gi Da Gr a Pal Da Pap a Z');
    expect(header).toBeGreaterThan(0);
    const end = seed.indexOf('', header);
    const seedRows = seed.slice(header + 1, end);
    // The seed flattens its three columns: row i is column 1, 2 and 3's i-th names.
    const columns = ['Da A a Gi', 'Da Gr a Pal', 'Da Pap a Z'].map((c) =>
      markets.filter((_, i) => tsv[i]?.[0] === c).map((m) => m.it),
    );
    expect(columns.map((c) => c.length)).toEqual([37, 37, 35]);
    const rebuilt = columns[0]?.map((_, i) =>
      columns
        .map((c) => c[i])
        .filter((n) => n !== undefined)
        .join(' '),
    );
    expect(rebuilt).toEqual(seedRows);
  });

  it('maps the places the brief names as traps to the right ISO codes', () => {
    const iso = (en: string) => markets.filter((m) => m.en === en).map((m) => m.iso);
    expect(
      ['Bonaire', 'Saba', 'Sint Eustatius', 'Svalbard', 'Jan Mayen', 'Kosovo'].flatMap(iso),
    ).toEqual(['BQ', 'BQ', 'BQ', 'SJ', 'SJ', 'XK']);
    expect(
      ['Swaziland', 'Congo', 'Congo (DRC)', 'Saint Martin', 'Sint Maarten'].flatMap(iso),
    ).toEqual(['SZ', 'CG', 'CD', 'MF', 'SX']);
    expect(
      [
        'British Virgin Islands',
        'U.S. Outlying Islands',
        'St Helena, Ascension, Tristan da Cunha',
        'China',
      ].flatMap(iso),
    ).toEqual(['VG', 'UM', 'SH', 'CN']);
    const listed = new Set(markets.map((m) => m.iso));
    for (const code of ['VI', 'CW', 'KN', 'US', 'NL', 'NO', 'RS', 'BR', 'RU']) {
      expect(listed.has(code as never), code).toBe(false);
    }
  });

  it("agrees with CLDR's English names, except where Microsoft names a place differently", () => {
    // An independent check of the code mapping: the runtime's region names.
    const display = new Intl.DisplayNames(['en'], { type: 'region' });
    const plain = (s: string) =>
      s
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/&/g, 'and')
        .replace(/^St\. /, 'Saint ')
        .replace(/ \(Burma\)$/, '');
    const differing = markets.filter((m) => plain(display.of(m.iso) ?? '') !== plain(m.en));
    expect(differing.map((m) => `${m.iso} ${m.en}`)).toEqual([
      'BQ Bonaire', // CLDR: Caribbean Netherlands (Bonaire, Sint Eustatius, Saba)
      'CG Congo', // CLDR: Congo - Brazzaville
      'CD Congo (DRC)', // CLDR: Congo - Kinshasa
      'HM Heard Island and McDonald Islands', // CLDR: Heard and McDonald Islands
      'SJ Jan Mayen', // CLDR: Svalbard and Jan Mayen
      'BQ Saba',
      'VC Saint Vincent and the Grenadines', // CLDR: St. Vincent & Grenadines
      'BQ Sint Eustatius',
      'SH St Helena, Ascension, Tristan da Cunha', // CLDR: St. Helena
      'SJ Svalbard',
      'SZ Swaziland', // CLDR: Eswatini, its name since 2018
    ]);
  });

  it('keeps the codes-only table equal to the codes of the names table', () => {
    const fromNames = [...new Set(markets.map((m) => m.iso))].sort();
    expect(RESERVATIONS_UNAVAILABLE_CODES.split(' ')).toEqual(fromNames);
  });

  it('carries its source (S1) and the day it was listed as of', () => {
    expect(AZURE_RESERVATIONS_UNAVAILABLE.source).toBe(SOURCES.S1.url);
    expect(MARKETS_SOURCE).toBe(SOURCES.S1.url);
    expect(AZURE_RESERVATIONS_UNAVAILABLE.listedAsOf).toBe(MARKETS_LISTED_AS_OF);
    expect(MARKETS_LISTED_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('the bundled ISO 3166-1 alpha-2 list', () => {
  it('has the 249 assigned codes plus XK, sorted and unique', () => {
    expect(isoCodes).toHaveLength(250);
    expect([...isoCodes].sort()).toEqual(isoCodes);
    expect(new Set(isoCodes).size).toBe(250);
    for (const code of isoCodes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('names only regions the runtime knows (each has a CLDR name)', () => {
    const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const unnamed = isoCodes.filter((c) => display.of(c) === undefined);
    expect(unnamed).toEqual([]);
  });

  it('is the same list as the IsoRegionCode type (checked by tsc)', () => {
    expectTypeOf<Words<typeof ISO_REGION_CODES>>().toEqualTypeOf<IsoRegionCode>();
    expectTypeOf<Words<typeof RESERVATIONS_UNAVAILABLE_CODES>>().toExtend<IsoRegionCode>();
    expectTypeOf<'UK'>().not.toExtend<IsoRegionCode>();
  });

  it('includes the recent and odd ones, and no reserved or withdrawn code', () => {
    for (const code of ['SS', 'SX', 'CW', 'BQ', 'XK', 'AQ', 'UM', 'EH', 'PS', 'TW']) {
      expect(isoCodes, code).toContain(code);
    }
    for (const code of ['UK', 'EU', 'EZ', 'UN', 'AN', 'CS', 'YU', 'TP', 'ZR', 'AC', 'IC', 'QQ']) {
      expect(isoCodes, code).not.toContain(code);
    }
  });

  it("maps Partner Center's own codes to ISO codes of listed places", () => {
    expect(PARTNER_CENTER_ALIASES).toEqual({ XS: 'BQ', XE: 'BQ', XJ: 'SJ' });
    for (const code of Object.keys(PARTNER_CENTER_ALIASES)) expect(isoCodes).not.toContain(code);
  });

  it('knownMarkets() lists the ISO codes and the three Partner Center codes', () => {
    expect(knownMarkets()).toEqual([...isoCodes, 'XE', 'XJ', 'XS'].sort());
  });

  it('lists Australia and Brazil as the tax-inclusive markets', () => {
    expect(TAX_INCLUSIVE_CODES).toEqual(['AU', 'BR']);
  });
});

describe('the rules the market decisions report', () => {
  it('have their ids, the source page and the day the lists were checked', () => {
    const rule = (id: string) => ({
      id,
      source: SOURCES.S1.url,
      effectiveFrom: MARKETS_LISTED_AS_OF,
    });
    expect(reservationsRule()).toEqual(rule('markets.azure_reservations_unavailable'));
    expect(taxRule()).toEqual(rule('markets.tax_inclusive_prices'));
    expect(MARKETS_LISTED_AS_OF).toBe('2026-11-25');
  });
});
