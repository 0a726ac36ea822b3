// Instants are read digit by digit first (plainInstantMs) and by the regular
// expression only when that declines. Both readings must agree on every text:
// the same milliseconds, or the same error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CspRuleError } from '../../src/core/index.js';
import { plainInstantMs, readInstantText, toInstantMs } from '../../src/core/instant.js';

function outcome(read: () => number): unknown {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof CspRuleError)) throw e;
    return { code: e.code, field: e.field, message: e.message };
  }
}

const digits = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''));
const pad = (n: number) => String(n).padStart(2, '0');
/** Mostly a valid two-digit value in [min, max], sometimes an edge or garbage. */
const two = (min: number, max: number, ...edges: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min, max }).map(pad) },
    { weight: 1, arbitrary: fc.constantFrom(...edges, 'a1', '1') },
    { weight: 1, arbitrary: digits(2) },
  );
const piece = (...options: fc.Arbitrary<string>[]) => fc.oneof(...options);

/** Instant-like texts: mostly well formed, with every part sometimes wrong. */
const instantText = fc
  .tuple(
    piece(digits(4), fc.constantFrom('0000', '9999', '2024', '20a4', '202')),
    fc.constantFrom('-', '-', '-', '/'),
    two(1, 12, '00', '13'),
    fc.constantFrom('-', '-', '-', '.'),
    two(1, 31, '00', '29', '30', '31', '32'),
    fc.option(
      fc.tuple(
        fc.constantFrom('T', 't', ' ', 'T', 'x'),
        two(0, 23, '24'),
        fc.constantFrom(':', ':', ';'),
        two(0, 59, '60'),
        fc.option(
          fc.tuple(
            fc.constantFrom(':', ':', '-'),
            two(0, 59, '60'),
            fc.option(
              fc.tuple(
                fc.constantFrom('.', ',', '.'),
                fc.integer({ min: 0, max: 11 }).chain((n) => digits(n)),
              ),
            ),
          ),
        ),
        fc.constantFrom(
          'Z',
          'z',
          '',
          '+02:00',
          '-0230',
          '+23:59',
          '+24:00',
          '-00:60',
          '+2',
          'ZZ',
          '+02:00x',
        ),
      ),
    ),
    fc.constantFrom('', '', '', '', ' ', '\n', 'x'),
  )
  .map(([y, a, m, b, d, time, tail]) => {
    const t =
      time === null
        ? ''
        : `${time[0]}${time[1]}${time[2]}${time[3]}${
            time[4] === null
              ? ''
              : `${time[4][0]}${time[4][1]}${time[4][2] === null ? '' : `${time[4][2][0]}${time[4][2][1]}`}`
          }${time[5]}`;
    return `${y}${a}${m}${b}${d}${t}${tail}`;
  });

describe('reading instants digit by digit', () => {
  it('agrees with the regular expression on every text, errors included', () => {
    fc.assert(
      fc.property(fc.oneof(instantText, fc.string({ maxLength: 40 })), (text) => {
        expect(outcome(() => toInstantMs(text, 'asOf'))).toEqual(
          outcome(() => readInstantText(text, 'asOf')),
        );
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads every instant a Date writes, and every day, without the regular expression', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const iso = date.toISOString();
          expect(plainInstantMs(iso)).toBe(date.getTime());
          expect(plainInstantMs(iso.slice(0, 10))).toBe(Date.parse(iso.slice(0, 10)));
          expect(plainInstantMs(`${iso.slice(0, 19)}Z`)).toBe(
            Math.floor(date.getTime() / 1000) * 1000,
          );
        },
      ),
    );
  });

  it("reads Partner Center's seven fractional digits and offsets", () => {
    expect(plainInstantMs('2021-10-15T21:28:19.3058617Z')).toBe(
      Date.UTC(2021, 9, 15, 21, 28, 19, 305),
    );
    expect(plainInstantMs('2021-10-14T02:00:00+0200')).toBe(Date.UTC(2021, 9, 14));
    expect(plainInstantMs('2021-10-13T21:30:00-02:30')).toBe(Date.UTC(2021, 9, 14));
    expect(plainInstantMs('2021-10-14 10:00Z')).toBe(Date.UTC(2021, 9, 14, 10));
    expect(plainInstantMs('2021-10-14T10:00')).toBeUndefined(); // no zone: the regex path says why
    expect(plainInstantMs('2021-02-29')).toBeUndefined();
  });
});
