import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type KeysAndDownloadsProduct,
  keysAndDownloadsView,
  PRODUCT_DELIVERIES,
} from '../../src/access/index.js';
import { expectRuleError } from '../support/errors.js';

describe('keysAndDownloadsView', () => {
  it('shows every selector a software product supports, with its options', () => {
    const view = keysAndDownloadsView({
      name: 'Windows Server 2022 Standard',
      versions: ['2022', '2019'],
      languages: ['English', 'Italian', 'English'],
      fileTypes: ['ISO 64-bit'],
    });
    expect(view).toEqual({
      productName: 'Windows Server 2022 Standard',
      delivery: 'software',
      hasKeys: true,
      hasDownloads: true,
      hasKeysOrDownloads: true,
      installationInstructions: false,
      generate: true,
      selectors: { version: true, language: true, fileType: true },
      options: {
        versions: ['2022', '2019'],
        languages: ['English', 'Italian'],
        fileTypes: ['ISO 64-bit'],
      },
    });
  });

  it('hides the selectors a product does not support (omitted or empty lists)', () => {
    const view = keysAndDownloadsView({ name: 'RDS CAL', versions: ['2022'], languages: [] });
    expect(view.selectors).toEqual({ version: true, language: false, fileType: false });
    expect(view.options).toEqual({ versions: ['2022'], languages: [], fileTypes: [] });
    expect(keysAndDownloadsView({ name: 'X' }).selectors).toEqual({
      version: false,
      language: false,
      fileType: false,
    });
  });

  it('a licence to a service has no keys, no downloads and no selectors', () => {
    const view = keysAndDownloadsView({
      name: 'Some service',
      delivery: 'service_license',
      versions: ['1'],
      deliversKeys: false,
    });
    expect(view).toMatchObject({
      hasKeys: false,
      hasDownloads: false,
      hasKeysOrDownloads: false,
      installationInstructions: false,
      generate: false,
      selectors: { version: false, language: false, fileType: false },
      options: { versions: [], languages: [], fileTypes: [] },
    });
  });

  it('Extended Security Updates show installation instructions instead of keys and downloads', () => {
    const view = keysAndDownloadsView({
      name: 'Windows Server 2012 R2 ESU',
      delivery: 'extended_security_updates',
      versions: ['Year 1'],
      languages: ['English'],
      fileTypes: ['x64'],
    });
    expect(view).toMatchObject({
      delivery: 'extended_security_updates',
      hasKeys: false,
      hasDownloads: false,
      hasKeysOrDownloads: false,
      installationInstructions: true,
      generate: true,
      selectors: { version: true, language: true, fileType: true },
    });
    const withKey = keysAndDownloadsView({
      name: 'ESU with key',
      delivery: 'extended_security_updates',
      deliversKeys: true,
    });
    expect(withKey).toMatchObject({
      hasKeys: true,
      hasKeysOrDownloads: true,
      installationInstructions: true,
    });
  });

  it('reads keys and downloads separately for software', () => {
    expect(keysAndDownloadsView({ name: 'Key only', deliversDownloads: false })).toMatchObject({
      hasKeys: true,
      hasDownloads: false,
      hasKeysOrDownloads: true,
      generate: true,
    });
    const nothing = keysAndDownloadsView({
      name: 'Nothing',
      deliversKeys: false,
      deliversDownloads: false,
      versions: ['1'],
    });
    expect(nothing).toMatchObject({ hasKeysOrDownloads: false, generate: false });
    expect(nothing.selectors.version).toBe(false);
  });

  it('ignores extra fields: a productKey never reaches the view', () => {
    const view = keysAndDownloadsView({
      name: 'Office LTSC',
      productKey: 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY',
      versions: ['2021'],
    });
    expect(JSON.stringify(view)).not.toContain('ABCDE');
  });

  it('does not change its input or share its arrays', () => {
    const versions = ['2019', '2019'];
    const product = { name: 'SQL', versions };
    const view = keysAndDownloadsView(product);
    expect(versions).toEqual(['2019', '2019']);
    expect(view.options.versions).not.toBe(versions);
  });

  it('refuses malformed products with invalid_input, naming the field', () => {
    const cases: [unknown, string][] = [
      [null, 'product'],
      ['SQL', 'product'],
      [[], 'product'],
      [{}, 'product.name'],
      [{ name: '  ' }, 'product.name'],
      [{ name: 3 }, 'product.name'],
      [{ name: 'A', delivery: 'saas' }, 'product.delivery'],
      [{ name: 'A', versions: '2019' }, 'product.versions'],
      [{ name: 'A', languages: ['en', ''] }, 'product.languages[1]'],
      [{ name: 'A', fileTypes: [null] }, 'product.fileTypes[0]'],
      [{ name: 'A', deliversKeys: 'yes' }, 'product.deliversKeys'],
      [{ name: 'A', deliversDownloads: 1 }, 'product.deliversDownloads'],
      [{ name: 'A', delivery: 'service_license', deliversKeys: true }, 'product.deliversKeys'],
      [
        { name: 'A', delivery: 'service_license', deliversDownloads: true },
        'product.deliversDownloads',
      ],
    ];
    for (const [input, field] of cases) {
      expectRuleError(() => keysAndDownloadsView(input as never), 'invalid_input', field);
    }
  });

  it('property: selectors show exactly when there is something to generate and options exist', () => {
    const list = fc.option(fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }), {
      nil: undefined,
    });
    const flag = fc.option(fc.boolean(), { nil: undefined });
    fc.assert(
      fc.property(
        fc.constantFrom(...PRODUCT_DELIVERIES),
        list,
        list,
        list,
        flag,
        flag,
        (kind, versions, languages, fileTypes, deliversKeys, deliversDownloads) => {
          if (kind === 'service_license' && (deliversKeys === true || deliversDownloads === true)) {
            return;
          }
          const product: KeysAndDownloadsProduct = {
            name: 'P',
            delivery: kind,
            ...(versions === undefined ? {} : { versions }),
            ...(languages === undefined ? {} : { languages }),
            ...(fileTypes === undefined ? {} : { fileTypes }),
            ...(deliversKeys === undefined ? {} : { deliversKeys }),
            ...(deliversDownloads === undefined ? {} : { deliversDownloads }),
          };
          const v = keysAndDownloadsView(product);
          expect(v.hasKeysOrDownloads).toBe(v.hasKeys || v.hasDownloads);
          expect(v.installationInstructions).toBe(kind === 'extended_security_updates');
          expect(v.generate).toBe(v.hasKeysOrDownloads || v.installationInstructions);
          expect(v.selectors.version).toBe(v.generate && (versions?.length ?? 0) > 0);
          expect(v.selectors.language).toBe(v.generate && (languages?.length ?? 0) > 0);
          expect(v.selectors.fileType).toBe(v.generate && (fileTypes?.length ?? 0) > 0);
          expect(v.options.versions).toEqual(v.selectors.version ? [...new Set(versions)] : []);
          if (kind === 'service_license') expect(v.hasKeysOrDownloads).toBe(false);
          if (kind === 'software' && deliversKeys === undefined) expect(v.hasKeys).toBe(true);
        },
      ),
    );
  });
});
