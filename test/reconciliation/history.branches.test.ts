// A history's run-time guard, one rule at a time: every malformed event is
// one CspRuleError naming the event and its field; events are applied in
// time order, equal instants in the caller's order.
import { describe, expect, it } from 'vitest';
import { checkHistory } from '../../src/reconciliation/history.js';
import { expectedLines } from '../../src/reconciliation/index.js';
import { messageOf } from '../support/errors.js';

const at = (day: string, time = '10:00:00') => `${day}T${time}Z`;
const cancel = { type: 'cancel', at: at('2021-07-17') } as const;
/** The error of a history whose second event is `event` (the first is well formed). */
const secondEvent = (event: unknown, field?: string) =>
  messageOf(() => checkHistory([cancel, event], field));

describe('checkHistory: the list', () => {
  it('no history is no event', () => {
    expect(checkHistory(undefined)).toEqual([]);
  });

  it("names the field 'history' unless told another", () => {
    expect(messageOf(() => checkHistory('cancel'))).toBe(
      'invalid_input [history] history: expected an array, got a string',
    );
    expect(messageOf(() => checkHistory([{ type: 'undo', at: at('2021-07-17') }]))).toBe(
      'invalid_input [history[0].type] history[0].type: expected one of setQuantity, cancel, changeBillingPlan, renew, convert',
    );
  });

  it('an event is named by its index under the field given', () => {
    expect(secondEvent({ type: 5, at: at('2021-07-18') }, 'events')).toBe(
      'invalid_input [events[1].type] events[1].type: expected one of setQuantity, cancel, changeBillingPlan, renew, convert',
    );
  });

  it('returns each event checked, its price exact and its instant in ms', () => {
    expect(
      checkHistory([
        { type: 'convert', at: at('2021-07-20'), unitPrice: '20.16', offerId: 'CFQ7TTC0LH18:0001' },
      ]),
    ).toEqual([
      {
        index: 0,
        type: 'convert',
        atMs: Date.parse(at('2021-07-20')),
        quantity: undefined,
        price: { units: 2016n, scale: 2 },
        billingFrequency: undefined,
      },
    ]);
  });
});

describe('checkHistory: an event of an unknown type', () => {
  it('a type that is not one of the five', () => {
    expect(secondEvent({ type: 'undo', at: at('2021-07-18') })).toBe(
      'invalid_input [history[1].type] history[1].type: expected one of setQuantity, cancel, changeBillingPlan, renew, convert',
    );
  });

  it('a type that is not a string', () => {
    expect(secondEvent({ type: 5, at: at('2021-07-18') })).toBe(
      'invalid_input [history[1].type] history[1].type: expected one of setQuantity, cancel, changeBillingPlan, renew, convert',
    );
  });
});

describe('checkHistory: each field of an event, named', () => {
  it('its instant', () => {
    expect(secondEvent({ type: 'cancel', at: 'yesterday' })).toBe(
      'invalid_instant [history[1].at] history[1].at: the value is not an ISO-8601 instant (YYYY-MM-DDTHH:mm:ssZ, an offset, or YYYY-MM-DD)',
    );
  });

  it('a seat change needs its quantity, at least 1', () => {
    expect(secondEvent({ type: 'setQuantity', at: at('2021-07-18') })).toBe(
      'missing_field [history[1].quantity] history[1].quantity: required',
    );
    expect(secondEvent({ type: 'setQuantity', at: at('2021-07-18'), quantity: 0 })).toBe(
      'invalid_quantity [history[1].quantity] history[1].quantity: expected a whole number of at least 1, got 0',
    );
  });

  it('a billing-plan change needs its plan and price', () => {
    expect(secondEvent({ type: 'changeBillingPlan', at: at('2021-07-18'), unitPrice: '1' })).toBe(
      'missing_field [history[1].billingFrequency] history[1].billingFrequency: required',
    );
    expect(
      secondEvent({ type: 'changeBillingPlan', at: at('2021-07-18'), billingFrequency: 'annual' }),
    ).toBe('missing_field [history[1].unitPrice] history[1].unitPrice: required');
    expect(
      secondEvent({
        type: 'changeBillingPlan',
        at: at('2021-07-18'),
        billingFrequency: 'weekly',
        unitPrice: '1',
      }),
    ).toBe(
      'invalid_billing_frequency [history[1].billingFrequency] history[1].billingFrequency: expected one of monthly, annual, triennial',
    );
  });

  it('a renewal and a conversion need their price, a plain decimal', () => {
    expect(secondEvent({ type: 'renew', at: at('2021-08-15') })).toBe(
      'missing_field [history[1].unitPrice] history[1].unitPrice: required',
    );
    expect(secondEvent({ type: 'convert', at: at('2021-07-18') })).toBe(
      'missing_field [history[1].unitPrice] history[1].unitPrice: required',
    );
    expect(secondEvent({ type: 'convert', at: at('2021-07-18'), unitPrice: 'abc' })).toBe(
      'invalid_decimal [history[1].unitPrice] history[1].unitPrice: the value is not a plain decimal (digits, optional sign and "." point)',
    );
  });

  it("a conversion's offer id, when given, is a string", () => {
    expect(secondEvent({ type: 'convert', at: at('2021-07-18'), unitPrice: '1', offerId: 5 })).toBe(
      'invalid_input [history[1].offerId] history[1].offerId: expected a string',
    );
  });

  it('expectedLines reports the same fields under history', () => {
    expect(
      messageOf(() =>
        expectedLines(
          {
            kind: 'subscription',
            purchasedAt: '2021-07-15T09:00:00Z',
            term: 'P1Y',
            billingFrequency: 'monthly',
            quantity: 10,
            unitPrice: '10.08',
            currency: 'EUR',
          },
          { history: [cancel, { type: 'setQuantity', at: at('2021-07-18') } as never] },
        ),
      ),
    ).toBe('missing_field [history[1].quantity] history[1].quantity: required');
  });
});

describe('checkHistory: time order', () => {
  it('events in any order come back in time order', () => {
    const events = checkHistory([
      { type: 'setQuantity', at: at('2021-07-25'), quantity: 14 },
      { type: 'setQuantity', at: at('2021-07-16'), quantity: 11 },
      { type: 'setQuantity', at: at('2021-07-20'), quantity: 12 },
      { type: 'setQuantity', at: at('2021-07-18'), quantity: 13 },
    ]);
    expect(events.map((e) => e.index)).toEqual([1, 3, 2, 0]);
  });

  it('equal instants keep the order given', () => {
    const events = checkHistory([
      { type: 'setQuantity', at: at('2021-07-25'), quantity: 14 },
      { type: 'setQuantity', at: at('2021-07-16'), quantity: 11 },
      { type: 'setQuantity', at: at('2021-07-16'), quantity: 12 },
      { type: 'setQuantity', at: at('2021-07-16'), quantity: 13 },
    ]);
    expect(events.map((e) => e.index)).toEqual([1, 2, 3, 0]);
  });

  it('the lines follow the events in time order, not in the order given', () => {
    const r = expectedLines(
      {
        kind: 'subscription',
        purchasedAt: '2021-07-15T09:00:00Z',
        term: 'P1Y',
        billingFrequency: 'monthly',
        quantity: 10,
        unitPrice: '10.08',
        currency: 'EUR',
      },
      {
        period: '2021-07',
        history: [
          { type: 'setQuantity', at: at('2021-07-25'), quantity: 14 },
          { type: 'setQuantity', at: at('2021-07-20'), quantity: 12 },
        ],
      },
    );
    expect(r.lines.map((l) => [l.chargeStartDate, l.billableQuantity, l.event])).toEqual([
      ['2021-07-15', 10, null],
      ['2021-07-20', 10, 1],
      ['2021-07-20', 12, 1],
      ['2021-07-25', 12, 0],
      ['2021-07-25', 14, 0],
    ]);
    expect(r.refused).toEqual([]);
  });
});
