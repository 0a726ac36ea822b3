// The project's domain files live in ../shared/domain beside the repository.
// Look for them upwards from this file, so the tests also find them from a
// sandbox copy of the repository (mutation testing runs in .stryker-tmp/...).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The text of a file of `shared/domain/`, found in the nearest ancestor folder that has it. */
export function readDomainFile(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const path = join(dir, 'shared', 'domain', name);
    if (existsSync(path)) return readFileSync(path, 'utf8');
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`shared/domain/${name} not found above the tests`);
    dir = parent;
  }
}
