// Walking caller values without running their code (getters, Proxy traps).
import { OPAQUE } from './hostile.js';

/**
 * A bug found by the fuzz and reported to the lead. A failing call whose input
 * it matches is counted, not failed, so the fuzz keeps looking for other bugs;
 * each known bug also has an `it.fails` test with its minimal input, which
 * starts failing (a reminder to drop the entry) once the bug is fixed.
 */
export interface KnownBug {
  /** Short id used in the report and in the `it.fails` test. */
  readonly id: string;
  /** Whether an argument list may trigger the bug (match narrowly: other bugs must still fail). */
  readonly input: (args: readonly unknown[]) => boolean;
  /** Do not even call (the bug is a hang or a crash of the process). */
  readonly skip?: boolean;
  /** When given, only a failure whose problem text matches is this bug. */
  readonly problem?: RegExp;
}

/**
 * Whether `pred` holds for a value reachable from `roots`: breadth first (so a
 * 10,000-deep argument cannot hide a shallow one), bounded, no user code run.
 */
export function deepSome(roots: readonly unknown[], pred: (v: unknown) => boolean): boolean {
  const queue: unknown[] = [...roots];
  const seen = new Set<object>();
  for (let i = 0; i < queue.length && i < 5000; i++) {
    const v = queue[i];
    if (pred(v)) return true;
    if (typeof v === 'object' && v !== null && !seen.has(v) && isWalkable(v)) {
      seen.add(v);
      queue.push(...childValues(v));
    }
  }
  return false;
}

export function isPlainContainer(v: unknown): v is Record<string, unknown> | unknown[] {
  if (typeof v !== 'object' || v === null || OPAQUE.has(v)) return false;
  if (Array.isArray(v)) return true;
  const p = Object.getPrototypeOf(v) as unknown;
  return p === Object.prototype || p === null;
}

/** An array or an ordinary object (whatever its prototype): what walkers descend into. */
export function isWalkable(v: unknown): v is object {
  if (typeof v !== 'object' || v === null || OPAQUE.has(v)) return false;
  return Array.isArray(v) || Object.prototype.toString.call(v) === '[object Object]';
}

/** Own data-property values of a plain container (getters skipped, arrays capped). */
export function childValues(v: object): unknown[] {
  const out: unknown[] = [];
  if (Array.isArray(v)) {
    const n = Math.min(v.length, 200);
    for (let i = 0; i < n; i++) {
      const d = Object.getOwnPropertyDescriptor(v, i);
      if (d !== undefined && 'value' in d) out.push(d.value);
    }
    return out;
  }
  for (const k of Reflect.ownKeys(v).slice(0, 200)) {
    const d = Object.getOwnPropertyDescriptor(v, k);
    if (d !== undefined && 'value' in d) out.push(d.value);
  }
  return out;
}
