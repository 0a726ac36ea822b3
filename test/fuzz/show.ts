// A short, safe rendering of any value for failure messages: huge strings are
// clipped, deep and cyclic structures cut, Proxies and getters never touched.
import { OPAQUE } from './hostile.js';

const MAX_STRING = 60;
const MAX_ITEMS = 8;
const MAX_DEPTH = 4;

function clipString(s: string): string {
  const body = s.length > MAX_STRING ? `${s.slice(0, MAX_STRING)}…` : s;
  const shown = JSON.stringify(body);
  return s.length > MAX_STRING ? `${shown}(${s.length} chars)` : shown;
}

function keyText(k: string | symbol): string {
  if (typeof k === 'symbol') return `[${String(k)}]`;
  return /^[A-Za-z_$][\w$]*$/.test(k) && k !== '__proto__' ? k : clipString(k);
}

/** Renders `value` for a human, never running user code (getters, traps, toString). */
export function show(value: unknown, depth = 0, seen = new Set<object>()): string {
  switch (typeof value) {
    case 'string':
      return clipString(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'boolean':
      return String(value);
    case 'function':
      return OPAQUE.has(value)
        ? 'Proxy(function, throwing)'
        : `[function ${value.name || '(anonymous)'}]`;
  }
  if (value === null) return 'null';
  const o = value as object;
  if (OPAQUE.has(o)) return 'Proxy/getter object (throws CallerTrap)';
  if (seen.has(o)) return '[cycle]';
  if (depth > MAX_DEPTH) return Array.isArray(o) ? '[…]' : '{…}';
  seen.add(o);
  try {
    if (o instanceof Date) {
      let t: number;
      try {
        t = Date.prototype.getTime.call(o);
      } catch {
        return 'fake Date (Object.create(Date.prototype))';
      }
      return Number.isNaN(t)
        ? 'new Date(NaN)'
        : `new Date(${JSON.stringify(new Date(t).toISOString())})`;
    }
    if (o === Object.prototype) return 'Object.prototype';
    if (o === Array.prototype) return 'Array.prototype';
    if (o === globalThis) return 'globalThis';
    if (Array.isArray(o)) {
      const items: string[] = [];
      const n = o.length;
      for (let i = 0; i < Math.min(n, MAX_ITEMS); i++) {
        items.push(
          i in o ? show(Object.getOwnPropertyDescriptor(o, i)?.value, depth + 1, seen) : '<hole>',
        );
      }
      if (n > MAX_ITEMS) items.push(`…(length ${n})`);
      for (const k of Reflect.ownKeys(o)) {
        if (k === 'length' || (typeof k === 'string' && /^\d+$/.test(k))) continue;
        const d = Object.getOwnPropertyDescriptor(o, k);
        items.push(
          `${keyText(k)}: ${d !== undefined && 'value' in d ? show(d.value, depth + 1, seen) : '<getter>'}`,
        );
      }
      return `[${items.join(', ')}]`;
    }
    const proto = Object.getPrototypeOf(o) as object | null;
    const tag =
      proto === null
        ? 'Object.create(null) '
        : proto === Object.prototype
          ? ''
          : `${(proto.constructor as { name?: string } | undefined)?.name ?? '?'} `;
    if (o instanceof Error) return `${tag}(${clipString(o.message)})`;
    if (o instanceof Map) return `Map(${o.size})`;
    if (o instanceof Set) return `Set(${o.size})`;
    if (ArrayBuffer.isView(o)) return `${tag}(${o.byteLength} bytes)`;
    const entries: string[] = [];
    const keys = Reflect.ownKeys(o);
    for (const k of keys.slice(0, MAX_ITEMS)) {
      const d = Object.getOwnPropertyDescriptor(o, k);
      const v =
        d === undefined ? undefined : 'value' in d ? show(d.value, depth + 1, seen) : '<getter>';
      entries.push(`${keyText(k)}: ${v}`);
    }
    if (keys.length > MAX_ITEMS) entries.push(`…(${keys.length} keys)`);
    if (tag !== '' && entries.length === 0) return `${tag.trim()} {}`;
    return `${tag}{ ${entries.join(', ')} }`;
  } finally {
    seen.delete(o);
  }
}

/** `fn(a, b)` with every argument rendered by {@link show}. */
export function showCall(name: string, args: readonly unknown[]): string {
  return `${name}(${args.map((a) => show(a)).join(', ')})`;
}

/** An error's name, message (clipped) and the first stack frames inside src/. */
export function showError(e: unknown): string {
  if (!(e instanceof Error)) return `non-Error thrown: ${show(e)}`;
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => l.includes('/src/'))
    .slice(0, 3)
    .map((l) => {
      const m = /^\s*at (?:(.*?) \()?.*?(src\/[^)]*)\)?$/.exec(l);
      return m === null ? l.trim() : `${m[1] === undefined ? '' : `${m[1]} `}${m[2]}`;
    });
  const msg = e.message.length > 200 ? `${e.message.slice(0, 200)}…` : e.message;
  return `${e.name}: ${msg}${frames.length > 0 ? ` [at ${frames.join(' <- ')}]` : ''}`;
}
