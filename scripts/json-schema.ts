/**
 * Writes the JSON Schema of each main input (see `jsonSchemas()` in
 * src/schemas) and of the command line's portfolio and JSON report (see
 * src/cli/jsonSchemas.ts) to dist/json-schema/<name>.schema.json, so
 * services that do not run TypeScript can validate the same shapes. Run
 * after tsup (whose `clean` empties dist/):  tsx scripts/json-schema.ts [outDir]
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CLI_SCHEMA_NAMES, cliJsonSchemas } from '../src/cli/jsonSchemas.js';
import { JSON_SCHEMA_NAMES, jsonSchemas } from '../src/schemas/index.js';

const DEFAULT_OUT = join(import.meta.dirname, '..', 'dist', 'json-schema');

/** Writes every schema into `outDir` (removing stale ones) and returns the file paths. */
export function writeJsonSchemas(outDir: string = DEFAULT_OUT): string[] {
  mkdirSync(outDir, { recursive: true });
  const schemas: Record<string, unknown> = { ...jsonSchemas(), ...cliJsonSchemas() };
  const written = [...JSON_SCHEMA_NAMES, ...CLI_SCHEMA_NAMES].map((name) => {
    const file = join(outDir, `${name}.schema.json`);
    writeFileSync(file, `${JSON.stringify(schemas[name], null, 2)}\n`);
    return file;
  });
  const keep = new Set(written);
  for (const entry of readdirSync(outDir)) {
    const file = join(outDir, entry);
    if (entry.endsWith('.schema.json') && !keep.has(file)) rmSync(file);
  }
  return written;
}

if (process.argv[1] === import.meta.filename) {
  const outDir = process.argv[2] === undefined ? DEFAULT_OUT : resolve(process.argv[2]);
  const written = writeJsonSchemas(outDir);
  process.stdout.write(`${written.length} JSON Schemas written to ${outDir}\n`);
}
