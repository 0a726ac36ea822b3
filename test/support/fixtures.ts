// Files of test/fixtures, read from inside the repository (a bare clone has
// nothing beside it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** The text of a file of `test/fixtures/microsoft/` (see its README for each file's source). */
export function readMicrosoftFixture(name: string): string {
  return readFileSync(join(FIXTURES, 'microsoft', name), 'utf8');
}
