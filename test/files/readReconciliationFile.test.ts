// The Node readers of Microsoft's files: CSV and JSON lines, gzipped or not,
// as Partner Center and Graph write them, and as they arrive broken.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  type ReadItem,
  readReconciliationFile,
  readReconciliationStream,
} from '../../src/files/index.js';
import { expectedLines, reconcile, reconcileAsync } from '../../src/reconciliation/index.js';
import { recordOf, toCsv, toJsonLines } from '../support/reconciliation.js';

const dir = mkdtempSync(join(tmpdir(), 'csp-files-'));
const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
async function all(items: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}
const fromText = (text: string | Buffer, chunk = 7) => {
  const buf = Buffer.from(text);
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunk) parts.push(buf.subarray(i, i + chunk));
  return Readable.from(parts);
};

const purchase = {
  kind: 'subscription',
  id: 'sub-faq',
  purchasedAt: '2021-07-15T09:00:00Z',
  term: 'P1M',
  billingFrequency: 'monthly',
  quantity: 10,
  unitPrice: '10.08',
  currency: 'EUR',
} as const;
const history = [{ type: 'cancel', at: '2021-07-17T10:00:00Z' }] as const;
const portfolio = [{ purchase, history, customerId: 'tenant-1' }];
const records = expectedLines(purchase, { history }).lines.map((l) =>
  recordOf(l, { customerId: 'tenant-1' }),
);

describe('readReconciliationFile', () => {
  it.each([
    ['a Partner Center CSV', 'invoice.csv', toCsv(records)],
    ['a CSV with a byte-order mark', 'bom.csv', `\uFEFF${toCsv(records)}`],
    ['a gzipped CSV', 'invoice.csv.gz', gzipSync(toCsv(records))],
    ['Graph JSON lines', 'export.jsonl', toJsonLines(records)],
    ['Graph compressedJSONLines (gzip)', 'export.json.gz', gzipSync(toJsonLines(records))],
  ])('reads %s: every line matches', async (_what, name, content) => {
    const r = await reconcileAsync(readReconciliationFile(write(name, content)), portfolio);
    expect(r.findings).toEqual([]);
    expect(r.lines).toBe(2);
    expect(r.matched).toBe(2);
  });

  it('gives the same lines, whatever the chunk boundaries', async () => {
    const csv = toCsv(records);
    const whole = await all(readReconciliationStream(fromText(csv, 1 << 20)));
    for (const chunk of [1, 3, 64])
      expect(await all(readReconciliationStream(fromText(csv, chunk)))).toEqual(whole);
    // Quoted commas, quotes and CRLF survive: the description has both.
    const first = whole[0] as { line: { line: number; subtotal: string | null } };
    expect(first.line.line).toBe(2);
    expect(first.line.subtotal).toBe('100.80');
  });

  it('names in any case, columns in any order, extra columns ignored', async () => {
    const csv =
      'SUBTOTAL,chargetype,Whatever,subscriptionid,Currency,ChargeStartDate,ChargeEndDate,UnitPrice,BillableQuantity\n' +
      '100.80,new,x,sub-faq,EUR,7/15/2021,8/14/2021,10.08,10\n' +
      '-94.20,cancelImmediate,y,sub-faq,EUR,7/17/2021,8/14/2021,10.08,10\n';
    const r = await reconcileAsync(readReconciliationStream(fromText(csv)), portfolio);
    expect(r.findings).toEqual([]);
  });

  it('a malformed row is a finding with its line number; the rest is still read', async () => {
    const csv = toCsv(records).split('\r\n');
    csv.splice(2, 0, 'too,few,columns');
    const items = await all(readReconciliationStream(fromText(csv.join('\r\n'))));
    const r = reconcile(items, portfolio);
    expect(r.findings).toMatchObject([
      { code: 'malformed_line', line: 3, problem: '3 columns where the header has 52' },
    ]);
    expect(r.matched).toBe(2);
  });

  it('an unterminated quote runs to the end of the file (CSV’s rule): malformed, and the lines it swallowed are missing', async () => {
    const csv = toCsv(records).split('\r\n');
    csv.splice(2, 0, 'tenant-1,"an unterminated quote');
    const r = reconcile(await all(readReconciliationStream(fromText(csv.join('\r\n')))), portfolio);
    expect(r.findings.map((f) => [f.code, f.line])).toEqual([
      ['malformed_line', 3],
      ['refund_missing', null],
    ]);
  });

  it('a file without Microsoft’s header is one finding, not silence', async () => {
    const r = reconcile(
      await all(readReconciliationStream(fromText('Name,Amount\nx,1\ny,2\n'))),
      portfolio,
      { period: '2021-07' },
    );
    expect(r.findings).toMatchObject([
      { code: 'malformed_line', line: 1, field: 'ChargeType' },
      { code: 'missing_charge' },
      { code: 'refund_missing' },
    ]);
    expect(r.ok).toBe(false);
  });

  it('a JSON line without a charge type is malformed', async () => {
    const r = reconcile(
      await all(readReconciliationStream(fromText('{}\n{"Subtotal":"1.00"}\n'))),
      [],
    );
    expect(r.findings.map((f) => [f.code, f.line, 'field' in f ? f.field : ''])).toEqual([
      ['malformed_line', 1, 'ChargeType'],
      ['malformed_line', 2, 'ChargeType'],
    ]);
  });

  it('JSON lines: a line that is not an object is malformed; blank lines are skipped', async () => {
    const text = `${JSON.stringify(records[0])}\n\n[1,2]\n{not json\n${JSON.stringify(records[1])}\n`;
    const r = reconcile(await all(readReconciliationStream(fromText(text))), portfolio);
    expect(r.findings.map((f) => [f.code, f.line, 'problem' in f ? f.problem : ''])).toEqual([
      ['malformed_line', 3, 'not a JSON object'],
      ['malformed_line', 4, 'not a JSON object'],
    ]);
    expect(r.matched).toBe(2);
  });

  it('the format option overrides the guess (JSON lines read as CSV: not a reconciliation file)', async () => {
    const items = await all(
      readReconciliationStream(fromText(toJsonLines(records)), { format: 'csv' }),
    );
    expect(items).toEqual([
      {
        malformed: {
          line: 1,
          field: 'ChargeType',
          problem: 'the header has no ChargeType column: not a reconciliation file',
        },
      },
    ]);
    const csv = await all(readReconciliationStream(fromText(toCsv(records)), { format: 'csv' }));
    expect(reconcile(csv, portfolio).findings).toEqual([]);
  });

  it('an empty file has no lines', async () => {
    expect(await all(readReconciliationFile(write('empty.csv', '')))).toEqual([]);
    expect(await all(readReconciliationFile(write('empty.gz', gzipSync(''))))).toEqual([]);
  });

  it('caller mistakes: a missing file, an unknown format', async () => {
    await expect(all(readReconciliationFile(join(dir, 'nope.csv')))).rejects.toMatchObject({
      name: 'CspRuleError',
      code: 'invalid_input',
      field: 'path',
    });
    await expect(
      all(readReconciliationStream(fromText('x'), { format: 'xlsx' as 'csv' })),
    ).rejects.toMatchObject({ code: 'invalid_option', field: 'options.format' });
  });

  it('a truncated gzip rejects the iteration (the stream error), never a silent short read', async () => {
    const gz = gzipSync(toCsv(records));
    await expect(
      all(readReconciliationFile(write('cut.gz', gz.subarray(0, gz.length - 12)))),
    ).rejects.toThrow();
  });

  it('reads the example file of the guide', async () => {
    const items = await all(readReconciliationFile('examples/reconciliation/invoice-2026-11.csv'));
    expect(items).toHaveLength(15);
    expect(items.every((i) => 'line' in i)).toBe(true);
  });
});
