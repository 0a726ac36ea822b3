// The packed tarball, installed in a separate folder, imported through every
// subpath as ESM and as CommonJS. Needs `npm run build` first (npm test does it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  dependencies: Record<string, string>;
};
const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json' && !k.includes('*'));
let project = '';
let packedFiles: string[] = [];

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: project, encoding: 'utf8' });
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'index.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  project = mkdtempSync(join(tmpdir(), 'csp-rules-consumer-'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', project], {
    cwd: root,
    encoding: 'utf8',
  });
  const [info] = JSON.parse(out) as [{ filename: string; files: { path: string }[] }];
  packedFiles = info.files.map((f) => f.path);
  const target = join(project, 'node_modules', 'csp-software-rules');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(project, info.filename), '-C', target, '--strip-components=1']);
  // Dependencies come from this checkout's node_modules (no network needed).
  for (const dep of Object.keys(pkg.dependencies)) {
    const link = join(project, 'node_modules', dep);
    mkdirSync(join(link, '..'), { recursive: true });
    symlinkSync(join(root, 'node_modules', dep), link, 'dir');
  }
}, 120_000);

afterAll(() => {
  if (project !== '') rmSync(project, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships only what a consumer needs', () => {
    for (const f of packedFiles) {
      expect(f, f).toMatch(
        /^(dist\/|examples\/sample-portfolio\.json$|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/,
      );
      expect(f, f).not.toMatch(/\.test\.|test\/|\.config\.|tsconfig|\.map\.ts$/);
    }
    expect(packedFiles).toContain('dist/index.js');
    expect(packedFiles).toContain('dist/index.cjs');
    expect(packedFiles).toContain('dist/index.d.ts');
    expect(packedFiles).toContain('dist/index.d.cts');
  });

  it.each(subpaths)('%s imports as ESM and as CommonJS with the same exports', (subpath) => {
    const spec = subpath === '.' ? 'csp-software-rules' : `csp-software-rules/${subpath.slice(2)}`;
    const esm = node([
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(spec)}); console.log(JSON.stringify(Object.keys(m).sort()));`,
    ]);
    const cjs = node([
      '-e',
      `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(spec)})).sort()))`,
    ]);
    expect(JSON.parse(cjs)).toEqual(JSON.parse(esm));
  });

  it('ships the JSON Schemas under ./json-schema/*', () => {
    const out = node([
      '-e',
      "const s = require('csp-software-rules/json-schema/software-subscription.schema.json'); console.log(s.$schema, s.type)",
    ]);
    expect(out.trim()).toBe('https://json-schema.org/draft/2020-12/schema object');
  });

  it('installs the report command and runs it on the shipped sample', () => {
    const bin = join(project, 'node_modules', 'csp-software-rules', 'dist', 'cli', 'main.js');
    const out = node([bin, 'report', '--as-of', '2026-11-25T12:00:00Z']);
    expect(out).toContain('## Contoso S.p.A.');
  });

  it('recognises a CspRuleError thrown by one build in the other (ESM ↔ CJS, subpath ↔ root)', () => {
    const out = node([
      '--input-type=module',
      '-e',
      [
        "import { createRequire } from 'node:module';",
        "import { isCspRuleError, parseInstant } from 'csp-software-rules';",
        "const core = createRequire(process.cwd() + '/x.js')('csp-software-rules/core');",
        'let a; try { core.parseInstant("2021-10-14T10:00"); } catch (e) { a = e; }',
        'let b; try { parseInstant("x"); } catch (e) { b = e; }',
        'console.log(JSON.stringify([isCspRuleError(a), core.isCspRuleError(b), a.code, b.code]));',
      ].join('\n'),
    ]);
    expect(JSON.parse(out)).toEqual([true, true, 'ambiguous_local_time', 'invalid_instant']);
  });

  it('runs the README quickstart against the built package, as ESM and CommonJS', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const block = /## Quickstart\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(block).toContain("from 'csp-software-rules");
    // Each `expr; // => value` line becomes a deep-equality check.
    // The README is TypeScript: strip the types the way a consumer's build would.
    const js = (code: string): string =>
      ts.transpileModule(code, {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      }).outputText;
    const body = block
      .replace(/import \{[^}]+\} from '[^']+';\n/g, '')
      .split('\n')
      .map((l) => {
        const m = /^(.+?);?\s*\/\/ => (.+)$/.exec(l);
        return m === null ? l : `check(${m[1]}, ${m[2]});`;
      })
      .join('\n');
    const imports = [...block.matchAll(/import \{([^}]+)\} from '([^']+)';/g)];
    const check =
      'function check(a, b) { if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(JSON.stringify(a) + " !== " + JSON.stringify(b)); }';
    const esm = imports.map((m) => `import {${m[1]}} from '${m[2]}';`).join('\n');
    const cjs = imports.map((m) => `const {${m[1]}} = require('${m[2]}');`).join('\n');
    const program = js(`${check}\n${body}\nconsole.log('ok');`);
    expect(node(['--input-type=module', '-e', `${esm}\n${program}`]).trim()).toBe('ok');
    expect(node(['-e', `${cjs}\n${program}`]).trim()).toBe('ok');
  });
});
