// The exports map, the build entries and the root index agree on the areas.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  sideEffects: boolean;
};
const folders = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
const areas = folders(join(root, 'src'))
  .filter((a) => existsSync(join(root, 'src', a, 'index.ts')))
  .sort();
// A folder with an index.ts inside an area is a subpath of its own (explain/it, cancellation/order).
const nested = areas.flatMap((a) =>
  folders(join(root, 'src', a))
    .filter((f) => existsSync(join(root, 'src', a, f, 'index.ts')))
    .map((f) => `${a}/${f}`),
);

describe('package manifest', () => {
  it('has one subpath export per area folder and per locale folder, and no other', () => {
    const subpaths = Object.keys(pkg.exports)
      .filter((k) => k !== '.' && k !== './package.json' && !k.startsWith('./json-schema'))
      .map((k) => k.slice(2))
      .sort();
    expect(nested).toEqual(['cancellation/order', 'explain/it']);
    expect(subpaths).toEqual([...areas, ...nested].sort());
  });

  it('keeps runtime dependencies among zod, date-fns (+ @date-fns/*), ts-pattern and one CSV parser, with caret ranges', () => {
    // papaparse is the reading layer's streaming CSV parser (./files and the
    // CLI only: the import graph test keeps it out of the rule subpaths).
    for (const [name, range] of Object.entries(pkg.dependencies)) {
      expect(
        ['zod', 'date-fns', 'ts-pattern', 'papaparse'].includes(name) ||
          name.startsWith('@date-fns/'),
        name,
      ).toBe(true);
      expect(range.startsWith('^')).toBe(true);
    }
    for (const range of Object.values(pkg.devDependencies)) expect(range).toMatch(/^\d/);
    expect(pkg.sideEffects).toBe(false);
  });

  it('declares exactly the packages src/ imports (no unused dependency, no undeclared import)', () => {
    const imported = new Set<string>();
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) {
          // Code only: doc comments import the package by name in their examples.
          const code = readFileSync(p, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
          for (const m of code.matchAll(/^(?:import|export)\b[^;]*?from '([^'.][^']*)'/gm)) {
            const spec = m[1] as string;
            if (spec.startsWith('node:')) continue;
            const parts = spec.split('/');
            imported.add(spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] as string));
          }
        }
      }
    };
    walk(join(root, 'src'));
    expect([...imported].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it('zod is imported only under src/schemas', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.includes(`${join('src', 'schemas')}`)) {
          if (/from ['"]zod/.test(readFileSync(p, 'utf8'))) offenders.push(p);
        }
      }
    };
    walk(join(root, 'src'));
    expect(offenders).toEqual([]);
  });
});
