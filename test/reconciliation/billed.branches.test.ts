// Reading a billed line, one rule at a time: which column is which
// attribute, what a cell reads as, the reader's own checks, the key cache of
// records, and the dates and decimals as Microsoft writes them.
import { describe, expect, it } from 'vitest';
import { keyCache, lineFromRecord, readDay, readDecimal } from '../../src/reconciliation/billed.js';
import { billedLineReader } from '../../src/reconciliation/index.js';
import { messageOf } from '../support/errors.js';

const DAY_MS = 86_400_000;
const epochDay = (y: number, m: number, d: number) => {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.floor(t.getTime() / DAY_MS);
};

describe('billedLineReader: which column is which attribute', () => {
  it('a byte-order mark before the first name is ignored', () => {
    const read = billedLineReader(['\uFEFFCustomerId', 'SubscriptionId']);
    expect(read(['c1', 's1'], 2)).toMatchObject({ customerId: 'c1', subscriptionId: 's1' });
  });

  it('a byte-order mark inside a name makes another name', () => {
    const read = billedLineReader(['Customer\uFEFFId', 'SubscriptionId']);
    expect(read(['c1', 's1'], 2)).toMatchObject({ customerId: null, subscriptionId: 's1' });
  });

  it('of two columns with one name (in any case), the first is read', () => {
    const read = billedLineReader(['SubscriptionId', 'ChargeType', 'subscriptionid', 'CHARGETYPE']);
    expect(read(['s1', 'new', 's2', 'renew'], 2)).toMatchObject({
      subscriptionId: 's1',
      chargeType: 'new',
    });
  });

  it('a name of up to 200 characters is read; a longer one is a column to ignore', () => {
    const padded = (n: number) => `${' '.repeat(n - 'SubscriptionId'.length)}SubscriptionId`;
    expect(padded(200)).toHaveLength(200);
    expect(billedLineReader([padded(200)])(['s1'], 2).subscriptionId).toBe('s1');
    expect(billedLineReader([padded(201)])(['s1'], 2).subscriptionId).toBeNull();
  });

  it('a column the header lacks is null, whatever else the row array carries', () => {
    const row: unknown[] = ['s1'];
    (row as unknown as Record<string, unknown>)['-1'] = 'c1';
    expect(billedLineReader(['SubscriptionId'])(row, 2)).toMatchObject({
      subscriptionId: 's1',
      customerId: null,
    });
  });
});

describe('billedLineReader: what a cell reads as', () => {
  const read = billedLineReader([
    'CustomerId',
    'SubscriptionId',
    'OrderId',
    'ProductName',
    'ChargeType',
    'UnitPrice',
    'EffectiveUnitPrice',
    'BillableQuantity',
    'Subtotal',
    'Currency',
  ]);

  it('text is trimmed; blank text is null', () => {
    expect(read(['  c1 ', '\ts1\t', '   ', '', ' new ', '10.08', '', '', '', ''], 2)).toMatchObject(
      {
        customerId: 'c1',
        subscriptionId: 's1',
        orderId: null,
        productName: null,
        chargeType: 'new',
      },
    );
  });

  it('a finite number reads as its decimal text', () => {
    expect(read(['c1', 's1', 7, 'x', 'new', 10.08, -9.42, 10, 100.8, 'EUR'], 2)).toMatchObject({
      orderId: '7',
      unitPrice: '10.08',
      effectiveUnitPrice: '-9.42',
      billableQuantity: '10',
      subtotal: '100.8',
    });
  });

  it('NaN, infinities, booleans, objects, null and undefined read as null', () => {
    const line = read(
      [
        Number.NaN,
        Number.POSITIVE_INFINITY,
        true,
        {},
        null,
        undefined,
        false,
        [],
        -Infinity,
        'EUR',
      ],
      2,
    );
    expect([
      line.customerId,
      line.subscriptionId,
      line.orderId,
      line.productName,
      line.unitPrice,
      line.effectiveUnitPrice,
      line.billableQuantity,
      line.subtotal,
    ]).toEqual([null, null, null, null, null, null, null, null]);
    // A missing charge type is the empty text.
    expect(line.chargeType).toBe('');
  });

  it('a known currency in any case is its ISO code; another is kept as written; none is null', () => {
    const cur = billedLineReader(['Currency', 'PricingCurrency']);
    expect(cur([' eur ', 'XYZ1'], 2)).toMatchObject({ currency: 'EUR', pricingCurrency: 'XYZ1' });
    expect(cur([], 2)).toMatchObject({ currency: null, pricingCurrency: null });
  });
});

describe("billedLineReader: the reader's own checks", () => {
  it('a header is an array of strings, of at most 10,000 columns', () => {
    expect(messageOf(() => billedLineReader('CustomerId' as never))).toBe(
      'invalid_input [header] header: expected an array of column names',
    );
    expect(messageOf(() => billedLineReader(['CustomerId', 5] as never))).toBe(
      'invalid_input [header[1]] header[1]: expected a column name (a string)',
    );
    expect(messageOf(() => billedLineReader(new Array(10_001).fill('x')))).toBe(
      'invalid_input [header] header: more than 10000 columns',
    );
    const wide = new Array(10_000).fill('x');
    wide[9_999] = 'SubscriptionId';
    const row = new Array(10_000).fill('');
    row[9_999] = 's1';
    expect(billedLineReader(wide)(row, 2).subscriptionId).toBe('s1');
  });

  it('a row is an array and its line a whole number, 0 or more', () => {
    const read = billedLineReader(['SubscriptionId']);
    expect(messageOf(() => read('s1' as never, 2))).toBe(
      'invalid_input [values] values: expected the array of a row',
    );
    expect(messageOf(() => read(['s1'], -1))).toBe(
      'invalid_input [line] line: expected a line number (a whole number, 0 or more)',
    );
    expect(read(['s1'], 0)).toMatchObject({ line: 0, subscriptionId: 's1' });
  });
});

describe('lineFromRecord: the attributes of each record, whatever keys the last one had', () => {
  it('records with other keys, in another order, more or fewer, are each read by their own keys', () => {
    const cache = keyCache();
    const read = (r: Record<string, unknown>, line: number) => lineFromRecord(r, line, cache);
    expect(read({ SubscriptionId: 's1', ChargeType: 'new' }, 1)).toMatchObject({
      line: 1,
      subscriptionId: 's1',
      chargeType: 'new',
      customerId: null,
    });
    // As many keys, none the same.
    expect(read({ CustomerId: 'c2', Subtotal: '1.00' }, 2)).toMatchObject({
      customerId: 'c2',
      subtotal: '1.00',
      subscriptionId: null,
      chargeType: '',
    });
    // The same keys and one more.
    expect(read({ CustomerId: 'c3', Subtotal: '2.00', ChargeType: 'renew' }, 3)).toMatchObject({
      customerId: 'c3',
      subtotal: '2.00',
      chargeType: 'renew',
    });
    // As many keys, the first the same.
    expect(read({ CustomerId: 'c4', ChargeType: 'convert', Subtotal: '3.00' }, 4)).toMatchObject({
      customerId: 'c4',
      subtotal: '3.00',
      chargeType: 'convert',
    });
    // The same keys again: the same reading.
    expect(read({ CustomerId: 'c5', ChargeType: 'new', Subtotal: '4.00' }, 5)).toMatchObject({
      customerId: 'c5',
      subtotal: '4.00',
      chargeType: 'new',
    });
    // Fewer keys.
    expect(read({ ChargeType: 'cycleCharge' }, 6)).toMatchObject({
      customerId: null,
      subtotal: null,
      chargeType: 'cycleCharge',
    });
  });

  it('a number in a record reads as its text; Quantity stands for a missing BillableQuantity', () => {
    expect(lineFromRecord({ Quantity: 5, Subtotal: 50.4 }, 1, keyCache())).toMatchObject({
      billableQuantity: '5',
      subtotal: '50.4',
    });
  });
});

describe('readDay: the dates of reconciliation files', () => {
  it('reads ISO and month-first days', () => {
    expect(readDay('2021-07-15')).toBe(epochDay(2021, 7, 15));
    expect(readDay('7/15/2021')).toBe(epochDay(2021, 7, 15));
    expect(readDay('2021-07-15T00:00:00Z')).toBe(epochDay(2021, 7, 15));
  });

  it('a year before 1000 is written with four digits', () => {
    expect(readDay('0999-07-15')).toBe(epochDay(999, 7, 15));
  });

  it('text that is no date is undefined', () => {
    expect(readDay('garbage')).toBeUndefined();
    expect(readDay('15.07.2021')).toBeUndefined();
  });

  it('a month or day out of range is undefined, even at the ends of the calendar', () => {
    expect(readDay('0000-00-15')).toBeUndefined();
    expect(readDay('9999-13-01')).toBeUndefined();
    expect(readDay('0000-01-00')).toBeUndefined();
    expect(readDay('13/1/9999')).toBeUndefined();
    expect(readDay('0/15/0000')).toBeUndefined();
    expect(readDay('1/0/0000')).toBeUndefined();
  });

  it('an impossible day of a real month is undefined (2021-02-30 does not roll into March)', () => {
    expect(readDay('2021-02-30')).toBeUndefined();
  });
});

describe('readDecimal: the amounts of reconciliation files', () => {
  it('reads signed decimals, a leading + included', () => {
    expect(readDecimal('-9.42')).toEqual({ units: -942n, scale: 2 });
    expect(readDecimal('+9.42')).toEqual({ units: 942n, scale: 2 });
  });

  it('thousands commas are refused: undefined', () => {
    expect(readDecimal('1,234.50')).toBeUndefined();
  });

  it('one sign only: a doubled one is unreadable, never stripped to a number', () => {
    expect(readDecimal('++100.80')).toBeUndefined();
    expect(readDecimal('+-100.80')).toBeUndefined();
    expect(readDecimal('--100.80')).toBeUndefined();
  });
});
