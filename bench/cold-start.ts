// npm run bench:cold: how long a fresh Node process takes to load the package
// (ESM import and CJS require), next to an empty Node process. Median of runs.
import { execFileSync } from 'node:child_process';

const RUNS = Number(process.argv[2] ?? 15);
const cases: [string, string[]][] = [
  ['node (empty)', ['-e', '']],
  [
    "import('csp-software-rules')",
    ['--input-type=module', '-e', "await import('csp-software-rules')"],
  ],
  ["require('csp-software-rules')", ['-e', "require('csp-software-rules')"]],
  [
    "import('csp-software-rules/markets')",
    ['--input-type=module', '-e', "await import('csp-software-rules/markets')"],
  ],
  [
    "import('csp-software-rules/schemas')",
    ['--input-type=module', '-e', "await import('csp-software-rules/schemas')"],
  ],
];

const rows = cases.map(([name, args]) => {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, args, { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return [name, times[Math.floor(times.length / 2)] as number] as const;
});
const base = rows[0]?.[1] ?? 0;
process.stdout.write('| load | median wall ms | over empty node |\n| --- | ---: | ---: |\n');
for (const [name, ms] of rows)
  process.stdout.write(`| ${name} | ${ms.toFixed(1)} | ${(ms - base).toFixed(1)} |\n`);
