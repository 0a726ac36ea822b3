/**
 * Turns documentation code into tests. Every ```ts block in a TSDoc comment
 * under src/, in README.md and in docs/*.md, and every examples/*.ts file,
 * becomes a module in .doc-examples/ where each line
 *   expr; // => value            becomes  expect(expr).toEqual(value)
 *   expr; // => throws some_code becomes  a check that expr throws CspRuleError('some_code')
 * Used by test/doc-examples.test.ts; the generated files are type-checked by
 * `tsc -p tsconfig.doc-examples.json`.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';

export interface DocExample {
  /** Where the block starts, `file:line`. */
  readonly origin: string;
  /** Path of the generated module. */
  readonly file: string;
  /** How many `// =>` checks it makes. */
  readonly checks: number;
}

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, '.doc-examples');

function walk(dir: string, keep: (path: string) => boolean): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(walk(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out.sort();
}

interface Block {
  readonly origin: string;
  readonly lines: readonly string[];
}

/**
 * The ```ts blocks of a file: Markdown as is, or TSDoc comments once their
 * leading ` * ` is stripped (lines outside comments are skipped).
 */
function blocksOf(path: string, kind: 'tsdoc' | 'markdown'): Block[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const blocks: Block[] = [];
  let current: string[] | undefined;
  let start = 0;
  lines.forEach((raw, i) => {
    const m = kind === 'tsdoc' ? /^\s*\*\s?(.*)$/.exec(raw) : null;
    if (kind === 'tsdoc' && m === null) return;
    const text = kind === 'tsdoc' ? (m?.[1] ?? '') : raw;
    if (current === undefined && /^```ts\s*$/.test(text)) {
      current = [];
      start = i + 1;
    } else if (current !== undefined && /^```\s*$/.test(text)) {
      blocks.push({ origin: `${relative(ROOT, path)}:${start}`, lines: current });
      current = undefined;
    } else if (current !== undefined) {
      current.push(text);
    }
  });
  return blocks;
}

const CHECK_RE = /^(\s*)(.+?);?\s*\/\/ => (.+)$/;

/** The module text for one block, and how many checks it has. */
export function transform(lines: readonly string[]): { code: string; checks: number } {
  const imports: string[] = [];
  const body: string[] = [];
  let checks = 0;
  let inImport = false;
  for (const line of lines) {
    if (inImport || /^import\s/.test(line)) {
      imports.push(line);
      inImport = !/;\s*$/.test(line);
      continue;
    }
    const m = CHECK_RE.exec(line);
    if (m === null) {
      body.push(line);
      continue;
    }
    checks += 1;
    const [, indent, expr, expected] = m as unknown as [string, string, string, string];
    const thrown = /^throws ([a-z_]+)$/.exec(expected.trim());
    body.push(
      thrown === null
        ? `${indent}__expect(${expr}).toEqual(${expected});`
        : `${indent}__throws(() => ${expr}, '${thrown[1]}');`,
    );
  }
  const code = [
    "import { expect as __expect } from 'vitest';",
    "import { isCspRuleError as __isCspRuleError } from '../src/core/errors.js';",
    ...imports,
    '',
    'export async function run(): Promise<void> {',
    ...body.map((l) => (l === '' ? l : `  ${l}`)),
    '}',
    '',
    'function __throws(fn: () => unknown, code: string): void {',
    '  let caught: unknown;',
    '  try {',
    '    fn();',
    '  } catch (e) {',
    '    caught = e;',
    '  }',
    "  if (caught === undefined) throw new Error('expected CspRuleError ' + code + ', nothing was thrown');",
    '  if (!__isCspRuleError(caught)) throw caught;',
    '  __expect(caught.code).toBe(code);',
    '}',
    '',
  ].join('\n');
  return { code, checks };
}

/** Every documentation block in the project. */
export function collectBlocks(): Block[] {
  const sources = walk(join(ROOT, 'src'), (p) => p.endsWith('.ts'));
  const markdown = [
    join(ROOT, 'README.md'),
    ...walk(join(ROOT, 'docs'), (p) => p.endsWith('.md') && !p.includes(`${join('docs', 'api')}`)),
  ];
  const examples = walk(join(ROOT, 'examples'), (p) => p.endsWith('.ts'));
  return [
    ...sources.flatMap((p) => blocksOf(p, 'tsdoc')),
    ...markdown.flatMap((p) => blocksOf(p, 'markdown')),
    ...examples.map((p) => ({
      origin: `${relative(ROOT, p)}:1`,
      lines: readFileSync(p, 'utf8').split('\n'),
    })),
  ];
}

/** Writes one module per block into .doc-examples/ and lists them. */
export function writeDocExamples(): DocExample[] {
  mkdirSync(OUT, { recursive: true });
  const written = collectBlocks().map((block) => {
    const { code, checks } = transform(block.lines);
    const slug = block.origin.replace(/[^A-Za-z0-9]+/g, '_');
    const file = join(OUT, `${slug}.ts`);
    // Rewrite only what changed, so parallel runs never see a half-written file.
    if (!existsSync(file) || readFileSync(file, 'utf8') !== code) writeFileSync(file, code);
    return { origin: block.origin, file, checks };
  });
  const keep = new Set(written.map((w) => w.file));
  for (const name of readdirSync(OUT)) {
    if (!keep.has(join(OUT, name))) rmSync(join(OUT, name), { force: true });
  }
  return written;
}

if (process.argv[1] === import.meta.filename) {
  const written = writeDocExamples();
  process.stdout.write(`${written.length} documentation examples written to .doc-examples/\n`);
}
