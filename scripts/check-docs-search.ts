/**
 * Checks the API docs site that `typedoc` wrote to docs/api (run by
 * `npm run docs`, after typedoc):
 * - every function (and class) each entry point of typedoc.json exports, and
 *   every one the package root exports, is in the search index, and typing
 *   its name in the search box shows it first;
 * - every page of docs/ is on the site (typedoc.json lists them one by one,
 *   in the order the site shows them).
 * The search box is typedoc 0.28's default theme (assets/main.js); `search`
 * below does what it does, and the check fails if main.js stops looking like
 * it, so an upgrade cannot leave the emulation silently out of date.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';

const ROOT = join(import.meta.dirname, '..');
const API = join(ROOT, 'docs', 'api');

interface Row {
  readonly kind: number;
  readonly name: string;
  readonly url: string;
  readonly classes: string;
  readonly parent?: string;
}
interface LunrResult {
  readonly ref: string;
  score: number;
}
interface LunrIndex {
  search(query: string): LunrResult[];
}
interface Lunr {
  readonly Index: { load(serialised: unknown): LunrIndex };
}

/** typedoc's ReflectionKind values of the rows a function may be. */
const FUNCTION = 64;
const CLASS = 128;
/** Rows the default theme's filters hide until the reader ticks them. */
const HIDDEN = /\btsd-is-(private|protected|external)\b/;

/** The `window.x = "<base64 of deflated JSON>"` assets typedoc writes. */
function asset<T>(name: string): T {
  const text = readFileSync(join(API, 'assets', name), 'utf8');
  const data = /"([^"]*)"/.exec(text)?.[1];
  if (data === undefined) throw new Error(`docs/api/assets/${name}: no data`);
  const b64 = data.replace(/^data:[^,]*,/, '');
  return JSON.parse(inflateSync(Buffer.from(b64, 'base64')).toString('utf8')) as T;
}

// lunr is typedoc's own dependency: load the copy typedoc built the index with.
const lunr = createRequire(import.meta.resolve('typedoc'))('lunr') as Lunr;
const data = asset<{ rows: Row[]; index: unknown }>('search.js');
const index = lunr.Index.load(data.index);

const main = readFileSync(join(API, 'assets', 'main.js'), 'utf8');
const THEME = [
  /\.split\(" "\)\.map\(\w+=>\w+\.length\?`\*\$\{\w+\}\*`:""\)\.join\(" "\)/,
  /\.name\.toLowerCase\(\)\.startsWith\(\w+\.toLowerCase\(\)\)&&\(\w+\*=10\/\(1\+Math\.abs\(\w+\.name\.length-\w+\.length\)\)\)/,
  /Math\.min\(10,\w+\.length\)/,
];
const problems: string[] = [];
for (const re of THEME)
  if (!re.test(main))
    problems.push(`docs/api/assets/main.js no longer matches ${re}: update search() here`);

/** The rows the search box lists for `text`, best first (at most 10). */
function search(text: string): Row[] {
  const query = text
    .split(' ')
    .map((t) => (t.length > 0 ? `*${t}*` : ''))
    .join(' ');
  const results = index.search(query);
  for (const r of results) {
    const row = data.rows[Number(r.ref)];
    if (row?.name.toLowerCase().startsWith(text.toLowerCase()))
      r.score *= 10 / (1 + Math.abs(row.name.length - text.length));
  }
  results.sort((a, b) => b.score - a.score);
  return results
    .map((r) => data.rows[Number(r.ref)])
    .filter((row): row is Row => row !== undefined && !HIDDEN.test(row.classes))
    .slice(0, 10);
}

const isCallable = (row: Row | undefined): boolean =>
  row !== undefined && (row.kind === FUNCTION || row.kind === CLASS);

const typedoc = JSON.parse(readFileSync(join(ROOT, 'typedoc.json'), 'utf8')) as {
  entryPoints: string[];
  projectDocuments: string[];
};

async function functionsOf(entry: string): Promise<string[]> {
  const mod = (await import(pathToFileURL(join(ROOT, entry)).href)) as Record<string, unknown>;
  return Object.keys(mod)
    .filter((k) => typeof mod[k] === 'function')
    .sort();
}

let checked = 0;
for (const entry of typedoc.entryPoints) {
  const module = entry.replace(/^src\//, '').replace(/\/index\.ts$/, '');
  for (const name of await functionsOf(entry)) {
    checked += 1;
    const first = search(name)[0];
    if (!isCallable(first) || first?.name !== name || first.parent !== module) {
      const where = first === undefined ? 'nothing' : `${first.parent ?? ''}.${first.name}`;
      problems.push(`${module}: searching "${name}" shows ${where} first`);
    }
  }
}
// The root re-exports the areas: each of its functions is documented in one.
for (const name of await functionsOf('src/index.ts')) {
  const first = search(name)[0];
  if (!isCallable(first) || first?.name !== name)
    problems.push(`csp-software-rules: searching "${name}" does not show it first`);
}

// Every page of docs/ (but the generated API) is one of the site's documents.
function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === API) return [];
    if (statSync(path).isDirectory()) return pages(path);
    return name.endsWith('.md') ? [relative(ROOT, path).split('\\').join('/')] : [];
  });
}
const listed = new Set(typedoc.projectDocuments);
for (const page of pages(join(ROOT, 'docs')))
  if (!listed.has(page)) problems.push(`typedoc.json: projectDocuments does not list ${page}`);

if (problems.length > 0) {
  process.stderr.write(`docs search: ${problems.length} problem(s)\n${problems.join('\n')}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(
    `docs search: ${checked} functions of ${typedoc.entryPoints.length} entry points each found first by name\n`,
  );
}
