// The import graph of src/, whatever the files are called: a rule area reaches
// another only through its public entry (index.ts, or a nested subpath's
// index.ts), and shared helpers come from core's index.ts or internal.ts.
// The layers go one way, and Node's own modules stay out of the library.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', '..', 'src');

/** Which top-level folders each folder may import (besides itself). */
const RULE_AREAS = [
  'core',
  'markets',
  'access',
  'activation',
  'lifecycle',
  'billing',
  'cancellation',
  'refunds',
  'reconciliation',
];
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  core: [],
  markets: ['core'],
  access: ['core'],
  activation: ['core'],
  lifecycle: ['core', 'access'],
  billing: ['core', 'access', 'lifecycle'],
  cancellation: ['core', 'access', 'lifecycle'],
  refunds: ['core', 'billing', 'cancellation', 'lifecycle'],
  reconciliation: ['core', 'markets', 'billing', 'cancellation', 'refunds'],
  schemas: [...RULE_AREAS],
  explain: [...RULE_AREAS],
  // The Node-only reading layer: Microsoft's files in, reconciliation's inputs out.
  files: ['core', 'reconciliation'],
  cli: [...RULE_AREAS, 'schemas', 'explain', 'files'],
  // The package root: every rule area and explain (not schemas, which brings zod;
  // not files, which is Node-only).
  'index.ts': [...RULE_AREAS, 'explain'],
};
/** Folders whose code runs only on Node (files, argv, streams). */
const NODE_ONLY = new Set(['cli', 'files']);

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly spec: string;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module specifier of a file: static imports and re-exports, dynamic imports. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|[\s;}])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]/g))
    out.push(m[1] as string);
  for (const m of text.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/g)) out.push(m[1] as string);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1] as string);
  return out;
}

/** The graph: each relative import resolved to the file it names (`.js` → `.ts`). */
function edges(): Edge[] {
  return files(src).flatMap((file) =>
    specifiers(readFileSync(file, 'utf8')).map((spec) => ({
      from: relative(src, file),
      to: spec.startsWith('.')
        ? relative(src, resolve(dirname(file), spec.replace(/\.js$/, '.ts')))
        : spec,
      spec,
    })),
  );
}

/** The public entries of a folder: its index.ts and each nested folder's index.ts. */
function isEntry(target: string): boolean {
  const parts = target.split('/');
  return parts.at(-1) === 'index.ts' && parts.length <= 3;
}

/** What is wrong with one edge, or undefined. */
function violation(e: Edge): string | undefined {
  const area = e.from.split('/')[0] as string;
  if (!e.spec.startsWith('.')) {
    if (e.spec.startsWith('node:') || ['fs', 'path', 'zlib', 'stream'].includes(e.spec))
      return NODE_ONLY.has(area) ? undefined : `${e.from} imports ${e.spec}: Node-only code`;
    // The CSV parser belongs to the reading layer, never to a rule subpath.
    if (e.spec === 'papaparse' && !NODE_ONLY.has(area))
      return `${e.from} imports ${e.spec}: the CSV parser is for the reading layer`;
    // date-fns writes the CLI's tables; the rules count days themselves.
    if ((e.spec.startsWith('date-fns') || e.spec.startsWith('@date-fns/')) && area !== 'cli')
      return `${e.from} imports ${e.spec}: date-fns is for the CLI's tables`;
    return undefined;
  }
  if (e.to.startsWith('..')) return `${e.from} imports ${e.spec}: outside src/`;
  const target = e.to.split('/')[0] as string;
  if (target === area) return undefined;
  if (!(MAY_IMPORT[area] ?? []).includes(target))
    return `${e.from} imports ${e.spec}: ${area} may not depend on ${target}`;
  if (target === 'core' && (e.to === 'core/index.ts' || e.to === 'core/internal.ts'))
    return undefined;
  if (target !== 'core' && isEntry(e.to)) return undefined;
  return `${e.from} imports ${e.spec}: not ${target}'s public entry`;
}

describe('the import graph of src/', () => {
  const graph = edges();

  it('is read from every file (the reader finds static, re-export and dynamic imports)', () => {
    expect(graph.length).toBeGreaterThan(300);
    expect(
      specifiers(
        "import a from './a.js';\nexport * from '../b/index.js';\nawait import('./c.js');",
      ),
    ).toEqual(['./a.js', '../b/index.js', './c.js']);
  });

  it('names every top-level folder in its layer table', () => {
    const folders = readdirSync(src, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(folders).toEqual(
      Object.keys(MAY_IMPORT)
        .filter((k) => k !== 'index.ts')
        .sort(),
    );
  });

  it('has a rule area reach another only through its public entry, core through index or internal', () => {
    expect(graph.map(violation).filter((v) => v !== undefined)).toEqual([]);
  });

  it('catches the imports it forbids', () => {
    const edge = (from: string, spec: string): Edge => ({
      from,
      spec,
      to: relative(src, resolve(dirname(join(src, from)), spec.replace(/\.js$/, '.ts'))),
    });
    expect(violation(edge('refunds/a.ts', '../cancellation/evaluateCancellation.js'))).toMatch(
      /public entry/,
    );
    expect(violation(edge('refunds/a.ts', '../cancellation/internal.js'))).toMatch(/public entry/);
    expect(violation(edge('billing/a.ts', '../core/calendar.js'))).toMatch(/public entry/);
    expect(violation(edge('core/a.ts', '../lifecycle/index.js'))).toMatch(/may not depend/);
    expect(violation(edge('markets/a.ts', '../refunds/index.js'))).toMatch(/may not depend/);
    expect(violation({ from: 'refunds/a.ts', spec: 'node:zlib', to: 'node:zlib' })).toMatch(
      /Node-only/,
    );
    expect(violation({ from: 'reconciliation/a.ts', spec: 'papaparse', to: 'papaparse' })).toMatch(
      /reading layer/,
    );
    expect(violation({ from: 'files/a.ts', spec: 'papaparse', to: 'papaparse' })).toBeUndefined();
    expect(violation({ from: 'core/a.ts', spec: 'date-fns', to: 'date-fns' })).toMatch(
      /date-fns is for the CLI's tables/,
    );
    expect(violation({ from: 'refunds/a.ts', spec: '@date-fns/utc', to: '@date-fns/utc' })).toMatch(
      /date-fns is for the CLI's tables/,
    );
    expect(
      violation({ from: 'cli/text.ts', spec: 'date-fns/locale/it', to: 'date-fns/locale/it' }),
    ).toBeUndefined();
    expect(violation(edge('files/a.ts', '../refunds/index.js'))).toMatch(/may not depend/);
    expect(violation(edge('refunds/a.ts', '../cancellation/index.js'))).toBeUndefined();
    expect(violation(edge('explain/a.ts', '../cancellation/order/index.js'))).toBeUndefined();
    expect(violation(edge('billing/a.ts', '../core/internal.js'))).toBeUndefined();
  });
});
