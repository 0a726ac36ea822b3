import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_TYPES,
  type ActivityLogEntry,
  activityLogQuery,
  filterActivityLog,
} from '../../src/access/index.js';
import { expectRuleError } from '../support/errors.js';
import { expectSameInEveryTimeZone } from '../support/tz.js';

const iso = (d: Date) => d.toISOString();

describe('activityLogQuery', () => {
  it('reads date-only ends as whole UTC days, both included', () => {
    const q = activityLogQuery({ from: '2021-10-01', to: '2021-10-31' });
    expect(iso(q.from)).toBe('2021-10-01T00:00:00.000Z');
    expect(iso(q.to)).toBe('2021-10-31T23:59:59.999Z');
    expect(q.fromDay).toBe('2021-10-01');
    expect(q.toDay).toBe('2021-10-31');
    expect(q.types).toEqual(['keyAccess', 'download']);
  });

  it('accepts a one-day range', () => {
    const q = activityLogQuery({ from: '2024-02-29', to: '2024-02-29' });
    expect(iso(q.from)).toBe('2024-02-29T00:00:00.000Z');
    expect(iso(q.to)).toBe('2024-02-29T23:59:59.999Z');
  });

  it('keeps instant ends exact, with offsets and Dates', () => {
    const q = activityLogQuery({
      from: '2021-10-14T01:00:00+02:00',
      to: new Date('2021-10-15T12:00:00Z'),
    });
    expect(iso(q.from)).toBe('2021-10-13T23:00:00.000Z');
    expect(iso(q.to)).toBe('2021-10-15T12:00:00.000Z');
    expect(q.fromDay).toBe('2021-10-13');
    // A midnight instant is an instant, not a day.
    expect(iso(activityLogQuery({ from: '2021-10-01', to: '2021-10-02T00:00:00Z' }).to)).toBe(
      '2021-10-02T00:00:00.000Z',
    );
    // A day given as a Date is an instant too.
    expect(iso(activityLogQuery({ from: '2021-10-01', to: new Date('2021-10-02') }).to)).toBe(
      '2021-10-02T00:00:00.000Z',
    );
  });

  it('compares from and to after widening a day-only to', () => {
    const q = activityLogQuery({ from: '2021-10-14T12:00:00Z', to: '2021-10-14' });
    expect(iso(q.to)).toBe('2021-10-14T23:59:59.999Z');
    expect(activityLogQuery({ from: '2021-10-14T12:00:00Z', to: '2021-10-14T12:00:00Z' })).toEqual({
      from: new Date('2021-10-14T12:00:00Z'),
      to: new Date('2021-10-14T12:00:00Z'),
      fromDay: '2021-10-14',
      toDay: '2021-10-14',
      types: ['keyAccess', 'download'],
    });
  });

  it('refuses a range that ends before it starts, with invalid_range', () => {
    expectRuleError(
      () => activityLogQuery({ from: '2021-10-02', to: '2021-10-01' }),
      'invalid_range',
      'query.to',
    );
    expectRuleError(
      () => activityLogQuery({ from: '2021-10-15T00:00:00Z', to: '2021-10-14' }),
      'invalid_range',
    );
    expectRuleError(
      () => activityLogQuery({ from: '2021-10-14T12:00:00.001Z', to: '2021-10-14T12:00:00.000Z' }),
      'invalid_range',
    );
  });

  it('refuses bad ends with the instant error codes, naming the field', () => {
    expectRuleError(
      () => activityLogQuery({ from: 'last week', to: '2021-10-01' }),
      'invalid_instant',
      'query.from',
    );
    expectRuleError(
      () => activityLogQuery({ from: '2021-10-01', to: '2021-10-14T10:00' }),
      'ambiguous_local_time',
      'query.to',
    );
    expectRuleError(
      () => activityLogQuery({ from: '2021-02-30', to: '2021-03-01' }),
      'invalid_calendar_day',
      'query.from',
    );
    expectRuleError(
      () => activityLogQuery({ from: '2021-10-01T25:00:00Z', to: '2021-10-02' }),
      'invalid_instant',
      'query.from',
    );
    expectRuleError(
      () => activityLogQuery({ from: new Date(Number.NaN), to: '2021-10-02' }),
      'invalid_instant',
      'query.from',
    );
    expectRuleError(
      () => activityLogQuery({ to: '2021-10-02' } as never),
      'invalid_instant',
      'query.from',
    );
    expectRuleError(
      () => activityLogQuery({ from: '2021-10-02', to: 17 } as never),
      'invalid_instant',
      'query.to',
    );
    expectRuleError(() => activityLogQuery(null as never), 'invalid_input', 'query');
    expectRuleError(() => activityLogQuery('2021-10-01' as never), 'invalid_input', 'query');
  });

  it('reads types, in the order of ACTIVITY_TYPES, once each', () => {
    const base = { from: '2021-10-01', to: '2021-10-02' };
    expect(activityLogQuery({ ...base, types: ['download'] }).types).toEqual(['download']);
    expect(
      activityLogQuery({ ...base, types: ['download', 'keyAccess', 'download'] }).types,
    ).toEqual(['keyAccess', 'download']);
    expectRuleError(() => activityLogQuery({ ...base, types: [] }), 'invalid_input', 'query.types');
    expectRuleError(
      () => activityLogQuery({ ...base, types: 'download' as never }),
      'invalid_input',
      'query.types',
    );
    expectRuleError(
      () => activityLogQuery({ ...base, types: ['download', 'login'] as never }),
      'invalid_input',
      'query.types[1]',
    );
  });

  it('is idempotent: a returned query read again is the same query', () => {
    const day = fc
      .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) })
      .map((ms) => new Date(ms));
    fc.assert(
      fc.property(day, day, fc.boolean(), fc.boolean(), (a, b, aDay, bDay) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const q = activityLogQuery({
          from: aDay ? iso(lo).slice(0, 10) : lo,
          to: bDay ? iso(hi).slice(0, 10) : hi,
        });
        expect(q.from.getTime()).toBeLessThanOrEqual(q.to.getTime());
        expect(activityLogQuery(q)).toEqual(q);
      }),
    );
  });

  it('gives the same query in every process time zone', () => {
    expectSameInEveryTimeZone(() => activityLogQuery({ from: '2021-03-27', to: '2021-03-28' }));
  });
});

describe('filterActivityLog', () => {
  const log = [
    { at: '2021-09-30T23:59:59.999Z', type: 'keyAccess', user: 'before@contoso.com' },
    { at: '2021-10-01T00:00:00Z', type: 'download', user: 'first@contoso.com', productName: 'SQL' },
    { at: '2021-10-15T09:00:00+02:00', type: 'keyAccess', user: 'mid@contoso.com' },
    {
      at: '2021-10-31T23:59:59.9999999Z',
      type: 'keyAccess',
      user: 'last@contoso.com',
      productKey: 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY',
    },
    { at: '2021-11-01T00:00:00Z', type: 'download', user: 'after@contoso.com' },
    { at: new Date('2021-10-20T00:00:00Z'), type: 'download', user: 'date@contoso.com' },
    { at: '2021-10-21', type: 'download', user: 'day@contoso.com' },
  ] as const satisfies readonly ActivityLogEntry[];

  it('keeps entries in the range, both ends included, in input order', () => {
    const users = filterActivityLog(log, { from: '2021-10-01', to: '2021-10-31' }).map(
      (e) => e.user,
    );
    expect(users).toEqual([
      'first@contoso.com',
      'mid@contoso.com',
      'last@contoso.com',
      'date@contoso.com',
      'day@contoso.com',
    ]);
  });

  it('includes entries exactly at instant ends', () => {
    const users = filterActivityLog(log, {
      from: '2021-10-01T00:00:00Z',
      to: '2021-10-15T07:00:00Z',
    }).map((e) => e.user);
    expect(users).toEqual(['first@contoso.com', 'mid@contoso.com']);
  });

  it('filters by type', () => {
    const q = { from: '2021-09-01', to: '2021-11-30', types: ['keyAccess'] } as const;
    expect(filterActivityLog(log, q).map((e) => e.user)).toEqual([
      'before@contoso.com',
      'mid@contoso.com',
      'last@contoso.com',
    ]);
  });

  it('accepts a query from activityLogQuery', () => {
    const q = activityLogQuery({ from: '2021-10-31', to: '2021-10-31' });
    expect(filterActivityLog(log, q).map((e) => e.user)).toEqual(['last@contoso.com']);
  });

  it('returns the same entry objects in a new array, and changes nothing', () => {
    const entries = log.map((e) => ({ ...e }));
    const snapshot = JSON.stringify(entries);
    const out = filterActivityLog(entries, { from: '2021-09-01', to: '2021-12-01' });
    expect(out).not.toBe(entries);
    expect(out).toEqual(entries);
    for (const [i, e] of out.entries()) expect(e).toBe(entries[i]);
    expect(JSON.stringify(entries)).toBe(snapshot);
    expect(filterActivityLog([], { from: '2021-09-01', to: '2021-12-01' })).toEqual([]);
  });

  it('checks every entry, even outside the range, naming it', () => {
    const q = { from: '2021-10-01', to: '2021-10-02' };
    const ok = { at: '2021-10-01', type: 'download', user: 'u' } as const;
    expectRuleError(() => filterActivityLog('x' as never, q), 'invalid_input', 'entries');
    expectRuleError(() => filterActivityLog([ok, null] as never, q), 'invalid_input', 'entries[1]');
    expectRuleError(() => filterActivityLog([ok, [ok]] as never, q), 'invalid_input', 'entries[1]');
    expectRuleError(
      () => filterActivityLog([ok, { ...ok, at: '1999-01-01T00:00' }], q),
      'ambiguous_local_time',
      'entries[1].at',
    );
    expectRuleError(
      () => filterActivityLog([{ ...ok, at: 'soon' }], q),
      'invalid_instant',
      'entries[0].at',
    );
    expectRuleError(
      () => filterActivityLog([{ ...ok, at: undefined }] as never, q),
      'invalid_instant',
      'entries[0].at',
    );
    expectRuleError(
      () => filterActivityLog([{ ...ok, type: 'login' }] as never, q),
      'invalid_input',
      'entries[0].type',
    );
    expectRuleError(
      () => filterActivityLog([{ ...ok, user: '' }], q),
      'invalid_input',
      'entries[0].user',
    );
    expectRuleError(
      () => filterActivityLog([{ ...ok, user: 7 }] as never, q),
      'invalid_input',
      'entries[0].user',
    );
    expectRuleError(
      () => filterActivityLog([{ ...ok, productName: 7 }] as never, q),
      'invalid_input',
      'entries[0].productName',
    );
    expectRuleError(
      () => filterActivityLog([ok], { from: '2021-10-02', to: '2021-10-01' }),
      'invalid_range',
    );
  });

  it('property: keeps exactly the entries with from ≤ at ≤ to, in order', () => {
    const base = Date.UTC(2021, 9, 1);
    const ms = fc.integer({ min: base - 5 * 86_400_000, max: base + 40 * 86_400_000 });
    const entry = fc.record({
      at: ms.map((t) => new Date(t)),
      type: fc.constantFrom(...ACTIVITY_TYPES),
      user: fc.string({ minLength: 1 }),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 30 }),
        ms,
        ms,
        fc.boolean(),
        (entries, a, b, wholeDay) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const to = wholeDay ? iso(new Date(hi)).slice(0, 10) : new Date(hi);
          const hiIncl = wholeDay ? Math.floor(hi / 86_400_000) * 86_400_000 + 86_399_999 : hi;
          const out = filterActivityLog(entries, { from: new Date(lo), to });
          expect(out).toEqual(
            entries.filter((e) => e.at.getTime() >= lo && e.at.getTime() <= hiIncl),
          );
        },
      ),
    );
  });

  it('gives the same result in every process time zone', () => {
    expectSameInEveryTimeZone(() =>
      filterActivityLog(log, { from: '2021-10-15', to: '2021-10-20' }).map((e) => e.user),
    );
  });
});

describe('filterActivityLog: a productKey that is not a string (issue 27)', () => {
  const q = { from: '2021-10-01', to: '2021-10-31' } as const;
  const entry = { at: '2021-10-14T10:00:00Z', type: 'keyAccess', user: 'ana@contoso.com' } as const;

  it('is a malformed entry, named by its field, its value never repeated', () => {
    const bad: unknown[] = [Number.NaN, 12345, 0, true, {}, ['K'], new Date(0), 10n];
    for (const productKey of bad) {
      const log = [entry, { ...entry, productKey }];
      let caught: unknown;
      try {
        filterActivityLog(log as never, q);
      } catch (e) {
        caught = e;
      }
      expect(caught).toMatchObject({
        name: 'CspRuleError',
        code: 'invalid_input',
        field: 'entries[1].productKey',
        message: 'entries[1].productKey: expected a string or null',
      });
    }
  });

  it('outside the range too: every entry is checked', () => {
    expectRuleError(
      () =>
        filterActivityLog(
          [{ ...entry, at: '2020-01-01T00:00:00Z', productKey: Number.NaN }] as never,
          q,
        ),
      'invalid_input',
      'entries[0].productKey',
    );
  });

  it('a string, null or no key is kept, the entry passed through as it is', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: undefined }), fc.boolean(), (key, asNull) => {
        const e =
          key === undefined
            ? asNull
              ? { ...entry, productKey: null }
              : { ...entry }
            : { ...entry, productKey: key };
        const [kept] = filterActivityLog([e], q);
        expect(kept).toBe(e);
      }),
    );
  });

  it('any other value is refused', () => {
    fc.assert(
      fc.property(
        fc.anything().filter((v) => v !== undefined && v !== null && typeof v !== 'string'),
        (productKey) => {
          expectRuleError(
            () => filterActivityLog([{ ...entry, productKey }] as never, q),
            'invalid_input',
            'entries[0].productKey',
          );
        },
      ),
    );
  });
});
