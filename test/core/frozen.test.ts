// The library's own tables are frozen to the last array: an importer that
// changes one gets a TypeError, not a silently different rule for every caller.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorize, PERMISSIONS } from '../../src/access/index.js';
import { SUBSCRIPTION_CANCELLATION_POLICY } from '../../src/cancellation/index.js';
import { frozen } from '../../src/core/internal.js';

const root = join(import.meta.dirname, '..', '..');
const entries = readdirSync(join(root, 'src'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'src', d.name, 'index.ts')))
  // zod schemas keep their own caches; they are not tables.
  .filter((d) => d.name !== 'schemas')
  .map((d) => `${d.name}/index.ts`)
  .concat(['cancellation/order/index.ts', 'explain/it/index.ts']);

/** The path of the first object or array inside `value` that is not frozen, or null. */
function firstUnfrozen(value: unknown, path: string, seen = new Set<unknown>()): string | null {
  if (typeof value !== 'object' || value === null || seen.has(value)) return null;
  seen.add(value);
  if (!Object.isFrozen(value)) return path;
  for (const [k, v] of Object.entries(value)) {
    const hit = firstUnfrozen(v, `${path}.${k}`, seen);
    if (hit !== null) return hit;
  }
  return null;
}

// Loaded here, not inside a test, so that loading a module is not credited to
// one test (a mutation test would run only that test for the module's tables).
const modules = new Map<string, Record<string, unknown>>();
for (const entry of entries) modules.set(entry, await import(join(root, 'src', entry)));

describe('the library tables', () => {
  it.each(entries)('every table exported by src/%s is frozen throughout', (entry) => {
    const mod = modules.get(entry) as Record<string, unknown>;
    const tables = Object.entries(mod).filter(([, v]) => typeof v === 'object' && v !== null);
    for (const [name, table] of tables) expect(firstUnfrozen(table, name)).toBeNull();
  });

  it('refuse a change instead of changing a rule', () => {
    const cancel = PERMISSIONS.versions[0]?.value.cancel as string[];
    expect(() => cancel.push('SalesAgent')).toThrow(TypeError);
    expect(authorize('cancel', ['Sales agent']).allowed).toBe(false);
    const v = SUBSCRIPTION_CANCELLATION_POLICY.versions[0] as { value: { days: number } };
    expect(() => {
      v.value.days = 30;
    }).toThrow(TypeError);
    expect(SUBSCRIPTION_CANCELLATION_POLICY.versions[0]?.value.days).toBe(7);
  });
});

describe('frozen', () => {
  it('freezes nested objects and arrays, returns the same value, and leaves the rest alone', () => {
    const text = (): string => 'a function is not frozen';
    const table = { a: [{ b: 1 }], c: { d: ['e'] }, text };
    expect(frozen(table)).toBe(table);
    expect(firstUnfrozen(table, 'table')).toBeNull();
    expect(Object.isFrozen(text)).toBe(false);
    expect(frozen(3)).toBe(3);
    expect(frozen(null)).toBe(null);
    expect(frozen('x')).toBe('x');
  });
});
