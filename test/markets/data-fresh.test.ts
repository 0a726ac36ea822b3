// The market tables, imported afresh inside each test and checked against the
// project's copy of Microsoft's page. data.test.ts checks the usual import;
// mutation testing only counts a table as tested where a test builds it (some
// tests re-import the area to reset its caches), so the check is repeated on
// a copy built inside the test.
import { describe, expect, it } from 'vitest';
import { freshImport } from '../support/fresh.js';
import { readDomainFile } from './domainFiles.js';

const tsv = readDomainFile('reservations-unavailable-markets.tsv')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t') as [string, string, string]);

async function freshTables() {
  const names = await freshImport<typeof import('../../src/markets/data/unavailableMarkets.js')>(
    'markets/data/unavailableMarkets.js',
  );
  const codes =
    await freshImport<typeof import('../../src/markets/data/codes.js')>('markets/data/codes.js');
  const listing =
    await freshImport<typeof import('../../src/markets/listing.js')>('markets/listing.js');
  return { ...names, ...codes, ...listing };
}

/** English names the same as CLDR's, once spelling variants are evened out. */
function plain(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/&/g, 'and')
    .replace(/^St\. /, 'Saint ')
    .replace(/ \(Burma\)$/, '');
}

describe('a fresh copy of the market tables', () => {
  it('lists the TSV names in order, each with the ISO code CLDR gives that name', async () => {
    const t = await freshTables();
    const markets = t.AZURE_RESERVATIONS_UNAVAILABLE.markets;
    expect(markets.map((m) => [m.it, m.en])).toEqual(tsv.map(([, it, en]) => [it, en]));
    const display = new Intl.DisplayNames(['en'], { type: 'region' });
    const differing = markets.filter((m) => plain(display.of(m.iso) ?? '') !== plain(m.en));
    expect(differing.map((m) => `${m.iso} ${m.en}`)).toEqual([
      'BQ Bonaire',
      'CG Congo',
      'CD Congo (DRC)',
      'HM Heard Island and McDonald Islands',
      'SJ Jan Mayen',
      'BQ Saba',
      'VC Saint Vincent and the Grenadines',
      'BQ Sint Eustatius',
      'SH St Helena, Ascension, Tristan da Cunha',
      'SJ Svalbard',
      'SZ Swaziland',
    ]);
    expect(
      markets
        .filter((m) => m.partnerCenterCode !== undefined)
        .map((m) => [m.en, m.partnerCenterCode]),
    ).toEqual([
      ['Jan Mayen', 'XJ'],
      ['Saba', 'XS'],
      ['Sint Eustatius', 'XE'],
    ]);
  });

  it('carries the source page and the day it was listed as of', async () => {
    const t = await freshTables();
    const S1 = 'https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions';
    expect(t.MARKETS_SOURCE).toBe(S1);
    expect(t.AZURE_RESERVATIONS_UNAVAILABLE.source).toBe(S1);
    expect(t.MARKETS_LISTED_AS_OF).toBe('2026-11-25');
    expect(t.AZURE_RESERVATIONS_UNAVAILABLE.listedAsOf).toBe('2026-11-25');
  });

  it('has the ISO 3166-1 codes CLDR names, the codes-only lists and the aliases', async () => {
    const t = await freshTables();
    const iso = t.ISO_REGION_CODES.split(' ');
    expect(iso).toHaveLength(250);
    expect([...new Set(iso)].sort()).toEqual(iso);
    const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    expect(iso.filter((c) => !/^[A-Z]{2}$/.test(c) || display.of(c) === undefined)).toEqual([]);
    const names = t.AZURE_RESERVATIONS_UNAVAILABLE.markets;
    expect(t.RESERVATIONS_UNAVAILABLE_CODES.split(' ')).toEqual(
      [...new Set(names.map((m) => m.iso))].sort(),
    );
    expect(t.PARTNER_CENTER_ALIASES).toEqual({ XS: 'BQ', XE: 'BQ', XJ: 'SJ' });
    expect(t.TAX_INCLUSIVE_CODES).toEqual(['AU', 'BR']);
  });

  it('reports its rules with their ids', async () => {
    const listing =
      await freshImport<typeof import('../../src/markets/listing.js')>('markets/listing.js');
    const rule = (id: string) => ({
      id,
      source: 'https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions',
      effectiveFrom: '2026-11-25',
    });
    expect(listing.reservationsRule()).toEqual(rule('markets.azure-reservations-unavailable'));
    expect(listing.taxRule()).toEqual(rule('markets.tax-inclusive-prices'));
  });
});
