// The branches of explain's sentences and formatting that the main explain
// tests leave open: each data shape a reason or a disagreement may carry
// (missing, odd, hostile) and the exact sentence it gives, in both locales.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EN_MESSAGES, explain, explainReason, isReasonCode } from '../../src/explain/index.js';
import { messageOf } from '../support/errors.js';
import { IT_MESSAGES } from '../support/locales.js';

const en = (reason: object): string => explainReason(reason as never).text;
const it_ = (reason: object): string =>
  explainReason(reason as never, { locale: IT_MESSAGES }).text;
const disagreements = (said: unknown[], locale = EN_MESSAGES): readonly string[] =>
  explain({ reasons: [], disagreements: said } as never, { locale }).disagreements;

describe('amounts in a reconciliation finding', () => {
  it('shows a zero amount without a sign and a negative one with a minus', () => {
    const r = {
      code: 'amount_differs',
      line: 4,
      billed: { currency: 'EUR', minor: 0 },
      expected: { currency: 'EUR', minor: 9420 },
      difference: { currency: 'EUR', minor: -9420 },
    };
    expect(en(r)).toBe(
      'Line 4 bills 0.00 EUR where the rules give 94.20 EUR (difference -94.20 EUR).',
    );
    expect(it_(r)).toBe(
      'La riga 4 fattura 0.00 EUR dove le regole danno 94.20 EUR (differenza -94.20 EUR).',
    );
  });

  it('shows an amount that is null, has text minor units or an unknown currency as unknown, never throwing or printing "-undefined"', () => {
    const r = {
      code: 'amount_differs',
      line: 4,
      billed: null,
      expected: { currency: 'EUR', minor: '9420' },
      difference: { currency: 'XYZ', minor: -5 },
    };
    expect(en(r)).toBe(
      'Line 4 bills (unknown) where the rules give (unknown) (difference (unknown)).',
    );
    expect(it_(r)).toBe(
      'La riga 4 fattura (sconosciuto) dove le regole danno (sconosciuto) (differenza (sconosciuto)).',
    );
  });
});

describe('charge dates in a reconciliation finding', () => {
  it('shows both days, or "?" for the one that is missing', () => {
    const r = {
      code: 'dates_differ',
      line: 2,
      billed: { start: '2021-07-17', end: '2021-08-14' },
      expected: { start: '2021-07-17T10:00:00Z' },
    };
    expect(en(r)).toBe('Line 2 is dated 2021-07-17…2021-08-14 where 2021-07-17…? was expected.');
    const endOnly = { ...r, billed: { end: new Date('2021-08-14T00:00:00Z') } };
    expect(it_(endOnly)).toBe('La riga 2 ha le date ?…2021-08-14 dove erano attese 2021-07-17…?.');
  });

  it('shows dates with neither day readable, or null, as unknown', () => {
    const r = { code: 'dates_differ', line: 2, billed: null, expected: { start: 'soon', end: 5 } };
    expect(en(r)).toBe('Line 2 is dated (unknown) where (unknown) was expected.');
    expect(it_({ ...r, expected: {} })).toBe(
      'La riga 2 ha le date (sconosciuto) dove erano attese (sconosciuto).',
    );
  });
});

describe('codes and figures from a file', () => {
  it('shows a plain token bare, and quotes text that is not one or is too long', () => {
    const r = {
      code: 'unit_price_differs',
      line: 3,
      billed: { unitPrice: '257.38', currency: 'EUR' },
      expected: { unitPrice: '250 EUR', currency: 'X'.repeat(41) },
    };
    expect(en(r)).toBe(
      `Line 3 is priced 257.38 EUR, not "250 EUR" "${'X'.repeat(41)}": a promotion or a price change (its amount is checked with the billed price).`,
    );
  });

  it('shows a figure that is not text (a number) as unknown', () => {
    const r = {
      code: 'unit_price_differs',
      line: 3,
      billed: { unitPrice: 257.38, currency: 'EUR' },
      expected: { unitPrice: '250.00', currency: 'EUR' },
    };
    expect(en(r)).toBe(
      'Line 3 is priced (unknown) EUR, not 250.00 EUR: a promotion or a price change (its amount is checked with the billed price).',
    );
  });

  it('quotes a code of exactly 60 characters whole, without an ellipsis', () => {
    const code = 'q'.repeat(60);
    expect(en({ code })).toBe(
      `Reason "${code}", which this version of csp-software-rules does not know (it may come from a newer version).`,
    );
  });
});

describe('lists in a reason', () => {
  it('reads at most 100 items of a list', () => {
    const eligible = [...Array.from({ length: 100 }, () => 'annual'), 'triennial'];
    const r = {
      code: 'frequency_not_eligible',
      billingFrequency: 'monthly',
      term: 'P3Y',
      eligible,
    };
    const listed = `${Array.from({ length: 99 }, () => 'annual').join(', ')} or annual`;
    expect(en(r)).toBe(
      `Monthly billing is not available for a 3-year term: the policy allows ${listed} billing.`,
    );
  });

  it('skips the holes of a sparse list', () => {
    const requiredRoles: string[] = [];
    requiredRoles[1] = 'AdminAgent';
    const r = { code: 'missing_role', action: 'cancel', requiredRoles };
    expect(en(r)).toBe(
      "To cancel a purchase, the user needs the Admin agent role, and none of the user's roles grants it.",
    );
  });
});

describe('table lookups', () => {
  it('never reads a value through a key that is not a string, nor an inherited one', () => {
    const asArray = { code: 'same_as_current', billingFrequency: ['annual'] };
    expect(en(asArray)).toBe(
      'The subscription already has (unknown) billing: there is nothing to change.',
    );
    const inherited = { code: 'same_as_current', billingFrequency: 'toString' };
    expect(en(inherited)).toBe(
      'The subscription already has "toString" billing: there is nothing to change.',
    );
    expect(it_(inherited)).toBe(
      'La sottoscrizione ha già la fatturazione "toString": non c\'è nulla da cambiare.',
    );
  });

  it('knows only string reason codes, not a value that converts to one', () => {
    expect(isReasonCode(['expired'])).toBe(false);
    expect(isReasonCode({ toString: () => 'expired' })).toBe(false);
    expect(isReasonCode('expired')).toBe(true);
  });
});

describe('disagreements with Partner Center', () => {
  it('says a fact that is off against a forecast that is on, in both languages', () => {
    const said = [{ field: 'autoRenew', partnerCenter: false, forecast: true }];
    expect(disagreements(said)).toEqual([
      "Partner Center's autorenew (autoRenewEnabled) is off, the published rules give on: the decision uses Partner Center's.",
    ]);
    expect(disagreements(said, IT_MESSAGES)).toEqual([
      'Per il Centro per i partner il rinnovo automatico (autoRenewEnabled) è disattivato, le regole pubblicate danno attivo: la decisione usa il valore del Centro per i partner.',
    ]);
  });

  it('quotes text that only contains a day or an instant instead of reading it as one', () => {
    const said = [
      { field: 'status', partnerCenter: 'suspended', forecast: 'due 2025-04-30' },
      {
        field: 'commitmentEndDate',
        partnerCenter: 'at 2025-04-30T10:00:00Z',
        forecast: '2025-04-30T10:00:00Z',
      },
    ];
    expect(disagreements(said)).toEqual([
      'Partner Center\'s status is "suspended", the published rules give "due 2025-04-30": the decision uses Partner Center\'s.',
      'Partner Center\'s term end (commitmentEndDate) is "at 2025-04-30T10:00:00Z", the published rules give 2025-04-30T10:00:00Z: the decision uses Partner Center\'s.',
    ]);
  });

  it('says a disagreement that is a function, not a record, as unknown whatever it carries', () => {
    const fn = Object.assign(() => undefined, {
      field: 'autoRenew',
      partnerCenter: true,
      forecast: false,
    });
    expect(disagreements([fn])).toEqual([
      "Partner Center's (unknown) is (unknown), the published rules give (unknown): the decision uses Partner Center's.",
    ]);
  });

  it('names decision.disagreements when that list has a hole', () => {
    const said: unknown[] = [];
    said[1] = { field: 'status' };
    expect(messageOf(() => disagreements(said))).toBe(
      'invalid_input [decision.disagreements[0]] decision.disagreements[0]: missing (a hole in the array)',
    );
  });
});

describe('sentences with a choice of wording', () => {
  it('gives no publisher note when no publisher was received', () => {
    const r = { code: 'non_cancellable_publisher', matched: 'SUSE' };
    expect(en(r)).toBe('SUSE software plans can never be cancelled or exchanged.');
    expect(it_(r)).toBe('I piani software SUSE non possono essere annullati o scambiati.');
  });

  it('says an event does not apply to a subscription', () => {
    const r = { code: 'event_not_applicable', eventType: 'renewal', kind: 'subscription' };
    expect(en(r)).toBe('A "renewal" event does not apply to a subscription.');
    expect(it_(r)).toBe('Un evento "renewal" non si applica a una sottoscrizione.');
    const perpetual = { ...r, kind: 'perpetual' };
    expect(en(perpetual)).toBe('A "renewal" event does not apply to perpetual software.');
    expect(it_(perpetual)).toBe('Un evento "renewal" non si applica a un software perpetuo.');
  });

  it('says a subscription expired, not cancelled, when that is the cause', () => {
    const r = { code: 'subscription_ended', cause: 'expired', endedOn: '2022-03-14' };
    expect(en(r)).toBe('The subscription expired on 2022-03-14: nothing after that is billed.');
    expect(it_(r)).toBe('La sottoscrizione è scaduta il 2022-03-14: dopo non si fattura nulla.');
    const cancelled = { ...r, cause: 'cancelled' };
    expect(en(cancelled)).toBe(
      'The subscription was cancelled on 2022-03-14: nothing after that is billed.',
    );
    expect(it_(cancelled)).toBe(
      'La sottoscrizione è stata annullata il 2022-03-14: dopo non si fattura nulla.',
    );
  });

  it("names the portfolio's customer when a subscription is there under another one", () => {
    const r = {
      code: 'unknown_subscription',
      line: 5,
      subscriptionId: 'sub-1',
      customerId: 'c-1',
      portfolioCustomerId: 'c-2',
    };
    expect(en(r)).toBe(
      'Line 5 bills subscription "sub-1" to customer "c-1", but the portfolio has it under "c-2".',
    );
    expect(it_(r)).toBe(
      'La riga 5 fattura la sottoscrizione "sub-1" al cliente "c-1", ma il portafoglio la ha sotto "c-2".',
    );
  });

  it('says whether lines not computed are of a charge type or for a product', () => {
    const r = {
      code: 'not_modelled',
      lines: 3,
      line: 7,
      chargeType: 'usage',
      cause: 'charge_type',
    };
    expect(en(r)).toBe(
      '3 line(s) from line 7 (usage) are of a charge type this version does not compute: not checked.',
    );
    expect(it_(r)).toBe(
      '3 riga/righe dalla riga 7 (usage) sono di un tipo di addebito che questa versione non calcola: non verificate.',
    );
    const product = { ...r, cause: 'product' };
    expect(en(product)).toBe(
      '3 line(s) from line 7 (usage) are for a product (usage, Azure, marketplace) this version does not compute: not checked.',
    );
    expect(it_(product)).toBe(
      '3 riga/righe dalla riga 7 (usage) sono di un prodotto (consumo, Azure, marketplace) che questa versione non calcola: non verificate.',
    );
  });

  it('names the unreadable field of a line only when there is one', () => {
    const r = { code: 'malformed_line', line: 9, problem: 'not a number' };
    expect(en(r)).toBe('Line 9 could not be read: "not a number".');
    expect(it_(r)).toBe('La riga 9 non si è potuta leggere: "not a number".');
    expect(en({ ...r, field: 'UnitPrice' })).toBe(
      'Line 9 could not be read ("UnitPrice"): "not a number".',
    );
  });

  it('leaves out the last day of a subscription that will not renew when it is not known', () => {
    const legacy = { code: 'will_not_renew', cause: 'legacy_purchase' };
    expect(en(legacy)).toBe(
      'The subscription will not renew because it was bought before 2021-10-14 and expires on the end date set at purchase: there is no next term whose billing frequency could change.',
    );
    expect(en({ code: 'will_not_renew', cause: 'auto_renew_off', lastDay: 'soon' })).toBe(
      'The subscription will not renew because autorenew is off, so it expires at the end of the current term: there is no next term whose billing frequency could change.',
    );
  });

  it('says no activation method is offered when the list is empty', () => {
    const r = {
      code: 'method_not_available',
      channel: 'volume_licensing',
      requested: 'mak',
      available: [],
    };
    expect(en(r)).toBe(
      'MAK activation is not available through volume licensing (VL): no method is offered.',
    );
  });

  it('adds "not even on request" only for KMS through CSP', () => {
    const r = {
      code: 'method_not_available',
      channel: 'csp',
      requested: 'mak',
      available: ['kms'],
    };
    expect(en(r)).toBe(
      'MAK activation is not available through the Cloud Solution Provider (CSP) program: use KMS (Key Management Service).',
    );
    expect(it_(r)).toBe(
      "L'attivazione MAK non è disponibile tramite il programma Cloud Solution Provider (CSP): usare il Servizio di gestione delle chiavi (KMS).",
    );
  });
});

describe('market names', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('quotes an unknown market code in Italian too', () => {
    expect(it_({ code: 'prices_exclude_tax', market: 'QQ' })).toBe(
      'Nel mercato "QQ" i prezzi commerciali escludono le imposte.',
    );
  });

  it('shows a market the runtime cannot name by its code, once', () => {
    vi.spyOn(Intl.DisplayNames.prototype, 'of').mockReturnValue(undefined);
    const r = { code: 'prices_exclude_tax', market: 'IT' };
    expect(en(r)).toBe('Commercial prices in IT exclude tax.');
    expect(it_(r)).toBe('Nel mercato IT i prezzi commerciali escludono le imposte.');
  });
});
