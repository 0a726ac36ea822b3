import { describe, expect, it } from 'vitest';
import {
  type SoftwareOrder,
  softwareOrderCancellationRequest,
} from '../../src/cancellation/order/index.js';
import { expectRuleError } from '../support/errors.js';

const TENANT = '4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1';
const order: SoftwareOrder = {
  id: 'TXQ2MZG9VDDB',
  customerTenantId: TENANT,
  status: 'completed',
  billingCycle: 'one_time',
  lineItems: [
    {
      lineItemNumber: 0,
      offerId: 'DG7GMGF0FKZV:0001:DG7GMGF0D3SJ',
      quantity: 1,
      productName: 'SQL Server 2019 Standard',
    },
    {
      lineItemNumber: 1,
      offerId: 'DG7GMGF0FLV0:0002:DG7GMGF0DWMS',
      quantity: 5,
      termDuration: 'P1Y',
    },
    { lineItemNumber: 2, offerId: 'DG7GMGF0FLR2:0004:DG7GMGF0DSZX', quantity: 2 },
  ],
};

describe('softwareOrderCancellationRequest', () => {
  it('whole order: every line item, the order becomes cancelled', () => {
    expect(softwareOrderCancellationRequest(order)).toEqual({
      method: 'PATCH',
      pathTemplate: '/v1/customers/{customer-tenant-id}/orders/{order-id}',
      path: `/v1/customers/${TENANT}/orders/TXQ2MZG9VDDB`,
      body: {
        id: 'TXQ2MZG9VDDB',
        status: 'cancelled',
        lineItems: [
          { lineItemNumber: 0, offerId: 'DG7GMGF0FKZV:0001:DG7GMGF0D3SJ' },
          { lineItemNumber: 1, offerId: 'DG7GMGF0FLV0:0002:DG7GMGF0DWMS' },
          { lineItemNumber: 2, offerId: 'DG7GMGF0FLR2:0004:DG7GMGF0DSZX' },
        ],
      },
      orderStatusAfter: 'cancelled',
    });
  });

  it("some line items: listed in the order's order, the order stays completed", () => {
    const r = softwareOrderCancellationRequest(order, [2, 0]);
    expect(r.body.lineItems).toEqual([
      { lineItemNumber: 0, offerId: 'DG7GMGF0FKZV:0001:DG7GMGF0D3SJ' },
      { lineItemNumber: 2, offerId: 'DG7GMGF0FLR2:0004:DG7GMGF0DSZX' },
    ]);
    expect(r.orderStatusAfter).toBe('completed');
    expect(JSON.stringify(r.body)).toBe(
      '{"id":"TXQ2MZG9VDDB","status":"cancelled","lineItems":[{"lineItemNumber":0,"offerId":"DG7GMGF0FKZV:0001:DG7GMGF0D3SJ"},{"lineItemNumber":2,"offerId":"DG7GMGF0FLR2:0004:DG7GMGF0DSZX"}]}',
    );
    expect(softwareOrderCancellationRequest(order, [0, 1, 2]).orderStatusAfter).toBe('cancelled');
  });

  it('items already cancelled count toward cancelling the whole order', () => {
    const partly: SoftwareOrder = {
      ...order,
      lineItems: order.lineItems.map((l) =>
        l.lineItemNumber === 1 ? { ...l, status: 'Cancelled' } : l,
      ),
    };
    expect(softwareOrderCancellationRequest(partly, [0]).orderStatusAfter).toBe('completed');
    const rest = softwareOrderCancellationRequest(partly, [0, 2]);
    expect(rest.orderStatusAfter).toBe('cancelled');
    expect(
      softwareOrderCancellationRequest(partly).body.lineItems.map((l) => l.lineItemNumber),
    ).toEqual([0, 2]);
    expectRuleError(
      () => softwareOrderCancellationRequest(partly, [1]),
      'invalid_input',
      'lineItems[0]',
    );
    const all: SoftwareOrder = {
      ...order,
      lineItems: order.lineItems.map((l) => ({ ...l, status: 'cancelled' })),
    };
    expectRuleError(
      () => softwareOrderCancellationRequest(all),
      'invalid_input',
      'order.lineItems',
    );
  });

  it('without a tenant id, no path; ids are URL-encoded in the path', () => {
    const { customerTenantId: _, ...noTenant } = order;
    expect(softwareOrderCancellationRequest(noTenant).path).toBeNull();
    expect(softwareOrderCancellationRequest({ ...order, id: 'a/b c' }).path).toBe(
      `/v1/customers/${TENANT}/orders/a%2Fb%20c`,
    );
  });

  it('validates the line item numbers it is asked to cancel', () => {
    expectRuleError(
      () => softwareOrderCancellationRequest(order, [3]),
      'invalid_input',
      'lineItems[0]',
    );
    expectRuleError(
      () => softwareOrderCancellationRequest(order, [0, -1]),
      'invalid_input',
      'lineItems[1]',
    );
    expectRuleError(
      () => softwareOrderCancellationRequest(order, ['0'] as never),
      'invalid_input',
      'lineItems[0]',
    );
    expectRuleError(
      () => softwareOrderCancellationRequest(order, [1, 1]),
      'duplicate_id',
      'lineItems[1]',
    );
    expectRuleError(
      () => softwareOrderCancellationRequest(order, []),
      'invalid_input',
      'lineItems',
    );
    expectRuleError(
      () => softwareOrderCancellationRequest(order, 1 as never),
      'invalid_input',
      'lineItems',
    );
  });

  it('refuses an order id with a lone surrogate (it cannot go into a URL), with or without a tenant', () => {
    for (const id of ['TXQ\ud800', '\udc00TXQ']) {
      for (const customerTenantId of [TENANT, undefined]) {
        expect(() =>
          softwareOrderCancellationRequest({ ...order, id, customerTenantId } as SoftwareOrder),
        ).toThrow('order.id: not well-formed text (a lone surrogate)');
      }
    }
    expect(softwareOrderCancellationRequest({ ...order, id: 'TXQ\ud83d\ude00' }).path).toBe(
      `/v1/customers/${TENANT}/orders/TXQ%F0%9F%98%80`,
    );
  });

  it('validates the order', () => {
    expectRuleError(
      () => softwareOrderCancellationRequest(null as never),
      'invalid_input',
      'order',
    );
    expectRuleError(
      () => softwareOrderCancellationRequest({ ...order, id: ' ' }),
      'invalid_input',
      'order.id',
    );
    expectRuleError(
      () => softwareOrderCancellationRequest({ ...order, customerTenantId: 'contoso.com' }),
      'invalid_input',
      'order.customerTenantId',
    );
    expectRuleError(
      () => softwareOrderCancellationRequest({ ...order, status: 'cancelled' }),
      'invalid_input',
      'order.status',
    );
    expectRuleError(
      () => softwareOrderCancellationRequest({ ...order, status: '' }),
      'invalid_input',
      'order.status',
    );
    expectRuleError(
      () => softwareOrderCancellationRequest({ ...order, lineItems: [] }),
      'invalid_input',
      'order.lineItems',
    );
    const line = order.lineItems[0] as NonNullable<(typeof order.lineItems)[0]>;
    const withLine = (l: unknown) => ({ ...order, lineItems: [l] }) as never;
    expectRuleError(
      () => softwareOrderCancellationRequest(withLine({ ...line, lineItemNumber: 1.5 })),
      'invalid_input',
      'order.lineItems[0].lineItemNumber',
    );
    expectRuleError(
      () => softwareOrderCancellationRequest(withLine({ ...line, offerId: '' })),
      'invalid_input',
      'order.lineItems[0].offerId',
    );
    expectRuleError(
      () => softwareOrderCancellationRequest(withLine({ ...line, quantity: 0 })),
      'invalid_quantity',
      'order.lineItems[0].quantity',
    );
    expectRuleError(
      () => softwareOrderCancellationRequest(withLine({ ...line, productName: 7 })),
      'invalid_input',
      'order.lineItems[0].productName',
    );
    expectRuleError(
      () => softwareOrderCancellationRequest(withLine('line')),
      'invalid_input',
      'order.lineItems[0]',
    );
    expectRuleError(
      () => softwareOrderCancellationRequest({ ...order, lineItems: [line, { ...line }] }),
      'duplicate_id',
      'order.lineItems[1].lineItemNumber',
    );
  });
});

describe('customerTenantId is a GUID, 8-4-4-4-12 hexadecimal digits', () => {
  it('accepts one in any case', () => {
    for (const t of [TENANT, TENANT.toUpperCase()]) {
      expect(softwareOrderCancellationRequest({ ...order, customerTenantId: t }).path).toBe(
        `/v1/customers/${t}/orders/TXQ2MZG9VDDB`,
      );
    }
  });

  it.each([
    ['text before', `x${TENANT}`],
    ['text after', `${TENANT}x`],
    ['a short first group', '4d3cf48-70f6-4c94-8a5b-a2f5c7b2c9d1'],
    ['a first group of one digit', '4-70f6-4c94-8a5b-a2f5c7b2c9d1'],
    ['a non-hex first group', 'zzzzzzzz-70f6-4c94-8a5b-a2f5c7b2c9d1'],
    ['two middle groups', '4d3cf487-70f6-4c94-a2f5c7b2c9d1'],
    ['a middle group of one digit', '4d3cf487-7-4-8-a2f5c7b2c9d1'],
    ['a non-hex middle group', '4d3cf487-zzzz-4c94-8a5b-a2f5c7b2c9d1'],
    ['a last group of one digit', '4d3cf487-70f6-4c94-8a5b-a'],
    ['a non-hex last group', '4d3cf487-70f6-4c94-8a5b-zzzzzzzzzzzz'],
  ])('refuses %s', (_, customerTenantId) => {
    expectRuleError(
      () => softwareOrderCancellationRequest({ ...order, customerTenantId }),
      'invalid_input',
      'order.customerTenantId',
    );
  });
});
