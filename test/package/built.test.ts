// The real tarball, as `npm publish` would make it: the repository is copied
// without anything built or generated (node_modules, dist, reports...), packed
// there with `npm pack` (its prepack script builds dist/ and the JSON Schemas),
// and installed with `npm install <tarball>` into a new app that has nothing
// but the package and its runtime dependencies. Every check below runs in
// that app, never against the working tree's dist/.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  bin: Record<string, string>;
  exports: Record<string, unknown>;
  dependencies: Record<string, string>;
};
const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json' && !k.includes('*'));
/** What a checkout has that a clean clone does not (the .gitignore's folders, and git itself). */
const GENERATED = new Set([
  '.git',
  'node_modules',
  'dist',
  'reports',
  'coverage',
  '.stryker-tmp',
  '.doc-examples',
  '.tmp',
  join('docs', 'api'),
]);
let scratch = '';
let app = '';
let installed = '';
let packedFiles: string[] = [];

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: app, encoding: 'utf8' });
}

beforeAll(() => {
  scratch = realpathSync(mkdtempSync(join(tmpdir(), 'csp-rules-pack-')));
  const clean = join(scratch, 'clean');
  cpSync(root, clean, {
    recursive: true,
    filter: (from) => !GENERATED.has(relative(root, from)) && !from.endsWith('.tgz'),
  });
  // The build tools come from this checkout (no network needed to pack).
  symlinkSync(join(root, 'node_modules'), join(clean, 'node_modules'), 'dir');
  app = join(scratch, 'app');
  mkdirSync(app);
  const out = execFileSync(
    'npm',
    ['pack', '--json', '--loglevel=error', '--pack-destination', app],
    { cwd: clean, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // npm prints the prepack build before its JSON: the JSON is the last array.
  const [info] = JSON.parse(out.slice(out.lastIndexOf('\n[\n') + 1)) as [
    { filename: string; files: { path: string }[] },
  ];
  packedFiles = info.files.map((f) => f.path);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }),
  );
  // The runtime dependencies resolve from npm's cache (filled by `npm ci`).
  execFileSync(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      join(app, info.filename),
    ],
    { cwd: app, stdio: 'pipe' },
  );
  installed = join(app, 'node_modules', pkg.name);
}, 600_000);

afterAll(() => {
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships only what a consumer needs: no tests, fixtures, sources or configuration', () => {
    for (const f of packedFiles) {
      expect(f, f).toMatch(
        /^(dist\/|docs\/cli\.md$|examples\/sample-portfolio\.json$|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/,
      );
      expect(f, f).not.toMatch(
        /\.test\.|test\/|fixtures|\.config\.|tsconfig|^src\/|\.ts$(?<!\.d\.ts)|\.cts$(?<!\.d\.cts)/,
      );
    }
    for (const f of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts'])
      expect(packedFiles).toContain(f);
    for (const schema of [
      'software-subscription.schema.json',
      'portfolio.schema.json',
      'report.schema.json',
    ])
      expect(packedFiles).toContain(`dist/json-schema/${schema}`);
  });

  it('ships no source map that points at a file it does not ship', () => {
    const shipped = new Set(packedFiles);
    const missing: string[] = [];
    for (const f of packedFiles.filter((p) => /\.(c|m)?js$/.test(p))) {
      const text = readFileSync(join(installed, f), 'utf8');
      const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
      if (url === undefined || url.startsWith('data:')) continue;
      const map = join(f, '..', url);
      if (!shipped.has(map)) {
        missing.push(`${f} -> ${map}`);
        continue;
      }
      const { sources } = JSON.parse(readFileSync(join(installed, map), 'utf8')) as {
        sources: string[];
      };
      for (const source of sources) {
        const target = join(map, '..', source);
        if (!shipped.has(target)) missing.push(`${map} -> ${target}`);
      }
    }
    expect(missing).toEqual([]);
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
    const cli = node([
      '-e',
      "for (const n of ['portfolio', 'report']) { const s = require('csp-software-rules/json-schema/' + n + '.schema.json'); console.log(s.title, s.required.join(',')); }",
    ]);
    expect(cli.trim().split('\n')).toEqual(['Portfolio customers', 'Report asOf,customers']);
    expect(packedFiles).toContain('docs/cli.md');
  });

  it('installs the bin, which reports on the bundled sample portfolio', () => {
    const [command] = Object.keys(pkg.bin);
    const bin = join(app, 'node_modules', '.bin', command ?? '');
    const sample = join(installed, 'examples', 'sample-portfolio.json');
    const out = execFileSync(bin, ['report', sample, '--as-of', '2026-11-25T12:00:00Z'], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(out).toContain('## Contoso S.p.A.');
  });

  it('installs only the runtime dependencies beside it', () => {
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const top = Object.keys(lock.packages)
      .filter((p) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(p))
      .map((p) => p.slice('node_modules/'.length));
    expect(top).toContain(pkg.name);
    for (const dep of Object.keys(pkg.dependencies)) expect(top).toContain(dep);
    expect(top).not.toContain('vitest');
    expect(top).not.toContain('typescript');
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

  it('runs the README examples against the built package, as ESM and CommonJS', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    // The first screen's quickstart, and the longer examples after it.
    expect(/## Quickstart\n\n```ts\n/.test(readme)).toBe(true);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    // The README is TypeScript: strip the types the way a consumer's build would.
    const js = (code: string): string =>
      ts.transpileModule(code, {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      }).outputText;
    const check =
      'function check(a, b) { if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(JSON.stringify(a) + " !== " + JSON.stringify(b)); }';
    for (const block of blocks) {
      expect(block).toContain("from 'csp-software-rules");
      // Each `expr; // => value` line becomes a deep-equality check.
      const body = block
        .replace(/import \{[^}]+\} from '[^']+';\n/g, '')
        .split('\n')
        .map((l) => {
          const m = /^(.+?);?\s*\/\/ => (.+)$/.exec(l);
          return m === null ? l : `check(${m[1]}, ${m[2]});`;
        })
        .join('\n');
      const imports = [...block.matchAll(/import \{([^}]+)\} from '([^']+)';/g)];
      const esm = imports.map((m) => `import {${m[1]}} from '${m[2]}';`).join('\n');
      const cjs = imports.map((m) => `const {${m[1]}} = require('${m[2]}');`).join('\n');
      const program = js(`${check}\n${body}\nconsole.log('ok');`);
      expect(node(['--input-type=module', '-e', `${esm}\n${program}`]).trim()).toBe('ok');
      expect(node(['-e', `${cjs}\n${program}`]).trim()).toBe('ok');
    }
  });
});
