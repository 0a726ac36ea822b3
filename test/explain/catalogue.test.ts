// Every reason code in the source has a message in each language, and the
// generated catalogue docs/reason-codes.md is current.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CATALOGUE_PATH,
  REASON_SAMPLES,
  renderReasonCodes,
  type ScannedReasonCode,
  scanCodeLiterals,
  scanReasonCodes,
} from '../../scripts/reason-codes.js';
import { explainReason, type ReasonCode } from '../../src/explain/index.js';
import { LOCALES } from '../support/locales.js';

const root = join(import.meta.dirname, '..', '..');
let scanned: ScannedReasonCode[] = [];

beforeAll(() => {
  scanned = scanReasonCodes();
}, 60_000);

describe('every reason code in the source has a message', () => {
  it('finds the codes of every rule area (the scan is not empty)', () => {
    const codes = scanned.map((s) => s.code);
    expect(codes.length).toBeGreaterThanOrEqual(21);
    for (const code of [
      'missing_role',
      'window_closed',
      'will_not_renew',
      'method_not_available',
    ]) {
      expect(codes).toContain(code);
    }
    const areas = new Set(scanned.flatMap((s) => s.areas));
    for (const area of [
      'access',
      'activation',
      'billing',
      'cancellation',
      'lifecycle',
      'markets',
    ]) {
      expect(areas.has(area), area).toBe(true);
    }
    expect(scanned.find((s) => s.code === 'already_lapsed')?.kind).toBe('warning');
    expect(scanned.find((s) => s.code === 'missing_role')?.areas).toEqual(
      expect.arrayContaining(['access', 'billing', 'cancellation', 'lifecycle']),
    );
  });

  it('has an English and an Italian message for each code', () => {
    for (const locale of LOCALES) {
      const missing = scanned
        .map((s) => s.code)
        .filter((code) => !Object.hasOwn(locale.reasons, code));
      expect(missing, `reason codes without a message in the ${locale.locale} messages`).toEqual(
        [],
      );
    }
  });

  it('has no message for a code that no longer exists', () => {
    const codes = new Set(scanned.map((s) => s.code));
    for (const locale of LOCALES) {
      const stale = Object.keys(locale.reasons).filter((c) => !codes.has(c));
      expect(stale, `${locale.locale} messages for codes no area gives`).toEqual([]);
    }
  });

  it('knows every code written as `code: "..."` in the rule areas (syntactic cross-check)', () => {
    const literals = scanCodeLiterals();
    expect(literals.length).toBeGreaterThan(20);
    const codes = new Set(scanned.map((s) => s.code));
    const unknown = literals.filter((l) => !codes.has(l.code)).map((l) => `${l.code} at ${l.at}`);
    expect(unknown, 'codes written in the source but in no exported reason type').toEqual([]);
  });

  it('has an example of every code for the catalogue', () => {
    for (const s of scanned) {
      const sample = (REASON_SAMPLES as Readonly<Record<string, { code: string }>>)[s.code];
      expect(sample?.code, s.code).toBe(s.code);
      for (const locale of LOCALES) {
        expect(explainReason(sample as { code: ReasonCode }, { locale }).known).toBe(true);
      }
    }
  });
});

describe('docs/reason-codes.md', () => {
  it('is what scripts/reason-codes.ts generates now', () => {
    const committed = readFileSync(CATALOGUE_PATH, 'utf8');
    expect(
      committed === renderReasonCodes(scanned),
      'docs/reason-codes.md is stale: run `npx tsx scripts/reason-codes.ts`',
    ).toBe(true);
  });

  it('starts with the front matter typedoc reads, and holds no executable ts block', () => {
    const text = renderReasonCodes(scanned);
    expect(text.startsWith('---\ntitle: Reason codes\n---\n')).toBe(true);
    expect(text).not.toMatch(/^```ts/m);
    for (const s of scanned) {
      expect(text).toContain(`| \`${s.code}\``);
      expect(text).toContain(`### \`${s.code}\``);
    }
    expect(text).not.toContain('(no message)');
  });

  it('marks a code without a message, so a stale table shows', () => {
    const fake: ScannedReasonCode = {
      code: 'brand_new',
      kind: 'reason',
      areas: ['refunds'],
      types: ['BrandNewReason'],
      functions: [],
      results: [],
      fields: [{ name: 'amount', optional: false, type: 'Money', doc: 'The amount.' }],
    };
    const text = renderReasonCodes([fake]);
    expect(text).toContain('| `brand_new` | refunds | (no message)');
    expect(text).toContain('  - `amount` (`Money`): The amount.');
  });
});

describe('the scanner', () => {
  let fixture = '';
  beforeAll(() => {
    fixture = mkdtempSync(join(tmpdir(), 'reason-scan-'));
    writeFileSync(
      join(fixture, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', noEmit: true } }),
    );
    const file = (path: string, text: string): void => {
      mkdirSync(join(fixture, 'src', path, '..'), { recursive: true });
      writeFileSync(join(fixture, 'src', path), text);
    };
    file(
      'fake/index.ts',
      [
        "export type { FooReason } from './reasons.js';",
        "export { check, type PlanResult } from './check.js';",
      ].join('\n'),
    );
    file(
      'fake/reasons.ts',
      [
        'export type FooReason =',
        '  | {',
        "      readonly code: 'foo_reason';",
        '      /** When. */',
        '      readonly at: string;',
        '    }',
        "  | { readonly code: 'foo_other' | 'foo_third'; readonly n?: number };",
      ].join('\n'),
    );
    file(
      'fake/check.ts',
      [
        "type Hidden = { readonly code: 'hidden_code'; readonly n: number };",
        'export function check(): { readonly allowed: boolean; readonly reasons: readonly Hidden[] } {',
        "  const r = { code: 'hidden_code', n: 1 } as const;",
        '  return { allowed: false, reasons: [r] };',
        '}',
        "export interface PlanResult { readonly warnings: readonly { readonly code: 'warn_code' }[] }",
      ].join('\n'),
    );
    file('fake/loose.ts', "export const x = { code: 'loose_code' };\n");
    file('core/index.ts', "export const y = { code: 'core_code' };\n");
    file('schemas/index.ts', "export type ZReason = { code: 'schema_code' };\n");
  });
  afterAll(() => {
    rmSync(fixture, { recursive: true, force: true });
  });

  it('finds codes in named reason types, in function results and in result types', () => {
    const found = scanReasonCodes(fixture);
    expect(found.map((s) => [s.code, s.kind, s.areas])).toEqual([
      ['foo_other', 'reason', ['fake']],
      ['foo_reason', 'reason', ['fake']],
      ['foo_third', 'reason', ['fake']],
      ['hidden_code', 'reason', ['fake']],
      ['warn_code', 'warning', ['fake']],
    ]);
    const foo = found.find((s) => s.code === 'foo_reason');
    expect(foo?.types).toEqual(['FooReason']);
    expect(foo?.fields).toEqual([{ name: 'at', optional: false, type: 'string', doc: 'When.' }]);
    const hidden = found.find((s) => s.code === 'hidden_code');
    expect(hidden?.functions).toEqual(['check']);
    expect(found.find((s) => s.code === 'warn_code')?.results).toEqual(['PlanResult']);
  });

  it('finds every code literal outside core and schemas', () => {
    const literals = scanCodeLiterals(fixture);
    expect(literals.map((l) => l.code)).toEqual([
      'hidden_code',
      'hidden_code',
      'warn_code',
      'loose_code',
      'foo_reason',
      'foo_other',
      'foo_third',
    ]);
    expect(literals[3]?.at).toBe('src/fake/loose.ts:1');
  });
});

describe('the explain bundle', () => {
  it('does not import zod (nor the schemas area)', async () => {
    const result = await build({
      entryPoints: [join(root, 'src', 'explain', 'index.ts')],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'node',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((p) => p.endsWith('src/explain/messages/en.ts'))).toBe(true);
    expect(inputs.filter((p) => /node_modules\/zod|src\/schemas\//.test(p))).toEqual([]);
  });
});
