/**
 * Summarises Stryker JSON reports (reports/mutation/*.json, one per area or
 * one for all of src) as a Markdown table: mutation score per area, and the
 * surviving mutants with their place, for docs/quality.md.
 *   npx tsx scripts/mutation-summary.ts [reports/mutation]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface Mutant {
  readonly mutatorName: string;
  readonly status: string;
  readonly replacement?: string;
  readonly location: { readonly start: { readonly line: number } };
}
interface Report {
  readonly files: Readonly<Record<string, { readonly mutants: readonly Mutant[] }>>;
}

const dir = process.argv[2] ?? 'reports/mutation';
const byArea = new Map<
  string,
  { killed: number; survived: number; noCoverage: number; timeout: number; ignored: number }
>();
const survivors: string[] = [];
// For each source file, the newest report that mutated it: an area's full
// run and later runs of some of its files (`mutation:area core decimal`) add up.
const latest = new Map<string, readonly Mutant[]>();
for (const name of readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.incremental.json'))
  .map((f) => ({ f, at: statSync(join(dir, f)).mtimeMs }))
  .sort((a, b) => a.at - b.at)
  .map(({ f }) => f)) {
  const report = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Report;
  for (const [file, { mutants }] of Object.entries(report.files)) latest.set(file, mutants);
}
for (const [file, mutants] of [...latest].sort(([a], [b]) => (a < b ? -1 : 1))) {
  const area = /src\/([^/]+)\//.exec(file)?.[1] ?? 'other';
  const row = byArea.get(area) ?? {
    killed: 0,
    survived: 0,
    noCoverage: 0,
    timeout: 0,
    ignored: 0,
  };
  for (const m of mutants) {
    if (m.status === 'Killed') row.killed++;
    else if (m.status === 'Timeout') row.timeout++;
    else if (m.status === 'Survived') {
      row.survived++;
      survivors.push(
        `| ${file}:${m.location.start.line} | ${m.mutatorName} | \`${(m.replacement ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 60)}\` |`,
      );
    } else if (m.status === 'NoCoverage') row.noCoverage++;
    else row.ignored++;
  }
  byArea.set(area, row);
}
const score = (r: { killed: number; timeout: number; survived: number; noCoverage: number }) =>
  (100 * (r.killed + r.timeout)) / Math.max(1, r.killed + r.timeout + r.survived + r.noCoverage);
const total = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, ignored: 0 };
const lines = [
  '| area | killed | timed out | survived | no coverage | ignored (static) | score |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const [area, r] of [...byArea].sort()) {
  for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
  lines.push(
    `| ${area} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.ignored} | ${score(r).toFixed(1)}% |`,
  );
}
lines.push(
  `| **all measured** | ${total.killed} | ${total.timeout} | ${total.survived} | ${total.noCoverage} | ${total.ignored} | **${score(total).toFixed(1)}%** |`,
);
process.stdout.write(
  `${lines.join('\n')}\n\nSurviving mutants:\n\n| place | mutator | replacement |\n| --- | --- | --- |\n${survivors.join('\n')}\n`,
);
