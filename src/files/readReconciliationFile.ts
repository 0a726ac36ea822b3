/**
 * Node-only readers of Microsoft's reconciliation files: the Partner Center
 * CSV and Graph's billed-reconciliation export (gzip, one JSON object per
 * line), streamed line by line. The only rule-free code of the package that
 * touches files and streams (with the CLI).
 * @module
 */
import { createReadStream } from 'node:fs';
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
export type ReadItem =
  | {
      /** A line read. */
      readonly line: BilledLine;
    }
  | {
      /** A line that could not be read (its number, the attribute, the problem). */
      readonly malformed: MalformedRecord;
    };

const GZIP_MAGIC = [0x1f, 0x8b];

/** What the format is told from: gzip's magic, a BOM, blanks, then `{` or not. */
const HEAD_BYTES = 64;

/**
 * The stream's first bytes (at least {@link HEAD_BYTES} unless it is shorter:
 * a source may hand them out a byte at a time), and a stream that still
 * yields every byte.
 */
async function peek(stream: AsyncIterable<Buffer>): Promise<{ head: Buffer; rest: Readable }> {
  const it = stream[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  let ended = false;
  let failure: { error: unknown } | undefined;
  while (size < HEAD_BYTES) {
    let next: IteratorResult<Buffer>;
    try {
      next = await it.next();
    } catch (error) {
      // The lines before a failure are still read, then it rejects.
      if (size === 0) throw error;
      failure = { error };
      break;
    }
    if (next.done === true) {
      ended = true;
      break;
    }
    const chunk = Buffer.from(next.value);
    chunks.push(chunk);
    size += chunk.length;
  }
  const head = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (failure !== undefined) throw failure.error;
    if (ended) return;
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
    .subarray(0, HEAD_BYTES)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return text.charAt(0);
}

/** The longest line of JSON lines read (Graph's records are about 2 kB). */
const MAX_LINE_CHARS = 1 << 20;

/**
 * Items produced in batches (one per chunk of the file) and handed out one by
 * one: a `for await` over a million lines pays one promise per line, not one
 * per layer of async generators. The producer is paused while batches wait.
 */
class Batches implements AsyncIterableIterator<ReadItem> {
  #queue: ReadItem[][] = [];
  #batch: ReadItem[] = [];
  #at = 0;
  #done = false;
  #failure: unknown;
  #wake: (() => void) | undefined;
  #paused = false;
  readonly #source: Readable;

  constructor(source: Readable) {
    this.#source = source;
  }

  /** Adds a batch (a chunk's items); pauses the source when enough wait. */
  push(items: ReadItem[]): void {
    if (items.length > 0) this.#queue.push(items);
    if (this.#queue.length >= 8 && !this.#paused) {
      this.#paused = true;
      this.#source.pause();
    }
    this.#notify();
  }

  end(): void {
    this.#done = true;
    this.#notify();
  }

  fail(e: unknown): void {
    if (this.#done) return;
    this.#failure = e;
    this.#done = true;
    this.#notify();
  }

  get finished(): boolean {
    return this.#done;
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<ReadItem>> {
    if (this.#at < this.#batch.length)
      return Promise.resolve({ value: this.#batch[this.#at++] as ReadItem, done: false });
    return this.#refill();
  }

  async #refill(): Promise<IteratorResult<ReadItem>> {
    for (;;) {
      const next = this.#queue.shift();
      if (next !== undefined) {
        if (this.#paused && this.#queue.length < 2) {
          this.#paused = false;
          this.#source.resume();
        }
        this.#batch = next;
        this.#at = 1;
        return { value: next[0] as ReadItem, done: false };
      }
      if (this.#failure !== undefined) throw this.#failure;
      if (this.#done) return { value: undefined, done: true };
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
  }

  /** The consumer stopped early (a `break`): reading stops; a `next()` still waiting is done. */
  return(): Promise<IteratorResult<ReadItem>> {
    this.#done = true;
    this.#queue = [];
    this.#batch = [];
    this.#source.destroy();
    this.#notify();
    return Promise.resolve({ value: undefined, done: true });
  }
}

function jsonItem(
  text: string,
  n: number,
  cache: { keys: string[]; read: ReturnType<typeof billedLineReader> },
): ReadItem | undefined {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { malformed: { line: n, field: null, problem: 'not a JSON object' } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { malformed: { line: n, field: null, problem: 'not a JSON object' } };
  const record = value as Record<string, unknown>;
  const k = Object.keys(record);
  let same = k.length === cache.keys.length;
  for (let i = 0; same && i < k.length; i++) same = k[i] === cache.keys[i];
  if (!same) {
    cache.keys = k;
    cache.read = billedLineReader(k);
  }
  const values: unknown[] = new Array(k.length);
  for (let i = 0; i < k.length; i++) values[i] = record[k[i] as string];
  return { line: cache.read(values, n) };
}

function jsonLines(stream: Readable): Batches {
  const out = new Batches(stream);
  const cache = { keys: [] as string[], read: billedLineReader([]) };
  let carry = '';
  let n = 0;
  // A line longer than MAX_LINE_CHARS is reported once and skipped to its end.
  let skipping = false;
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const items: ReadItem[] = [];
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', from);
      if (nl < 0) break;
      const piece = chunk.slice(from, nl);
      from = nl + 1;
      n += 1;
      if (skipping) {
        skipping = false;
        carry = '';
        continue;
      }
      let text = carry === '' ? piece : carry + piece;
      carry = '';
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (n === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const item = jsonItem(text, n, cache);
      if (item !== undefined) items.push(item);
    }
    if (!skipping) {
      carry += chunk.slice(from);
      if (carry.length > MAX_LINE_CHARS) {
        items.push({
          malformed: {
            line: n + 1,
            field: null,
            problem: 'a line longer than 1,048,576 characters',
          },
        });
        carry = '';
        skipping = true;
      }
    }
    out.push(items);
  });
  stream.on('end', () => {
    if (!skipping && carry !== '') {
      n += 1;
      let text = carry.endsWith('\r') ? carry.slice(0, -1) : carry;
      if (n === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const item = jsonItem(text, n, cache);
      if (item !== undefined) out.push([item]);
    }
    out.end();
  });
  stream.on('error', (e) => out.fail(e));
  return out;
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

function csvLines(stream: Readable): Batches {
  const out = new Batches(stream);
  // Records are numbered from the header's 1; blank lines are skipped
  // uncounted (Papa's 'greedy', which its delimiter guess needs).
  let n = 0;
  let width = 0;
  let read = billedLineReader([]);
  // Decoded as a stream, so a character split across two chunks stays whole.
  stream.setEncoding('utf8');
  stream.on('error', (e) => out.fail(e));
  Papa.parse(stream as unknown as File, {
    header: false,
    skipEmptyLines: 'greedy',
    chunk(results, parser) {
      if (out.finished) return;
      const rows = results.data as string[][];
      const items: ReadItem[] = [];
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r] as string[];
        n += 1;
        if (n === 1) {
          width = row.length;
          if (!namesChargeType(row)) {
            // Not Microsoft's header (JSON read as CSV, another export): one
            // finding for the file rather than a line per row nobody can read.
            out.push([
              {
                malformed: {
                  line: 1,
                  field: 'ChargeType',
                  problem: 'the header has no ChargeType column: not a reconciliation file',
                },
              },
            ]);
            out.end();
            parser.abort();
            stream.destroy();
            return;
          }
          read = billedLineReader(row);
          continue;
        }
        if (row.length !== width) {
          items.push({
            malformed: {
              line: n,
              field: null,
              problem: `${row.length} columns where the header has ${width}`,
            },
          });
          continue;
        }
        items.push({ line: read(row, n) });
      }
      out.push(items);
    },
    complete() {
      out.end();
    },
    error(e: unknown) {
      out.fail(e);
    },
  });
  return out;
}

/**
 * Reads Microsoft's reconciliation data from a stream, line by line: gzip is
 * detected by its magic bytes; the format by `options.format` or the content.
 * A malformed line is yielded as `{ malformed }` with its line number (JSON
 * lines: the file's line; CSV: the record's, the header being 1 and blank
 * lines not counted); the rest is still read. A byte-order mark is
 * accepted. Stopping early (a `break`) destroys the stream, as a `for await`
 * over it would.
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
export function readReconciliationStream(
  stream: Readable,
  options?: ReadReconciliationOptions,
): AsyncIterableIterator<ReadItem> {
  const format = options?.format;
  return lazily(async () => {
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
    return jsonl ? jsonLines(rest) : csvLines(rest);
  }, stream);
}

const ignore = (): void => undefined;

/** An iterator that opens its source on the first `next()` (errors then reject it). */
function lazily(
  open: () => Promise<AsyncIterableIterator<ReadItem>>,
  stream?: Readable,
): AsyncIterableIterator<ReadItem> {
  let inner: AsyncIterableIterator<ReadItem> | undefined;
  let opening: Promise<AsyncIterableIterator<ReadItem>> | undefined;
  let closed = false;
  const done = (): Promise<IteratorResult<ReadItem>> =>
    Promise.resolve({ value: undefined, done: true });
  const it: AsyncIterableIterator<ReadItem> = {
    [Symbol.asyncIterator]: () => it,
    next() {
      if (closed) return done();
      if (inner !== undefined) return inner.next();
      opening ??= open().then((i) => {
        inner = i;
        return i;
      });
      // A source closed while it opened ends the iteration, not an error.
      return opening.then(
        (i) => i.next(),
        (e: unknown) => (closed ? done() : Promise.reject(e)),
      );
    },
    return() {
      closed = true;
      // The caller's stream (or the file opened) is released too, as a
      // `break` out of a `for await` over a Node stream does.
      const ended = inner?.return?.();
      // Still opening: what it opens is released once open.
      if (inner === undefined) opening?.then((i) => i.return?.(), ignore);
      stream?.destroy();
      return ended ?? done();
    },
  };
  return it;
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
export function readReconciliationFile(
  path: string,
  options?: ReadReconciliationOptions,
): AsyncIterableIterator<ReadItem> {
  return lazily(async () => {
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
    return readReconciliationStream(stream, options);
  });
}
