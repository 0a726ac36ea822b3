// One rule for codes (docs/conventions.md, Codes): currency, market and role
// codes are read in any ASCII case, surrounding spaces ignored; every result
// carries the canonical spelling.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRole } from '../../src/access/index.js';
import {
  currencyExponent,
  formatMoney,
  knownCurrencies,
  money,
  moneyFromDecimal,
  parseCurrency,
} from '../../src/core/index.js';
import { parseMarket } from '../../src/markets/index.js';
import type { ReconciledPurchase } from '../../src/reconciliation/index.js';
import { expectedLines, reconcile } from '../../src/reconciliation/index.js';
import { cancellationRefund } from '../../src/refunds/index.js';
import { currencySchema, purchaseSchema } from '../../src/schemas/index.js';
import { expectRuleError } from '../support/errors.js';
import { recordOf } from '../support/reconciliation.js';

/** A known code, and the same code in some casing with some surrounding spaces. */
const casedCode = fc
  .tuple(
    fc.constantFrom(...knownCurrencies()),
    fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    fc.constantFrom('', ' ', '\t', '  '),
    fc.constantFrom('', ' ', '\n'),
  )
  .map(([code, lower, before, after]) => ({
    code,
    cased: `${before}${[...code].map((c, i) => (lower[i] ? c.toLowerCase() : c)).join('')}${after}`,
  }));

describe('currency codes in any case', () => {
  it('parseCurrency gives the ISO spelling; a code not in ISO 4217 is refused', () => {
    expect(parseCurrency('eur')).toBe('EUR');
    expect(parseCurrency(' Jpy ')).toBe('JPY');
    expect(currencyExponent('kwd')).toBe(3);
    for (const bad of ['XYZ', 'EURO', 'E UR', 'e-ur', '', '€', 'ЕUR', 42, null]) {
      expectRuleError(
        () => parseCurrency(bad, 'price.currency'),
        'unknown_currency',
        'price.currency',
      );
    }
    // ASCII case only: the dotless ı and the Kelvin sign are not letters of a code.
    expectRuleError(() => parseCurrency('ıls'), 'unknown_currency');
    expectRuleError(() => parseCurrency('\u212Aes'), 'unknown_currency');
  });

  it('property: money, moneyFromDecimal and the schemas give the same value whatever the case', () => {
    fc.assert(
      fc.property(casedCode, fc.integer({ min: 0, max: 10 ** 9 }), ({ code, cased }, minor) => {
        expect(money(cased, minor)).toEqual(money(code, minor));
        expect(formatMoney({ currency: cased, minor })).toBe(
          formatMoney({ currency: code, minor }),
        );
        expect(moneyFromDecimal(cased, '1')).toEqual(moneyFromDecimal(code, '1'));
        expect(currencySchema.parse(cased)).toBe(code);
      }),
    );
  });

  it('property: any casing of a known code gives the same decision', () => {
    const base = {
      kind: 'subscription' as const,
      purchasedAt: '2026-11-20T09:15:00Z',
      term: 'P1Y' as const,
      billingFrequency: 'monthly' as const,
      quantity: 3,
      unitPrice: '10.5',
    };
    const perpetual = {
      kind: 'perpetual' as const,
      purchasedAt: '2026-11-02T14:30:00Z',
      quantity: 2,
      unitPrice: '389.9',
    };
    fc.assert(
      fc.property(casedCode, fc.integer({ min: 0, max: 40 }), ({ code, cased }, days) => {
        const asOf = new Date(Date.parse('2026-11-20T10:00:00Z') + days * 86_400_000);
        const upper = cancellationRefund({ ...base, currency: code }, { asOf });
        const anyCase = cancellationRefund({ ...base, currency: cased }, { asOf });
        expect(anyCase).toEqual(upper);
        expect(anyCase.refund.currency).toBe(code);
        expect(cancellationRefund({ ...perpetual, currency: cased }, { asOf })).toEqual(
          cancellationRefund({ ...perpetual, currency: code }, { asOf }),
        );
        const parsed = purchaseSchema.parse({ ...base, currency: cased });
        expect(parsed.currency).toBe(code);
      }),
      { numRuns: 60 },
    );
  });

  it('a reconciliation file and a portfolio that write the code in lower case reconcile as upper case', () => {
    const purchase: ReconciledPurchase = {
      customerId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      purchase: {
        kind: 'subscription',
        id: 'sub-1',
        purchasedAt: '2021-07-15T09:00:00Z',
        term: 'P1M',
        billingFrequency: 'monthly',
        quantity: 10,
        unitPrice: '10.08',
        currency: 'eur',
      },
    };
    const lines = expectedLines(purchase.purchase, { period: '2021-07' }).lines;
    expect(lines.length).toBeGreaterThan(0);
    const file = lines.map((l) => ({
      ...recordOf(l, { customerId: purchase.customerId ?? '' }),
      Currency: 'Eur',
      PricingCurrency: 'eur',
    }));
    const r = reconcile(file, [purchase], { period: '2021-07' });
    expect(r.findings).toEqual([]);
    expect(r.totals.map((t) => t.currency)).toEqual(['EUR']);
  });

  it('markets and roles follow the same rule', () => {
    expect(parseMarket(' it ').market).toBe('IT');
    expect(parseRole(' adminagent ')).toBe('AdminAgent');
    expect(parseRole('HELPDESK_AGENT')).toBe('HelpdeskAgent');
    // ASCII case only: the Kelvin sign is not a k, the dotless ı not an i.
    expectRuleError(() => parseRole('Helpdes\u212AAgent'), 'unknown_role');
    expectRuleError(() => parseRole('B\u0131llingAdmin'), 'unknown_role');
    expectRuleError(() => parseMarket('\u0131t'), 'unknown_market');
  });
});
