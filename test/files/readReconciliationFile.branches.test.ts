// The reader's branches, one behaviour each: backpressure (the source paused
// while batches wait, resumed when they run out), an early `break`, stream
// errors, gzip and format detection, JSON lines cut anywhere (carriage
// returns, byte-order marks, the last line without its newline, overlong
// lines), and the CSV header's spelling.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type ReadItem,
  readReconciliationFile,
  readReconciliationStream,
} from '../../src/files/index.js';

const dir = mkdtempSync(join(tmpdir(), 'csp-files-branches-'));
const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** A stream yielding exactly these chunks (a chunk boundary wherever a test wants one). */
const chunks = (...parts: (string | Buffer)[]) =>
  Readable.from(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));

async function all(items: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** An item in short: the line number and charge type read, or the malformed record. */
const brief = (item: ReadItem | undefined) =>
  item === undefined
    ? item
    : 'line' in item
      ? { line: item.line.line, chargeType: item.line.chargeType }
      : { malformed: item.malformed };
const read = async (source: Readable, options?: { format?: 'csv' | 'jsonl' }) =>
  (await all(readReconciliationStream(source, options))).map(brief);

const ok = (line: number, chargeType: string) => ({ line, chargeType });
const notJson = (line: number) => ({
  malformed: { line, field: null, problem: 'not a JSON object' },
});
const notReconciliation = {
  malformed: {
    line: 1,
    field: 'ChargeType',
    problem: 'the header has no ChargeType column: not a reconciliation file',
  },
};
const json = (chargeType: string) => JSON.stringify({ ChargeType: chargeType });

/** Lets every pending callback of in-memory streams run (no timer, no I/O involved). */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Whether a promise has settled once in-memory streams have had their turn. */
async function settledBy<T>(p: Promise<T>): Promise<{ value: T } | 'pending'> {
  let out: { value: T } | 'pending' = 'pending';
  void p.then((value) => {
    out = { value };
  });
  await settle();
  return out;
}

/**
 * Records the streams `Readable.from` makes while the reader opens (the
 * stream it reads and pauses), and how many chunks each has emitted.
 */
function watchStreams() {
  const made: { stream: Readable; emitted: number }[] = [];
  const from = Readable.from.bind(Readable);
  vi.spyOn(Readable, 'from').mockImplementation(((
    iterable: Iterable<unknown> | AsyncIterable<unknown>,
    options?: object,
  ) => {
    const watched = { stream: from(iterable, options), emitted: 0 };
    watched.stream.on('data', () => {
      watched.emitted += 1;
    });
    made.push(watched);
    return watched.stream;
  }) as typeof Readable.from);
  return made;
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** A source of `count` JSON lines, one per chunk, counting the chunks it was asked for. */
function countedJsonLines(count: number) {
  const state = { pulled: 0 };
  function* lines() {
    for (let n = 1; n <= count; n++) {
      state.pulled += 1;
      yield Buffer.from(
        `${JSON.stringify({ ChargeType: 'new', Subtotal: `${n}.00`, Pad: 'x'.repeat(20) })}\n`,
      );
    }
  }
  return { source: Readable.from(lines()), state };
}

describe('backpressure: the source is paused while batches wait', () => {
  it('pauses when 8 batches wait, resumes when fewer than 2 are left, and pauses again', async () => {
    const total = 5000;
    const { source, state } = countedJsonLines(total);
    const made = watchStreams();
    const it = readReconciliationStream(source);
    const first = await it.next();
    expect(brief(first.value)).toEqual(ok(1, 'new'));
    expect(made).toHaveLength(1);
    const watched = made[0] as (typeof made)[number];
    const read = watched.stream;
    let consumed = 1;
    // One chunk, one line, one batch: the batches waiting are the chunks
    // emitted less the items taken.
    const waiting = () => watched.emitted - consumed;

    await settle();
    expect([read.isPaused(), waiting()]).toEqual([true, 8]);
    // The pause reaches the source: far from all of it was read.
    expect(state.pulled).toBeLessThan(total);

    const seen: [boolean, number][] = [];
    for (let k = 0; k < 7; k++) {
      const next = await it.next();
      consumed += 1;
      expect(brief(next.value)).toEqual(ok(consumed, 'new'));
      seen.push([read.isPaused(), waiting()]);
    }
    expect(seen).toEqual([
      [true, 7],
      [true, 6],
      [true, 5],
      [true, 4],
      [true, 3],
      [true, 2],
      [false, 1],
    ]);

    // Resumed, it reads until 8 batches wait again.
    await settle();
    expect([read.isPaused(), waiting()]).toEqual([true, 8]);

    // And every line comes out once, in order, numbered.
    const lines: number[] = [];
    for (;;) {
      const next = await it.next();
      if (next.done === true) break;
      const item = next.value;
      if (!('line' in item)) throw new Error('unexpected malformed line');
      lines.push(item.line.line);
    }
    expect(lines).toHaveLength(total - consumed);
    expect(lines[0]).toBe(consumed + 1);
    expect(lines.every((n, i) => n === consumed + 1 + i)).toBe(true);
    expect(state.pulled).toBe(total);
  });

  it('a slow CSV consumer: the source is not read ahead, and nothing is lost', async () => {
    const total = 5000;
    const state = { pulled: 0 };
    function* rows() {
      state.pulled += 1;
      yield Buffer.from('ChargeType,Subtotal,Note\n');
      for (let n = 2; n <= total; n++) {
        state.pulled += 1;
        yield Buffer.from(`new,${n}.00,${'x'.repeat(30)}\n`);
      }
    }
    const it = readReconciliationStream(Readable.from(rows()));
    const first = await it.next();
    expect(brief(first.value)).toEqual(ok(2, 'new'));
    await settle();
    expect(state.pulled).toBeLessThan(total);
    const rest = (await all(it)).map(brief);
    expect(rest).toHaveLength(total - 2);
    expect(rest.every((b, i) => b !== undefined && 'line' in b && b.line === i + 3)).toBe(true);
    expect(state.pulled).toBe(total);
  });
});

describe('stopping early', () => {
  it('a break stops the reading: the stream read is destroyed, the source no longer read, and the iterator is done', async () => {
    const total = 5000;
    const { source, state } = countedJsonLines(total);
    const made = watchStreams();
    const it = readReconciliationStream(source);
    const got: number[] = [];
    for await (const item of it) {
      if ('line' in item) got.push(item.line.line);
      if (got.length === 3) break;
    }
    expect(got).toEqual([1, 2, 3]);
    expect(made[0]?.stream.destroyed).toBe(true);
    await settle();
    const pulled = state.pulled;
    expect(pulled).toBeLessThan(total);
    await settle();
    expect(state.pulled).toBe(pulled);
    // Batches still queued are dropped: the iterator is done, at once.
    expect(await settledBy(it.next())).toEqual({ value: { value: undefined, done: true } });
    expect(await it.return?.()).toEqual({ value: undefined, done: true });
  });

  it('return() answers done, also from a CSV file', async () => {
    const rows = ['ChargeType,Subtotal'];
    for (let n = 2; n <= 3000; n++) rows.push(`new,${n}.00`);
    const it = readReconciliationFile(write('many.csv', `${rows.join('\n')}\n`));
    expect(brief((await it.next()).value)).toEqual(ok(2, 'new'));
    expect(brief((await it.next()).value)).toEqual(ok(3, 'new'));
    expect(await it.return?.()).toEqual({ value: undefined, done: true });
    expect(await settledBy(it.next())).toEqual({ value: { value: undefined, done: true } });
  });

  it('return() before the first next() destroys the stream given, and opens nothing', async () => {
    const source = chunks(`${json('new')}\n`);
    const it = readReconciliationStream(source);
    expect(await it.return?.()).toEqual({ value: undefined, done: true });
    expect(source.destroyed).toBe(true);

    const file = readReconciliationFile(join(dir, 'never-opened.csv'));
    expect(await file.return?.()).toEqual({ value: undefined, done: true });
  });

  it('return() while the reader waits for a line: the waiting next() and later ones are done', async () => {
    // The first chunk opens the reader but completes no line; nothing follows.
    const source = new Readable({ read() {} });
    source.push('{"ChargeType":"new"');
    const it = readReconciliationStream(source);
    const pending = it.next();
    expect(await settledBy(pending)).toBe('pending');
    expect(await it.return?.()).toEqual({ value: undefined, done: true });
    expect(await settledBy(pending)).toEqual({ value: { value: undefined, done: true } });
    expect(await settledBy(it.next())).toEqual({ value: { value: undefined, done: true } });
    // The caller's stream is released, as a break out of `for await` over it would.
    expect(source.destroyed).toBe(true);
  });

  it('return() once the reader is open destroys the caller’s stream too', async () => {
    const source = new Readable({ read() {} });
    source.push(`${json('new')}\n${json('renew')}\n`.repeat(4));
    const it = readReconciliationStream(source);
    expect(await it.next()).toMatchObject({ done: false });
    await it.return?.();
    expect(source.destroyed).toBe(true);
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });
});

describe('stream errors reject the iteration, after the lines read before them', () => {
  async function untilError(source: Readable) {
    const got: unknown[] = [];
    try {
      for await (const item of readReconciliationStream(source)) got.push(brief(item));
    } catch (e) {
      return { got, error: (e as Error).message };
    }
    return { got, error: null };
  }

  it('JSON lines', async () => {
    const source = Readable.from(
      (async function* () {
        yield Buffer.from(`${json('new')}\n${json('renew')}\n`);
        throw new Error('connection reset');
      })(),
    );
    expect(await untilError(source)).toEqual({
      got: [ok(1, 'new'), ok(2, 'renew')],
      error: 'connection reset',
    });
  });

  it('CSV', async () => {
    const source = Readable.from(
      (async function* () {
        yield Buffer.from('ChargeType,Subtotal\nnew,1.00\n');
        throw new Error('connection reset');
      })(),
    );
    expect(await untilError(source)).toEqual({ got: [ok(2, 'new')], error: 'connection reset' });
  });

  it('a gzipped stream failing midway (the error passes the gunzip)', async () => {
    const gz = gzipSync(`${json('new')}\n`.repeat(2000));
    const source = Readable.from(
      (async function* () {
        yield gz.subarray(0, 40);
        throw new Error('connection reset');
      })(),
    );
    const outcome = await untilError(source);
    expect(outcome.error).toBe('connection reset');
  });
});

describe('gzip and format detection', () => {
  it('gzip is found by its magic bytes, not the name', async () => {
    const csv = 'ChargeType,Subtotal\nnew,1.00\n';
    expect(
      (await all(readReconciliationFile(write('named.csv', gzipSync(csv))))).map(brief),
    ).toEqual([ok(2, 'new')]);
    expect((await all(readReconciliationFile(write('named.csv.gz', csv)))).map(brief)).toEqual([
      ok(2, 'new'),
    ]);
    expect(await read(chunks(gzipSync(`${json('new')}\n${json('renew')}`)))).toEqual([
      ok(1, 'new'),
      ok(2, 'renew'),
    ]);
  });

  it('one magic byte is not gzip: either byte alone leaves the text as it is', async () => {
    // U+010B is C4 8B in UTF-8: its second byte is gzip's second.
    expect(await read(chunks('\u010B,ChargeType\nx,new\n'))).toEqual([ok(2, 'new')]);
    expect(await read(chunks('\u001FNote,ChargeType\nx,new\n'))).toEqual([ok(2, 'new')]);
  });

  it('JSON lines are recognised after a byte-order mark or leading blank space', async () => {
    expect(await read(chunks(`\uFEFF${json('new')}\n`))).toEqual([ok(1, 'new')]);
    expect(await read(chunks(`  \n\t${json('new')}\n`))).toEqual([ok(2, 'new')]);
  });

  it('format jsonl is obeyed even when the content does not start like JSON', async () => {
    expect(await read(chunks(`oops\n${json('new')}\n`), { format: 'jsonl' })).toEqual([
      notJson(1),
      ok(2, 'new'),
    ]);
    expect(await read(chunks(`oops\n${json('new')}\n`))).toEqual([notReconciliation]);
  });

  it('an unknown format is named in the error', async () => {
    await expect(
      all(readReconciliationStream(chunks('x'), { format: 'xml' as 'csv' })),
    ).rejects.toMatchObject({
      name: 'CspRuleError',
      code: 'invalid_option',
      field: 'options.format',
      message: expect.stringContaining('expected "csv" or "jsonl"'),
    });
  });

  it('a missing file: the error says why (the system code)', async () => {
    await expect(all(readReconciliationFile(join(dir, 'missing.csv')))).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'path',
      message: expect.stringContaining('cannot open the file (ENOENT)'),
    });
  });

  it('a character split across the first chunks: the CSV parser still sees the header first', async () => {
    // The byte-order mark's first byte alone: the header, with its delimiter,
    // must be the first text the parser sees (it guesses the delimiter there).
    const csv = Buffer.from('\uFEFFChargeType;Subtotal\nnew;1.00\nrenew;2.00\n');
    const items = await all(readReconciliationStream(chunks(csv.subarray(0, 1), csv.subarray(1))));
    expect(items.map(brief)).toEqual([ok(2, 'new'), ok(3, 'renew')]);
    const first = items[0] as { line: { subtotal: string | null } };
    expect(first.line.subtotal).toBe('1.00');
  });
});

describe('JSON lines, cut anywhere', () => {
  it('a chunk starting with the newline that ends the previous line', async () => {
    expect(await read(chunks(json('new'), `\n${json('renew')}\n`))).toEqual([
      ok(1, 'new'),
      ok(2, 'renew'),
    ]);
  });

  it('CRLF line ends, and a line starting with a carriage return', async () => {
    expect(await read(chunks(`${json('new')}\r\n${json('renew')}\r\n`))).toEqual([
      ok(1, 'new'),
      ok(2, 'renew'),
    ]);
    expect(await read(chunks(`${json('new')}\n\r${json('renew')}\n`))).toEqual([
      ok(1, 'new'),
      ok(2, 'renew'),
    ]);
  });

  it('a byte-order mark is accepted on line 1 only', async () => {
    expect(await read(chunks(`\uFEFF${json('new')}\n${json('renew')}\n`))).toEqual([
      ok(1, 'new'),
      ok(2, 'renew'),
    ]);
    expect(await read(chunks(`${json('new')}\n\uFEFF${json('renew')}\n`))).toEqual([
      ok(1, 'new'),
      notJson(2),
    ]);
  });

  it('blank lines (spaces, tabs) are skipped but counted', async () => {
    expect(await read(chunks(`${json('new')}\n \t \n\n${json('renew')}\n`))).toEqual([
      ok(1, 'new'),
      ok(4, 'renew'),
    ]);
  });

  it('JSON that is not an object: a number, a string, null, true, an array', async () => {
    expect(await read(chunks(`${json('new')}\n42\n"text"\nnull\ntrue\n[1]\n`))).toEqual([
      ok(1, 'new'),
      notJson(2),
      notJson(3),
      notJson(4),
      notJson(5),
      notJson(6),
    ]);
  });

  it('records with other keys than the one before are read by their own keys', async () => {
    const text = `${JSON.stringify({ ChargeType: 'new', Subtotal: '1.00' })}\n${JSON.stringify({ Currency: 'EUR', SubscriptionId: 's-1' })}\n${JSON.stringify({ Subtotal: '3.00', ChargeType: 'renew' })}\n`;
    const items = await all(readReconciliationStream(chunks(text)));
    expect(
      items.map((i) =>
        'line' in i
          ? [
              i.line.line,
              i.line.chargeType,
              i.line.subtotal,
              i.line.currency,
              i.line.subscriptionId,
            ]
          : i,
      ),
    ).toEqual([
      [1, 'new', '1.00', null, null],
      [2, '', null, 'EUR', 's-1'],
      [3, 'renew', '3.00', null, null],
    ]);
  });

  describe('the last line, without its newline', () => {
    it('is read, with its number', async () => {
      expect(await read(chunks(`${json('new')}\n${json('renew')}`))).toEqual([
        ok(1, 'new'),
        ok(2, 'renew'),
      ]);
      expect(await read(chunks(json('new')))).toEqual([ok(1, 'new')]);
    });

    it('a byte-order mark: accepted when it is line 1, malformed after', async () => {
      expect(await read(chunks(`\uFEFF${json('new')}`))).toEqual([ok(1, 'new')]);
      expect(await read(chunks(`${json('new')}\n\uFEFF${json('renew')}`))).toEqual([
        ok(1, 'new'),
        notJson(2),
      ]);
    });

    it('carriage returns at either end', async () => {
      expect(await read(chunks(`${json('new')}\r`))).toEqual([ok(1, 'new')]);
      expect(await read(chunks(`${json('new')}\n\r${json('renew')}`))).toEqual([
        ok(1, 'new'),
        ok(2, 'renew'),
      ]);
    });

    it('blank: nothing', async () => {
      const items = await all(readReconciliationStream(chunks(`${json('new')}\n  \t`)));
      expect(items.map(brief)).toEqual([ok(1, 'new')]);
    });
  });

  describe('overlong lines (more than 1,048,576 characters)', () => {
    const MAX = 1 << 20;
    const split = (text: string, size: number) => {
      const parts: string[] = [];
      for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
      return chunks(...parts);
    };

    it('reported once with their number, skipped to their end; the lines after are read', async () => {
      const long = JSON.stringify({ ChargeType: 'x'.repeat(3 * MAX) });
      const text = `${json('new')}\n${long}\n${json('renew')}\n${json('cancel')}`;
      expect(await read(split(text, 1 << 18))).toEqual([
        ok(1, 'new'),
        {
          malformed: { line: 2, field: null, problem: 'a line longer than 1,048,576 characters' },
        },
        ok(3, 'renew'),
        ok(4, 'cancel'),
      ]);
    });

    it('a line of exactly 1,048,576 characters is read', async () => {
      const line = JSON.stringify({ ChargeType: 'x'.repeat(MAX - 17) });
      expect(line.length).toBe(MAX);
      const items = await all(readReconciliationStream(chunks(line, `\n${json('renew')}\n`)));
      expect(items.map((i) => ('line' in i ? [i.line.line, i.line.chargeType.length] : i))).toEqual(
        [
          [1, MAX - 17],
          [2, 5],
        ],
      );
    });
  });
});

describe('CSV headers', () => {
  it('ChargeType is found with spaces around it, or after a byte-order mark', async () => {
    const items = await all(
      readReconciliationStream(chunks('CustomerId, ChargeType ,Subtotal\nc1,new,1.00\n')),
    );
    expect(
      items.map((i) => ('line' in i ? [i.line.line, i.line.chargeType, i.line.subtotal] : i)),
    ).toEqual([[2, 'new', '1.00']]);
    expect(await read(chunks('\uFEFFChargeType,Subtotal\nnew,1.00\n'))).toEqual([ok(2, 'new')]);
  });

  it('a byte-order mark inside a name is not ignored: not a reconciliation file', async () => {
    expect(await read(chunks('Charge\uFEFFType,Subtotal\nnew,1.00\n'))).toEqual([
      notReconciliation,
    ]);
  });

  it('blank and blank-looking lines are skipped, not malformed', async () => {
    const items = await all(
      readReconciliationStream(chunks('ChargeType,Subtotal\n\nnew,1.00\n   \nrenew,2.00\n')),
    );
    expect(items.map((i) => ('line' in i ? [i.line.chargeType, i.line.subtotal] : i))).toEqual([
      ['new', '1.00'],
      ['renew', '2.00'],
    ]);
  });
});

describe('the format is told from the first 64 bytes, however the source cuts them', () => {
  it('gzip whose magic arrives one byte at a time', async () => {
    const gz = gzipSync(`${json('new')}\n${json('renew')}\n`);
    const bytes = [...gz].map((b) => Buffer.from([b]));
    expect(await read(chunks(...bytes))).toEqual([ok(1, 'new'), ok(2, 'renew')]);
  });

  it('JSON lines after an empty first chunk, or a byte-order mark cut in two', async () => {
    const bom = Buffer.from('\uFEFF');
    expect(await read(chunks(Buffer.alloc(0), `${json('new')}\n`))).toEqual([ok(1, 'new')]);
    expect(await read(chunks(bom.subarray(0, 1), bom.subarray(1), `${json('new')}\n`))).toEqual([
      ok(1, 'new'),
    ]);
  });

  it('a source failing after its first bytes: the lines before come first', async () => {
    const source = Readable.from(
      (async function* () {
        yield Buffer.from(`${json('new')}\n`);
        throw new Error('connection reset');
      })(),
    );
    const got: unknown[] = [];
    await expect(
      (async () => {
        for await (const item of readReconciliationStream(source)) got.push(brief(item));
      })(),
    ).rejects.toThrow('connection reset');
    expect(got).toEqual([ok(1, 'new')]);
  });
});

describe.runIf(process.platform === 'linux')('a file left early is closed', () => {
  const openFiles = () => readdirSync('/proc/self/fd').length;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('a break after the first line of each of 50 files leaves no descriptor open', async () => {
    const path = write('many.jsonl', `${json('new')}\n`.repeat(5000));
    await settle();
    const before = openFiles();
    for (let i = 0; i < 50; i++) {
      for await (const item of readReconciliationFile(path)) {
        expect('line' in item).toBe(true);
        break;
      }
    }
    await settle();
    // Before the fix each break kept its file open: 50 more descriptors.
    expect(openFiles()).toBeLessThan(before + 5);
  });
});
