// The browser smoke test's page code: one decision from each area, imported by
// the package's public names from its own built ESM (dist/), as an app in a
// browser would. scripts/browser-test.mjs serves it to headless Chromium with an
// import map, and also runs it in Node: each check must give its expected value
// in both, and the same value in both.
//
// Plain JavaScript on purpose: the browser runs this file as it is.
import * as root from 'csp-software-rules';
import { authorize, hasPermission } from 'csp-software-rules/access';
import {
  activationMethodFor,
  kmsActivationExpiry,
  planMakMigration,
} from 'csp-software-rules/activation';
import { chargeCycles, eligibleBillingFrequencies } from 'csp-software-rules/billing';
import { evaluateCancellation } from 'csp-software-rules/cancellation';
import { softwareOrderCancellationRequest } from 'csp-software-rules/cancellation/order';
import { formatMoney, isCspRuleError, moneyFromDecimal } from 'csp-software-rules/core';
import { explain, explainReason } from 'csp-software-rules/explain';
import { IT_MESSAGES } from 'csp-software-rules/explain/it';
import {
  defaultAutoRenew,
  softwareSubscriptionVisibility,
  termDates,
} from 'csp-software-rules/lifecycle';
import {
  azureReservationAvailability,
  isAzureReservationAvailable,
  marketName,
  pricesIncludeTax,
} from 'csp-software-rules/markets';
import { expectedLines } from 'csp-software-rules/reconciliation';
import { cancellationRefund } from 'csp-software-rules/refunds';
import {
  jsonSchemas,
  parseSoftwareSubscription,
  safeParseSoftwareSubscription,
} from 'csp-software-rules/schemas';

/** What a call threw, as plain data (or a marker when it did not throw). */
function thrown(call) {
  try {
    call();
    return 'did not throw';
  } catch (e) {
    return { isCspRuleError: isCspRuleError(e), code: e?.code, field: e?.field };
  }
}

const subscription = {
  kind: 'subscription',
  purchasedAt: '2024-01-31T10:00:00Z',
  term: 'P1Y',
  billingFrequency: 'monthly',
  quantity: 25,
  unitPrice: '10.08',
  currency: 'EUR',
};

// 10 licences at EUR 10.08 a month, bought July 15, cancelled July 17.
const monthly = {
  kind: 'subscription',
  id: 'sub-1',
  purchasedAt: '2021-07-15T09:00:00Z',
  term: 'P1M',
  billingFrequency: 'monthly',
  quantity: 10,
  unitPrice: 10.08,
  currency: 'EUR',
};

/** [area, what, () => actual, expected]: the checks, one area or more each. */
const CHECKS = [
  [
    'core',
    'exact money from a decimal string, formatted',
    () => [moneyFromDecimal('EUR', '94.2'), formatMoney({ currency: 'KWD', minor: 1250 })],
    [{ currency: 'EUR', minor: 9420 }, '1.250'],
  ],
  [
    'core',
    'a caller mistake in one subpath is a CspRuleError to another',
    () => thrown(() => isAzureReservationAvailable('UK')),
    { isCspRuleError: true, code: 'unknown_market', field: 'market' },
  ],
  [
    'markets',
    'Azure reservations by market',
    () => {
      const saba = azureReservationAvailability(' xs ');
      return [
        isAzureReservationAvailable('az'),
        isAzureReservationAvailable('IT'),
        saba.allowed,
        saba.reasons,
        pricesIncludeTax('au'),
        marketName('cd', 'it'),
      ];
    },
    [
      false,
      true,
      false,
      [{ code: 'reservations_not_sold_in_market', market: 'BQ', partnerCenterCode: 'XS' }],
      true,
      'Congo (RDC)',
    ],
  ],
  [
    'lifecycle',
    'purchase-date rules and term dates',
    () => [
      defaultAutoRenew('2021-10-14'),
      defaultAutoRenew('2021-10-13T23:59:59.999Z'),
      softwareSubscriptionVisibility('2021-10-14T01:00:00+02:00').subscriptionsPage,
      termDates({ purchasedAt: subscription.purchasedAt, term: 'P1Y', termIndex: 1 }),
    ],
    [
      true,
      false,
      false,
      { termIndex: 1, start: '2025-01-31', end: '2026-01-30', renewsOn: '2026-01-31' },
    ],
  ],
  [
    'billing',
    'eligible billing frequencies and charge cycles',
    () => [
      eligibleBillingFrequencies({ term: 'P3Y', purchasedAt: '2021-10-21T23:59:59Z' }),
      eligibleBillingFrequencies({ term: 'P3Y', purchasedAt: '2021-10-22T00:00:00Z' }),
      chargeCycles({
        purchasedAt: '2021-01-31T09:30:00Z',
        term: 'P1Y',
        billingFrequency: 'monthly',
      }).slice(0, 2),
    ],
    [
      ['triennial'],
      ['annual', 'triennial'],
      [
        { index: 0, start: '2021-01-31', end: '2021-02-27' },
        { index: 1, start: '2021-02-28', end: '2021-03-30' },
      ],
    ],
  ],
  [
    'cancellation',
    'the seven-day window of a renewal, open and closed',
    () => {
      const open = evaluateCancellation(subscription, {
        asOf: '2025-02-03T12:00:00Z',
        roles: ['Admin agent'],
      });
      const late = evaluateCancellation(subscription, {
        asOf: '2025-02-07T00:00:00Z',
        roles: ['Sales agent'],
      });
      return [
        open.allowed,
        open.window?.closesAt,
        late.allowed,
        late.reasons.map((r) => r.code),
        late.billedInFull,
      ];
    },
    [true, new Date('2025-02-07T00:00:00.000Z'), false, ['window_closed', 'missing_role'], true],
  ],
  [
    'cancellation',
    "Partner Center's cancel request for one line of an order",
    () => {
      const order = {
        id: 'TXQ2MZG9VDDB',
        customerTenantId: '4d3cf487-70f6-4c94-8a5b-a2f5c7b2c9d1',
        status: 'completed',
        lineItems: [
          { lineItemNumber: 0, offerId: 'DG7GMGF0FKZV:0001:DG7GMGF0D3SJ', quantity: 1 },
          { lineItemNumber: 1, offerId: 'DG7GMGF0FLV0:0002:DG7GMGF0DWMS', quantity: 5 },
        ],
      };
      const one = softwareOrderCancellationRequest(order, [1]);
      return [one.body, one.orderStatusAfter];
    },
    [
      {
        id: 'TXQ2MZG9VDDB',
        status: 'cancelled',
        lineItems: [{ lineItemNumber: 1, offerId: 'DG7GMGF0FLV0:0002:DG7GMGF0DWMS' }],
      },
      'completed',
    ],
  ],
  [
    'refunds',
    'a prorated refund to the cent: 10.08 × 29 / 31 per unit',
    () => {
      const r = cancellationRefund(monthly, { asOf: '2021-07-17T12:00:00Z' });
      const c = r.computation?.method === 'prorated' ? r.computation : undefined;
      return [
        r.allowed,
        r.refund,
        r.kept,
        [c?.cycleDays, c?.refundDays, c?.exactPerUnitFraction],
        r.invoice?.billingPeriod,
      ];
    },
    [
      true,
      { currency: 'EUR', minor: 9420 },
      { currency: 'EUR', minor: 660 },
      [31, 29, '292.32/31'],
      '2021-07',
    ],
  ],
  [
    'activation',
    'KMS lapse and the MAK migration plan of a fleet',
    () => {
      const fleet = [
        { id: 'pc-1', lastRenewalAt: '2024-01-01' },
        { id: 'pc-2', lastRenewalAt: '2024-01-02' },
        { id: 'pc-3', lastRenewalAt: '2024-01-02' },
        { id: 'srv-1', makActivatedAt: '2024-06-01' },
      ];
      const plan = planMakMigration(fleet, { asOf: '2024-06-28T12:00:00Z', capacityPerDay: 1 });
      return [
        kmsActivationExpiry({ lastRenewalAt: '2024-01-01T08:00:00Z' }).lapsesAt,
        plan.deadline,
        plan.byStatus.due_soon,
        plan.schedule?.map((d) => [d.day, d.deviceIds]),
        plan.lapses.map((l) => [l.id, l.downtimeDays]),
        activationMethodFor('csp', { requested: 'kms' }).reasons,
      ];
    },
    [
      new Date('2024-06-29T08:00:00.000Z'),
      new Date('2024-06-29T00:00:00.000Z'),
      ['pc-1', 'pc-2', 'pc-3'],
      [
        ['2024-06-28', ['pc-1']],
        ['2024-06-29', ['pc-2']],
        ['2024-06-30', ['pc-3']],
      ],
      [['pc-3', 0]],
      [{ code: 'method_not_available', channel: 'csp', requested: 'kms', available: ['mak'] }],
    ],
  ],
  [
    'access',
    'roles and permissions',
    () => {
      const d = authorize('cancel', ['GlobalAdmin', 'Incentive admin']);
      return [
        authorize('cancel', ['Admin agent']).allowed,
        d.reasons,
        d.unknownRoles,
        hasPermission('viewActivityLog', ['AdminAgent']),
      ];
    },
    [
      true,
      [{ code: 'missing_role', action: 'cancel', requiredRoles: ['AdminAgent'] }],
      ['Incentive admin'],
      false,
    ],
  ],
  [
    'explain',
    'sentences in English and Italian',
    () => {
      const refused = explain(authorize('cancel', ['Sales agent']), { locale: IT_MESSAGES });
      return [
        refused.summary,
        refused.reasons[0]?.text,
        explainReason({ code: 'not_yet_open', opensAt: new Date('2022-03-15T10:00:00Z') }).text,
      ];
    },
    [
      "Non consentito: all'utente manca il ruolo necessario.",
      "Per annullare un acquisto serve il ruolo agente di amministrazione (Admin agent), che nessuno dei ruoli dell'utente concede.",
      'The cancellation window has not opened yet: it opens at 2022-03-15T10:00:00Z.',
    ],
  ],
  [
    'reconciliation',
    'the lines a cancelled month bills: the charge and its refund',
    () =>
      expectedLines(monthly, {
        period: '2021-07',
        history: [{ type: 'cancel', at: '2021-07-17T10:00:00Z' }],
      }).lines.map((l) => [
        l.chargeType,
        l.chargeStartDate,
        l.chargeEndDate,
        l.effectiveUnitPrice,
        l.subtotal,
      ]),
    [
      ['new', '2021-07-15', '2021-08-14', '10.08', { currency: 'EUR', minor: 10080 }],
      ['cancelImmediate', '2021-07-17', '2021-08-14', '-9.42', { currency: 'EUR', minor: -9420 }],
    ],
  ],
  [
    'schemas',
    'zod parses a subscription, refuses a bad one, exports JSON Schema',
    () => {
      const bad = safeParseSoftwareSubscription({ ...subscription, term: 'P2Y' });
      const schema = jsonSchemas()['software-subscription'];
      return [
        parseSoftwareSubscription({ ...subscription, note: 'dropped' }),
        bad.success,
        bad.success ? undefined : isCspRuleError(bad.error) && bad.error.code,
        thrown(() => parseSoftwareSubscription({ kind: 'subscription', term: 'P3Y' })).code,
        [schema.title, schema.required.includes('purchasedAt')],
      ];
    },
    [subscription, false, 'invalid_input', 'invalid_input', ['SoftwareSubscription', true]],
  ],
  [
    'root',
    'the root entry answers as the subpaths do',
    () => [
      root.evaluateCancellation(subscription, {
        asOf: '2025-02-03T12:00:00Z',
        roles: ['AdminAgent'],
      }).window?.closesAt,
      thrown(() => root.money('EUR', 1.5)),
    ],
    [
      new Date('2025-02-07T00:00:00.000Z'),
      { isCspRuleError: true, code: 'invalid_money', field: 'minor' },
    ],
  ],
];

/**
 * Runs every check; a check that throws reports the error instead of its value.
 *
 * @returns `{ area, what, actual, expected }` per check, or `error` in place of `actual`.
 */
export function runChecks() {
  return CHECKS.map(([area, what, run, expected]) => {
    try {
      return { area, what, actual: run(), expected };
    } catch (e) {
      return { area, what, error: String(e?.stack ?? e), expected };
    }
  });
}
