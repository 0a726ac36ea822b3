#!/usr/bin/env node
/**
 * csp-software-rules report [file] [--as-of DATE] [--locale it|en] [--format table|json]
 *
 * The only code in the package that reads the clock, files and argv.
 * Without a file it reports on the sample portfolio shipped in examples/.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCspRuleError, parseInstant } from '../core/index.js';
import { readPortfolio } from './portfolio.js';
import { renderJson, renderText } from './render.js';
import { buildReport, type ReportLocale } from './report.js';

const USAGE =
  'usage: csp-software-rules report [file] [--as-of DATE] [--locale it|en] [--format table|json]';

interface Args {
  file: string | undefined;
  asOf: string | undefined;
  locale: ReportLocale;
  format: 'table' | 'json';
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv;
  if (command !== 'report')
    throw new UsageError(
      command === undefined ? 'missing command' : `unknown command "${command}"`,
    );
  const args: Args = { file: undefined, asOf: undefined, locale: 'en', format: 'table' };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--as-of') args.asOf = value();
    else if (flag === '--locale') {
      const v = value();
      if (v !== 'en' && v !== 'it') throw new UsageError(`--locale must be en or it, not "${v}"`);
      args.locale = v;
    } else if (flag === '--format') {
      const v = value();
      if (v !== 'table' && v !== 'json')
        throw new UsageError(`--format must be table or json, not "${v}"`);
      args.format = v;
    } else if (flag === '--help' || flag === '-h') throw new UsageError('');
    else if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
    else if (args.file === undefined) args.file = a;
    else throw new UsageError(`unexpected argument "${a}"`);
  }
  return args;
}

/** The sample portfolio: examples/sample-portfolio.json next to the package root. */
function samplePath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // dist/cli/main.js or src/cli/main.ts: the package root is two levels up.
  return join(here, '..', '..', 'examples', 'sample-portfolio.json');
}

/** Runs the command; returns the exit code. Output goes through the given writers. */
export function run(
  argv: readonly string[],
  out: (s: string) => void,
  err: (s: string) => void,
  now: Date,
): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`${e.message === '' ? '' : `csp-software-rules: ${e.message}\n`}${USAGE}\n`);
    return e.message === '' ? 0 : 2;
  }
  const file = args.file ?? samplePath();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    err(
      `csp-software-rules: ${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})\n`,
    );
    return 1;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    err(`csp-software-rules: ${file}: not valid JSON (${(e as Error).message})\n`);
    return 1;
  }
  try {
    const asOf = args.asOf === undefined ? now : parseInstant(args.asOf, '--as-of');
    const report = buildReport(readPortfolio(json), asOf, args.locale);
    out(args.format === 'json' ? renderJson(report) : renderText(report, args.locale));
    return 0;
  } catch (e) {
    if (!isCspRuleError(e)) throw e;
    const where = e.field === '--as-of' ? '' : `${file}: `;
    err(
      `csp-software-rules: ${where}${e.field}: ${e.message.replace(`${e.field}: `, '').replace(`${e.field}:`, '').trim()} [${e.code}]\n`,
    );
    return 1;
  }
}

// Run only when executed as a program (not when imported by tests).
const invoked = process.argv[1];
if (
  invoked !== undefined &&
  /(?:^|[\\/])(?:main\.(?:js|ts|cjs)|csp-software-rules)$/.test(invoked)
) {
  process.exitCode = run(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
    new Date(),
  );
}
