import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

// One entry per area folder with an index.ts (each is a subpath export), plus the root.
const areas = readdirSync('src', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`src/${d.name}/index.ts`))
  .map((d) => d.name);

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      ...Object.fromEntries(areas.map((a) => [`${a}/index`, `src/${a}/index.ts`])),
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
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
