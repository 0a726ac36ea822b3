#!/usr/bin/env node
/**
 * csp-software-rules report [file] [--as-of DATE] [--locale it|en] [--format table|json|ndjson]
 * csp-software-rules reconcile --subscriptions FILE --invoice FILE [--period YYYY-MM]
 *                              [--format table|json|csv] [--locale it|en]
 *
 * The only code in the package that reads the clock, files and argv (with
 * the ./files readers). Without a file, report uses the sample portfolio
 * shipped in examples/.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CspRuleError, isCspRuleError, parseInstant } from '../core/index.js';
import { type ReadItem, readReconciliationFile } from '../files/index.js';
import {
  type ReconciledPurchase,
  type Reconciliation,
  reconcileAsync,
} from '../reconciliation/index.js';
import { readPortfolio } from './portfolio.js';
import {
  customerNames,
  portfolioPurchases,
  renderReconciliationCsv,
  renderReconciliationJson,
  renderReconciliationText,
} from './reconcile.js';
import { writeJsonReport, writeNdjsonReport, writeTextReport } from './render.js';
import { checkPortfolio, type ReportLocale } from './report.js';

const USAGE =
  'usage: csp-software-rules report [file] [--as-of DATE] [--locale it|en] [--format table|json|ndjson]\n' +
  '       csp-software-rules reconcile --subscriptions FILE --invoice FILE [--period YYYY-MM] [--format table|json|csv] [--locale it|en]';

const RECONCILE_HELP = `usage: csp-software-rules reconcile --subscriptions FILE --invoice FILE [options]

Checks every line of a Microsoft reconciliation file against the lines the
rules give for your subscriptions and their histories.

  --subscriptions FILE  the portfolio (JSON): customers with customerId (the
                        tenant id), subscriptions and perpetual purchases,
                        each with its unitPrice and an optional history
  --invoice FILE        the reconciliation file: the Partner Center CSV or
                        Graph's export (JSON lines), gzipped or not
  --period YYYY-MM      the billing period the file is for (also reports the
                        lines nobody billed in it)
  --format FORMAT       table (default), json (every number) or csv (findings)
  --locale LOCALE       en (default) or it

Exit status: 0 every modelled line matches; 1 there are findings;
2 the input cannot be used (a message says why).

The portfolio's format and its JSON Schema: docs/cli.md in the package.
`;

interface ReconcileArgs {
  subscriptions: string | undefined;
  invoice: string | undefined;
  period: string | undefined;
  locale: ReportLocale;
  format: 'table' | 'json' | 'csv';
}

/** What the command may know of its terminal, for the progress line. */
export interface RunOptions {
  /** Whether stderr is a terminal (progress is shown only then). */
  readonly stderrIsTTY?: boolean;
  /** Milliseconds, for the lines-per-second figure. */
  readonly clock?: () => number;
}

interface Args {
  file: string | undefined;
  asOf: string | undefined;
  locale: ReportLocale;
  format: 'table' | 'json' | 'ndjson';
}

class UsageError extends Error {}

/** Walks `--flag value`, `--flag=value` and positional arguments. */
function eachArg(
  rest: readonly string[],
  on: (flag: string, value: () => string, raw: string) => void,
): void {
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
    on(flag, value, a);
  }
}

function localeArg(v: string): ReportLocale {
  if (v !== 'en' && v !== 'it') throw new UsageError(`--locale must be en or it, not "${v}"`);
  return v;
}

function parseArgs(rest: readonly string[]): Args {
  const args: Args = { file: undefined, asOf: undefined, locale: 'en', format: 'table' };
  eachArg(rest, (flag, value, a) => {
    if (flag === '--as-of') args.asOf = value();
    else if (flag === '--locale') args.locale = localeArg(value());
    else if (flag === '--format') {
      const v = value();
      if (v !== 'table' && v !== 'json' && v !== 'ndjson')
        throw new UsageError(`--format must be table, json or ndjson, not "${v}"`);
      args.format = v;
    } else if (flag === '--help' || flag === '-h') throw new UsageError('');
    else if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
    else if (args.file === undefined) args.file = a;
    else throw new UsageError(`unexpected argument "${a}"`);
  });
  return args;
}

class HelpRequest extends Error {}

function parseReconcileArgs(rest: readonly string[]): ReconcileArgs {
  const args: ReconcileArgs = {
    subscriptions: undefined,
    invoice: undefined,
    period: undefined,
    locale: 'en',
    format: 'table',
  };
  eachArg(rest, (flag, value, a) => {
    if (flag === '--subscriptions') args.subscriptions = value();
    else if (flag === '--invoice') args.invoice = value();
    else if (flag === '--period') {
      const v = value();
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v))
        throw new UsageError(`--period must be YYYY-MM, not "${v}"`);
      args.period = v;
    } else if (flag === '--locale') args.locale = localeArg(value());
    else if (flag === '--format') {
      const v = value();
      if (v !== 'table' && v !== 'json' && v !== 'csv')
        throw new UsageError(`--format must be table, json or csv, not "${v}"`);
      args.format = v;
    } else if (flag === '--help' || flag === '-h') throw new HelpRequest();
    else if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
    else throw new UsageError(`unexpected argument "${a}"`);
  });
  if (args.subscriptions === undefined) throw new UsageError('--subscriptions is required');
  if (args.invoice === undefined) throw new UsageError('--invoice is required');
  return args;
}

const HELP = `csp-software-rules: the rules of Microsoft's CSP program for software, from the command line.

Commands:
  report [FILE]     every purchase of a portfolio at one instant: its term, renewal,
                    billing plan, cancellation window and refund, the market's rules,
                    the KMS-to-MAK deadline. Without FILE, the bundled sample portfolio.
      --as-of DATE              the instant (ISO 8601 with Z or an offset; default now)
      --locale en|it            the language (default en)
      --format table|json|ndjson
  reconcile --subscriptions FILE --invoice FILE [--period YYYY-MM] [--format table|json|csv]
                    checks Microsoft's reconciliation file against the portfolio's
                    histories (see: csp-software-rules reconcile --help)
  --version         the package version
  --help            this help

Examples:
  csp-software-rules report --as-of 2026-11-25T12:00:00Z
  csp-software-rules report portfolio.json --format json > report.json
  csp-software-rules reconcile --subscriptions portfolio.json --invoice invoice.csv --period 2026-11

Exit status: 0 done (reconcile: every line matches); 1 reconcile found differences;
2 the command line or the input cannot be used (one line on stderr says why).

File formats (the portfolio, the JSON report) and their JSON Schemas: docs/cli.md in the
package; schemas csp-software-rules/json-schema/portfolio.schema.json and report.schema.json.
`;

/** The package's version, from its package.json (two levels above dist/cli or src/cli). */
function packageVersion(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  try {
    const pkg = JSON.parse(readFileSync(join(here, '..', '..', 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The sample portfolio: examples/sample-portfolio.json next to the package root. */
function samplePath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // dist/cli/main.js or src/cli/main.ts: the package root is two levels up.
  return join(here, '..', '..', 'examples', 'sample-portfolio.json');
}

/**
 * Runs a command; returns the exit code (a promise of it for reconcile).
 * Output goes through the given writers.
 */
export function run(
  argv: readonly string[],
  out: (s: string) => void,
  err: (s: string) => void,
  now: Date,
  options: RunOptions = {},
): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    out(`${packageVersion()}\n`);
    return 0;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    out(HELP);
    return 0;
  }
  if (command === 'reconcile') {
    let args: ReconcileArgs;
    try {
      args = parseReconcileArgs(rest);
    } catch (e) {
      if (e instanceof HelpRequest) {
        out(RECONCILE_HELP);
        return 0;
      }
      if (!(e instanceof UsageError)) throw e;
      err(`csp-software-rules: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    return reconcileCommand(args, out, err, options);
  }
  let args: Args;
  try {
    if (command !== 'report')
      throw new UsageError(
        command === undefined ? 'missing command' : `unknown command "${command}"`,
      );
    args = parseArgs(rest);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`${e.message === '' ? '' : `csp-software-rules: ${e.message}\n`}${USAGE}\n`);
    return e.message === '' ? 0 : 2;
  }
  const file = args.file ?? samplePath();
  let text = readText(file, err);
  if (text === undefined) return 2;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    err(`csp-software-rules: ${file}: not valid JSON (${(e as Error).message})\n`);
    return 2;
  }
  // The text is not needed once parsed: a large portfolio's memory is halved.
  text = '';
  try {
    const asOf = args.asOf === undefined ? now : parseInstant(args.asOf, '--as-of');
    const portfolio = readPortfolio(json);
    json = undefined;
    checkPortfolio(portfolio, asOf);
    // Written as it is computed, in pieces of about 64 kB.
    let pending = '';
    const write = (piece: string) => {
      pending += piece;
      if (pending.length >= 65_536) {
        out(pending);
        pending = '';
      }
    };
    try {
      if (args.format === 'json') writeJsonReport(portfolio, asOf, write);
      else if (args.format === 'ndjson') writeNdjsonReport(portfolio, asOf, write);
      else writeTextReport(portfolio, asOf, args.locale, write);
    } finally {
      if (pending !== '') out(pending);
    }
    return 0;
  } catch (e) {
    if (!isCspRuleError(e)) throw e;
    err(errorLine(e.field === '--as-of' ? undefined : file, e));
    return 2;
  }
}

/** A file's text, or `undefined` after a one-line message. */
function readText(file: string, err: (s: string) => void): string | undefined {
  try {
    // A byte-order mark (some editors write one) is not part of the JSON.
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    err(
      `csp-software-rules: ${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})\n`,
    );
    return undefined;
  }
}

/** The rule error as one line: `file: field: message [code]` (no file for an argument's error). */
function errorLine(file: string | undefined, e: CspRuleError): string {
  const message = e.message.replace(`${e.field}: `, '').replace(`${e.field}:`, '').trim();
  return `csp-software-rules: ${file === undefined ? '' : `${file}: `}${e.field}: ${message} [${e.code}]\n`;
}

async function reconcileCommand(
  args: ReconcileArgs,
  out: (s: string) => void,
  err: (s: string) => void,
  options: RunOptions,
): Promise<number> {
  const portfolioFile = args.subscriptions as string;
  const invoice = args.invoice as string;
  const text = readText(portfolioFile, err);
  if (text === undefined) return 2;
  let purchases: ReconciledPurchase[];
  let names: Map<string, string>;
  try {
    const portfolio = readPortfolio(JSON.parse(text));
    purchases = portfolioPurchases(portfolio);
    names = customerNames(portfolio);
  } catch (e) {
    if (e instanceof SyntaxError) {
      err(`csp-software-rules: ${portfolioFile}: not valid JSON (${e.message})\n`);
      return 2;
    }
    if (!isCspRuleError(e)) throw e;
    err(errorLine(portfolioFile, e));
    return 2;
  }
  const clock = options.clock ?? Date.now;
  const started = clock();
  let lines = 0;
  let shown = started;
  const progress = (final: boolean) => {
    const seconds = Math.max((clock() - started) / 1000, 0.001);
    const rate = Math.round(lines / seconds);
    err(
      `\r${lines.toLocaleString('en')} lines, ${rate.toLocaleString('en')} lines/s${final ? '\n' : ''}`,
    );
  };
  async function* counted(): AsyncGenerator<ReadItem> {
    for await (const item of readReconciliationFile(invoice)) {
      lines += 1;
      if (options.stderrIsTTY === true && (lines & 0x3ff) === 0 && clock() - shown >= 250) {
        shown = clock();
        progress(false);
      }
      yield item;
    }
  }
  let result: Reconciliation;
  try {
    result = await reconcileAsync(
      counted(),
      purchases,
      args.period === undefined ? {} : { period: args.period },
    );
  } catch (e) {
    if (!isCspRuleError(e)) {
      // A stream that breaks (a truncated gzip) is unusable input, said in one line.
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== undefined && typeof code === 'string') {
        err(`csp-software-rules: ${invoice}: cannot read the file (${code})\n`);
        return 2;
      }
      throw e;
    }
    err(errorLine(e.field.startsWith('purchases') ? portfolioFile : invoice, e));
    return 2;
  }
  if (options.stderrIsTTY === true) progress(true);
  out(
    args.format === 'json'
      ? renderReconciliationJson(result)
      : args.format === 'csv'
        ? renderReconciliationCsv(result, args.locale)
        : renderReconciliationText(result, invoice, args.locale, names),
  );
  return result.ok ? 0 : 1;
}

// Run only when executed as a program (not when imported by tests).
const invoked = process.argv[1];
if (
  invoked !== undefined &&
  /(?:^|[\\/])(?:main\.(?:js|ts|cjs)|csp-software-rules)$/.test(invoked)
) {
  void Promise.resolve(
    run(
      process.argv.slice(2),
      (s) => process.stdout.write(s),
      (s) => process.stderr.write(s),
      new Date(),
      { stderrIsTTY: process.stderr.isTTY === true },
    ),
  ).then((code) => {
    process.exitCode = code;
  });
}
