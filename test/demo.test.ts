// `npm run demo` (package.json): bundles the CLI alone and runs it on the
// sample portfolio with a fixed --as-of, so it is fast and prints the same
// report whatever the day.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';

const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};
const demo = pkg.scripts['demo'] ?? '';
const [build = '', start = ''] = demo.split(' && ');
const outfile = /--outfile=(\S+)/.exec(build)?.[1];
const program = /^node (\S+) (.+)$/.exec(start);
const argv = (program?.[2] ?? '').split(' ');

function report(now: Date): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(
    argv,
    (s) => (out += s),
    (s) => (err += s),
    now,
  ) as number;
  return { code, out, err };
}

describe('npm run demo', () => {
  it('runs the file it builds, without declarations, outside dist/', () => {
    expect(build).toMatch(/^esbuild src\/cli\/main\.ts /);
    expect(outfile).toBeDefined();
    expect(program?.[1]).toBe(outfile);
    // The CLI finds the sample and package.json two folders above itself.
    expect(outfile?.split('/')).toHaveLength(3);
    expect(outfile).not.toMatch(/^dist\//);
    const top = `${outfile?.split('/')[0]}`;
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain(top);
    expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toContain(`--exclude=./${top} `);
  });

  it('prints the same report whatever the clock says', () => {
    expect(argv.slice(0, 2)).toEqual(['report', '--as-of']);
    const today = report(new Date('2026-12-04T03:00:00Z'));
    const nextYear = report(new Date('2027-12-04T15:30:00Z'));
    expect(today.code).toBe(0);
    expect(today.err).toBe('');
    // The report states the demo's instant (the day the sample is written
    // for), not the clock's.
    expect(argv[2]).toBe('2026-11-25T12:00:00Z');
    expect(today.out.split('\n')[0]).toBe('# CSP software report (as of 25 Nov 2026 12:00 UTC)');
    expect(today.out).not.toContain('4 Dec 2026');
    expect(nextYear.out).toBe(today.out);
  });
});
