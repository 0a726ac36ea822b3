// Every ```ts block in TSDoc, README.md and docs/*.md, and every examples/*.ts,
// runs here; each `// =>` line is an assertion (see scripts/doc-examples.ts).
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeDocExamples } from '../scripts/doc-examples.js';

const only = process.env['DOC_EXAMPLES_FILTER'];
const examples = writeDocExamples().filter((e) => only === undefined || e.origin.includes(only));

describe('documentation examples', () => {
  it('found examples to run', () => {
    expect(examples.length).toBeGreaterThan(0);
  });
  for (const example of examples) {
    it(example.origin, async () => {
      // An example that checks nothing cannot fail: it must show at least one result.
      expect(example.checks, `${example.origin} has no "// =>" line`).toBeGreaterThan(0);
      const mod = (await import(pathToFileURL(example.file).href)) as { run: () => Promise<void> };
      await mod.run();
    });
  }
});
