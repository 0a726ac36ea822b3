import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

// One entry per area folder with an index.ts (each is a subpath export), plus
// the root; a folder with an index.ts inside an area is a subpath of its own
// (the `explain/it` locale).
const folders = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
const areas = folders('src')
  .filter((a) => existsSync(`src/${a}/index.ts`))
  .flatMap((a) => [
    a,
    ...folders(`src/${a}`)
      .filter((f) => existsSync(`src/${a}/${f}/index.ts`))
      .map((f) => `${a}/${f}`),
  ]);

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      ...Object.fromEntries(areas.map((a) => [`${a}/index`, `src/${a}/index.ts`])),
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    target: 'es2022',
    splitting: true,
  },
  {
    // The report command: ESM only, a program rather than a library entry.
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'es2022',
    platform: 'node',
  },
]);
