/**
 * Node-only readers of Microsoft's reconciliation files: the Partner Center
 * CSV and Graph's billed-reconciliation export (gzip, one JSON object per
 * line), streamed line by line. The only rule-free code of the package that
 * touches files and streams (with the CLI).
 * @module
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import Papa from 'papaparse';
import { isCspRuleError } from '../core/index.js';
import { failField } from '../core/internal.js';
import {
  type BilledLine,
  billedLineReader,
  type MalformedRecord,
} from '../reconciliation/index.js';

/**
 * The formats read: `csv` (Partner Center's download) or `jsonl` (Graph's
 * `compressedJSONLines` export once gunzipped, or as it comes).
 * @category Files
 */
export type ReconciliationFileFormat = 'csv' | 'jsonl';

/**
 * Options of {@link readReconciliationFile} and {@link readReconciliationStream}.
 * @category Files
 */
export interface ReadReconciliationOptions {
  /** The format; default from the content (a first `{` is JSON lines, else CSV). Gzip is always detected. */
  readonly format?: ReconciliationFileFormat;
}

/**
 * One item a reader yields: a line read, or a line that could not be
 * (`reconcile` turns it into a `malformed_line` finding).
 * @category Files
 */
export type ReadItem = { readonly line: BilledLine } | { readonly malformed: MalformedRecord };

const GZIP_MAGIC = [0x1f, 0x8b];

/** The stream's first bytes, and a stream that still yields every byte. */
async function peek(stream: AsyncIterable<Buffer>): Promise<{ head: Buffer; rest: Readable }> {
  const it = stream[Symbol.asyncIterator]();
  const first = await it.next();
  const head = first.done === true ? Buffer.alloc(0) : Buffer.from(first.value);
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    for (;;) {
      const next = await it.next();
      if (next.done === true) return;
      yield next.value;
    }
  }
  return { head, rest: Readable.from(all(), { objectMode: false }) };
}

function firstChar(head: Buffer): string {
  const text = head
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return text.charAt(0);
}

async function* jsonLines(stream: Readable): AsyncGenerator<ReadItem> {
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  let keys: string[] = [];
  let read = billedLineReader([]);
  for await (const raw of lines) {
    n += 1;
    const text = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      yield { malformed: { line: n, field: null, problem: 'not a JSON object' } };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { malformed: { line: n, field: null, problem: 'not a JSON object' } };
      continue;
    }
    const record = value as Record<string, unknown>;
    const k = Object.keys(record);
    let same = k.length === keys.length;
    for (let i = 0; same && i < k.length; i++) same = k[i] === keys[i];
    if (!same) {
      keys = k;
      read = billedLineReader(k);
    }
    const values: unknown[] = new Array(k.length);
    for (let i = 0; i < k.length; i++) values[i] = record[k[i] as string];
    yield { line: read(values, n) };
  }
}

function namesChargeType(header: readonly string[]): boolean {
  for (const name of header)
    if (
      String(name)
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase() === 'chargetype'
    )
      return true;
  return false;
}

async function* csvLines(stream: Readable): AsyncGenerator<ReadItem> {
  const rows = Papa.parse(Papa.NODE_STREAM_INPUT, {
    header: false,
    skipEmptyLines: 'greedy',
  }) as unknown as Readable;
  stream.on('error', (e) => rows.destroy(e));
  stream.pipe(rows as unknown as NodeJS.WritableStream);
  let n = 0;
  let width = 0;
  let read = billedLineReader([]);
  for await (const row of rows as unknown as AsyncIterable<string[]>) {
    n += 1;
    if (n === 1) {
      width = row.length;
      if (!namesChargeType(row)) {
        // Not Microsoft's header (JSON read as CSV, another export): one
        // finding for the file rather than a line per row nobody can read.
        yield {
          malformed: {
            line: 1,
            field: 'ChargeType',
            problem: 'the header has no ChargeType column: not a reconciliation file',
          },
        };
        rows.destroy();
        return;
      }
      read = billedLineReader(row);
      continue;
    }
    if (row.length !== width) {
      yield {
        malformed: {
          line: n,
          field: null,
          problem: `${row.length} columns where the header has ${width}`,
        },
      };
      continue;
    }
    yield { line: read(row, n) };
  }
}

/**
 * Reads Microsoft's reconciliation data from a stream, line by line: gzip is
 * detected by its magic bytes; the format by `options.format` or the content.
 * A malformed line is yielded as `{ malformed }` with its line number; the
 * rest is still read. A byte-order mark is accepted.
 *
 * @param stream - A readable byte stream (a file, an HTTP body).
 * @param options - `{ format? }`.
 * @returns An async iterable of `{ line }` or `{ malformed }`, for `reconcileAsync`.
 * @throws {@link core!CspRuleError} `invalid_option` for an unknown format
 *   (thrown when iteration starts); a stream error rejects the iteration.
 * @example
 * ```ts
 * import { Readable } from 'node:stream';
 * import { readReconciliationStream } from 'csp-software-rules/files';
 *
 * const csv = 'CustomerId,SubscriptionId,ChargeType,Subtotal,Currency\nc1,s1,new,100.80,EUR\nc1,s1\n';
 * const items = [];
 * for await (const item of readReconciliationStream(Readable.from([csv]))) items.push(item);
 * items.length; // => 2
 * 'malformed' in (items[1] ?? {}); // => true
 * ```
 * @category Files
 */
export async function* readReconciliationStream(
  stream: Readable,
  options?: ReadReconciliationOptions,
): AsyncGenerator<ReadItem> {
  const format = options?.format;
  if (format !== undefined && format !== 'csv' && format !== 'jsonl') {
    failField('options.format', 'expected "csv" or "jsonl"', 'invalid_option');
  }
  let { head, rest } = await peek(stream);
  if (head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]) {
    const gunzip = createGunzip();
    rest.on('error', (e) => gunzip.destroy(e));
    ({ head, rest } = await peek(rest.pipe(gunzip)));
  }
  const jsonl = format === 'jsonl' || (format === undefined && firstChar(head) === '{');
  yield* jsonl ? jsonLines(rest) : csvLines(rest);
}

/**
 * Reads a reconciliation file (CSV, JSON lines, either gzipped) line by
 * line: see {@link readReconciliationStream}.
 *
 * @param path - The file's path.
 * @param options - `{ format? }`.
 * @returns An async iterable of `{ line }` or `{ malformed }`.
 * @throws {@link core!CspRuleError} `invalid_input` (field `path`) when the
 *   file cannot be opened (the iteration rejects).
 * @example
 * ```ts
 * import { readReconciliationFile } from 'csp-software-rules/files';
 * import { reconcileAsync } from 'csp-software-rules/reconciliation';
 *
 * const r = await reconcileAsync(readReconciliationFile('examples/reconciliation/invoice-2026-11.csv'), []);
 * r.lines; // => 15
 * ```
 * @category Files
 */
export async function* readReconciliationFile(
  path: string,
  options?: ReadReconciliationOptions,
): AsyncGenerator<ReadItem> {
  const stream = createReadStream(path);
  try {
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
  } catch (e) {
    if (isCspRuleError(e)) throw e;
    failField(
      'path',
      `cannot open the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      'invalid_input',
    );
  }
  yield* readReconciliationStream(stream, options);
}
