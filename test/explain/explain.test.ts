import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorize } from '../../src/access/index.js';
import { activationMethodFor, planMakMigration } from '../../src/activation/index.js';
import { billingFrequencyChange, billingFrequencyDecision } from '../../src/billing/index.js';
import { evaluateCancellation } from '../../src/cancellation/index.js';
import type { SoftwareSubscription } from '../../src/core/index.js';
import { formatAmount, formatCount, formatDay, formatInstant } from '../../src/explain/format.js';
import {
  EN_MESSAGES,
  explain,
  explainReason,
  isReasonCode,
  type ReasonCode,
  type ReasonMessages,
} from '../../src/explain/index.js';
import { autoRenewToggle } from '../../src/lifecycle/index.js';
import { azureReservationAvailability, taxInclusivePricing } from '../../src/markets/index.js';
import { expectRuleError } from '../support/errors.js';
import { IT_MESSAGES, LOCALES } from '../support/locales.js';
import { expectSameInEveryTimeZone, localOffsetsDiffer } from '../support/tz.js';

const CODES = Object.keys(EN_MESSAGES.reasons) as ReasonCode[];
const BAD_OUTPUT = /undefined|\[object |NaN|Invalid Date|\bnull\b/;

const sub: SoftwareSubscription = {
  kind: 'subscription',
  purchasedAt: '2022-03-15T10:00:00Z',
  term: 'P1Y',
  billingFrequency: 'annual',
  quantity: 5,
  unitPrice: '120.00',
  currency: 'EUR',
};

describe('explain: a decision in English and Italian', () => {
  it("says each disagreement with Partner Center's facts, in English and Italian, and never throws on odd data", () => {
    const d = evaluateCancellation(
      { ...sub, purchasedAt: '2021-06-01T10:00:00Z', autoRenew: true },
      { asOf: '2021-09-01T00:00:00Z' },
    );
    expect(explain(d).disagreements).toEqual([
      "Partner Center's autorenew (autoRenewEnabled) is on, the published rules give off: the decision uses Partner Center's.",
    ]);
    expect(explain(d, { locale: IT_MESSAGES }).disagreements).toEqual([
      'Per il Centro per i partner il rinnovo automatico (autoRenewEnabled) è attivo, le regole pubblicate danno disattivato: la decisione usa il valore del Centro per i partner.',
    ]);
    const odd = explain({
      reasons: [],
      disagreements: [
        null,
        { field: 7 },
        {
          field: 'commitmentEndDate',
          partnerCenter: '2025-04-30',
          forecast: new Date('2025-04-01T00:00:00Z'),
        },
      ],
    } as never);
    expect(odd.disagreements).toEqual([
      "Partner Center's (unknown) is (unknown), the published rules give (unknown): the decision uses Partner Center's.",
      "Partner Center's (unknown) is (unknown), the published rules give (unknown): the decision uses Partner Center's.",
      "Partner Center's term end (commitmentEndDate) is 2025-04-30, the published rules give 2025-04-01T00:00:00Z: the decision uses Partner Center's.",
    ]);
  });

  it('says "Allowed." for a decision without reasons', () => {
    const d = authorize('cancel', ['Admin agent']);
    expect(explain(d)).toEqual({
      allowed: true,
      summary: 'Allowed.',
      reasons: [],
      disagreements: [],
    });
    expect(explain(d, { locale: IT_MESSAGES })).toEqual({
      allowed: true,
      summary: 'Consentito.',
      reasons: [],
      disagreements: [],
    });
    expect(explain(d, {}).summary).toBe('Allowed.');
    expect(explain(d, { locale: undefined }).summary).toBe('Allowed.');
  });

  it('explains a closed cancellation window refused to a Sales agent', () => {
    const d = evaluateCancellation(sub, { asOf: '2022-04-01T00:00:00Z', roles: ['Sales agent'] });
    expect(d.reasons.map((r) => r.code)).toEqual(['window_closed', 'missing_role']);
    expect(explain(d)).toEqual({
      allowed: false,
      summary:
        'Not allowed: the cancellation window has closed; the user lacks the role this needs.',
      reasons: [
        {
          code: 'window_closed',
          text: 'The cancellation window closed at 2022-03-22T10:00:00Z: the purchase can no longer be cancelled.',
          known: true,
        },
        {
          code: 'missing_role',
          text: "To cancel a purchase, the user needs the Admin agent role, and none of the user's roles grants it.",
          known: true,
        },
      ],
      disagreements: [],
    });
    const it = explain(d, { locale: IT_MESSAGES });
    expect(it.summary).toBe(
      "Non consentito: la finestra di annullamento è chiusa; all'utente manca il ruolo necessario.",
    );
    expect(it.reasons.map((r) => r.text)).toEqual([
      "La finestra di annullamento si è chiusa il 2022-03-22T10:00:00Z: l'acquisto non può più essere annullato.",
      "Per annullare un acquisto serve il ruolo agente di amministrazione (Admin agent), che nessuno dei ruoli dell'utente concede.",
    ]);
  });

  it('explains a window that has not opened, a Red Hat plan and an unknown status', () => {
    const d = evaluateCancellation(
      { ...sub, publisher: 'Red Hat, Inc.', status: { unknown: 'disabled' } },
      { asOf: '2022-03-15T09:00:00Z' },
    );
    expect(explain(d).reasons.map((r) => r.text)).toEqual([
      'Partner Center sent "disabled" in purchase.status, a value this version of the rules does not know: they refuse rather than guess.',
      'The cancellation window has not opened yet: it opens at 2022-03-15T10:00:00Z.',
      'Red Hat software plans can never be cancelled or exchanged (publisher "Red Hat, Inc.").',
    ]);
    expect(explain(d, { locale: IT_MESSAGES }).reasons.map((r) => r.text)).toEqual([
      'Il Centro per i partner ha inviato "disabled" in purchase.status, un valore che questa versione delle regole non conosce: le regole rifiutano invece di tirare a indovinare.',
      'La finestra di annullamento non è ancora aperta: si apre il 2022-03-15T10:00:00Z.',
      'I piani software Red Hat non possono essere annullati o scambiati (editore "Red Hat, Inc.").',
    ]);
  });

  it('explains already cancelled and expired purchases', () => {
    const cancelled = evaluateCancellation(
      { ...sub, status: 'cancelled' },
      { asOf: '2022-03-16T00:00:00Z' },
    );
    expect(explain(cancelled).reasons[0]?.text).toBe(
      'The purchase is already cancelled (status "cancelled").',
    );
    expect(explain(cancelled, { locale: IT_MESSAGES }).reasons[0]?.text).toBe(
      'L\'acquisto è già stato annullato (stato "cancelled").',
    );
    const lifecycle = autoRenewToggle(
      { ...sub, status: 'cancelled' },
      { asOf: '2022-03-16T00:00:00Z' },
    );
    expect(explain(lifecycle).reasons.map((r) => r.text)).toEqual([
      'The purchase is already cancelled.',
    ]);
    expect(explainReason({ code: 'expired' }, { locale: IT_MESSAGES }).text).toBe(
      "La sottoscrizione è scaduta: non c'è più nulla da annullare o rinnovare.",
    );
  });

  it('explains autorenew on a subscription bought before 2021-10-14', () => {
    const d = autoRenewToggle(
      { ...sub, purchasedAt: '2021-03-01T08:00:00Z' },
      { asOf: '2021-06-01', roles: ['Helpdesk agent'] },
    );
    expect(explain(d).reasons.map((r) => r.text)).toEqual([
      "The subscription was bought on 2021-03-01, before 2021-10-14: subscriptions bought before that day are not on the customer's Subscriptions page, where autorenew is switched on or off.",
      "To switch autorenew on or off, the user needs the Admin agent role, and none of the user's roles grants it.",
    ]);
    expect(explain(d, { locale: IT_MESSAGES }).reasons.map((r) => r.text)).toEqual([
      'La sottoscrizione è stata acquistata il 2021-03-01, prima del 2021-10-14: le sottoscrizioni acquistate prima di quel giorno non compaiono nella pagina Sottoscrizioni del cliente, dove si attiva o disattiva il rinnovo automatico.',
      "Per attivare o disattivare il rinnovo automatico serve il ruolo agente di amministrazione (Admin agent), che nessuno dei ruoli dell'utente concede.",
    ]);
  });

  it('names every role the activity log needs, in both languages', () => {
    const d = authorize('viewActivityLog', ['Admin agent']);
    expect(explain(d).reasons[0]?.text).toBe(
      "To view the key-access and download activity log, the user needs one of the roles Account admin, Referral admin or Marketing content admin, and none of the user's roles grants it.",
    );
    expect(explain(d, { locale: IT_MESSAGES }).reasons[0]?.text).toBe(
      "Per visualizzare il log attività di accesso alle chiavi e di download serve uno dei ruoli amministratore account (Account admin), amministratore di segnalazioni (Referral admin) o amministratore del contenuto marketing (Marketing content admin), e nessuno dei ruoli dell'utente lo concede.",
    );
    const nobody = { code: 'missing_role', action: 'purchase', requiredRoles: [] } as const;
    expect(explainReason(nobody).text).toBe(
      'No role may buy software for a customer under the permission table in force.',
    );
    expect(explainReason(nobody, { locale: IT_MESSAGES }).text).toBe(
      'Nessun ruolo può acquistare software per conto di un cliente secondo la tabella dei permessi in vigore.',
    );
    const two = {
      code: 'missing_role',
      action: 'getKeysAndDownloads',
      requiredRoles: ['AdminAgent', 'GlobalAdmin'],
    };
    expect(explainReason(two).text).toBe(
      "To get product keys and download links, the user needs one of the roles Admin agent or Global admin, and none of the user's roles grants it.",
    );
  });

  it('explains billing-plan refusals', () => {
    const change = billingFrequencyChange({ ...sub, autoRenew: false }, 'annual', {
      asOf: '2022-06-01',
      roles: ['Admin agent'],
    });
    expect(explain(change).reasons.map((r) => r.text)).toEqual([
      'The subscription will not renew because autorenew is off, so it expires at the end of the current term (its last day is 2023-03-14): there is no next term whose billing frequency could change.',
      'The subscription already has annual billing: there is nothing to change.',
    ]);
    expect(explain(change, { locale: IT_MESSAGES }).reasons.map((r) => r.text)).toEqual([
      "La sottoscrizione non si rinnoverà perché il rinnovo automatico è disattivato, quindi scade alla fine del termine corrente (ultimo giorno: 2023-03-14): non c'è un termine successivo di cui cambiare la frequenza di fatturazione.",
      "La sottoscrizione ha già la fatturazione annuale: non c'è nulla da cambiare.",
    ]);
    const plan = billingFrequencyDecision({
      term: 'P3Y',
      purchasedAt: '2022-03-01',
      billingFrequency: 'monthly',
      offered: ['triennial'],
    });
    expect(explain(plan).reasons.map((r) => r.text)).toEqual([
      'Monthly billing is not available for a 3-year term: the policy allows annual or triennial billing.',
      'The catalog does not offer monthly billing for this product: it offers triennial billing.',
    ]);
    expect(explain(plan, { locale: IT_MESSAGES }).reasons.map((r) => r.text)).toEqual([
      'La fatturazione mensile non è disponibile per una durata di tre anni: è consentita la fatturazione annuale o triennale.',
      'Il catalogo non offre la fatturazione mensile per questo prodotto: offre la fatturazione triennale.',
    ]);
  });

  it('explains every cause of will_not_renew', () => {
    const texts = (['cancelled', 'expired', 'legacy_purchase', 'future'] as const).map((cause) => [
      explainReason({ code: 'will_not_renew', cause: cause as 'expired', lastDay: '2022-10-13' })
        .text,
      explainReason({ code: 'will_not_renew', cause: cause as 'expired' }, { locale: IT_MESSAGES })
        .text,
    ]);
    expect(texts).toEqual([
      [
        'The subscription will not renew because it was cancelled: there is no next term whose billing frequency could change.',
        "La sottoscrizione non si rinnoverà perché è stata annullata: non c'è un termine successivo di cui cambiare la frequenza di fatturazione.",
      ],
      [
        'The subscription will not renew because it has expired: there is no next term whose billing frequency could change.',
        "La sottoscrizione non si rinnoverà perché è scaduta: non c'è un termine successivo di cui cambiare la frequenza di fatturazione.",
      ],
      [
        'The subscription will not renew because it was bought before 2021-10-14 and expires on the end date set at purchase (its last day is 2022-10-13): there is no next term whose billing frequency could change.',
        "La sottoscrizione non si rinnoverà perché è stata acquistata prima del 2021-10-14 e scade alla data indicata al momento dell'acquisto: non c'è un termine successivo di cui cambiare la frequenza di fatturazione.",
      ],
      [
        'The subscription will not renew because of "future": there is no next term whose billing frequency could change.',
        'La sottoscrizione non si rinnoverà perché per il motivo "future": non c\'è un termine successivo di cui cambiare la frequenza di fatturazione.',
      ],
    ]);
  });

  it('explains activation, Azure Hybrid Benefit and MAK plan warnings', () => {
    const kms = activationMethodFor('csp', { requested: 'kms' });
    expect(explain(kms).reasons[0]?.text).toBe(
      'KMS activation is not available through the Cloud Solution Provider (CSP) program, not even on request: use a MAK (multiple activation key).',
    );
    expect(explain(kms, { locale: IT_MESSAGES }).reasons[0]?.text).toBe(
      "L'attivazione KMS non è disponibile tramite il programma Cloud Solution Provider (CSP), nemmeno su richiesta: usare un codice MAK (chiave di attivazione multipla).",
    );
    const vl = {
      code: 'method_not_available',
      channel: 'volume_licensing',
      requested: 'mak',
      available: ['kms'],
    } as const;
    expect(explainReason(vl).text).toBe(
      'MAK activation is not available through volume licensing (VL): use KMS (Key Management Service).',
    );
    expect(explainReason({ ...vl, available: [] }, { locale: IT_MESSAGES }).text).toBe(
      "L'attivazione MAK non è disponibile tramite i contratti multilicenza (VL): non è offerto alcun metodo.",
    );
    expect(explainReason({ code: 'edition_not_eligible', edition: 'Essentials' }).text).toBe(
      'The edition "Essentials" does not qualify for Azure Hybrid Benefit: only Windows Server Datacenter and Standard licenses do.',
    );
    expect(
      explainReason({ code: 'software_assurance_required' }, { locale: IT_MESSAGES }).text,
    ).toBe(
      'Il Vantaggio Azure Hybrid richiede licenze Windows Server con Software Assurance attiva (o licenze in sottoscrizione idonee).',
    );

    const plan = planMakMigration(
      [
        { id: 'old', lastRenewalAt: '2023-01-01' },
        { id: 'a', lastRenewalAt: '2024-01-01' },
        { id: 'b', lastRenewalAt: '2024-01-01' },
        { id: 'c', lastRenewalAt: '2024-01-01' },
        { id: 'x' },
      ],
      { asOf: '2024-06-28T12:00:00Z', capacityPerDay: 1, makActivationLimit: 4 },
    );
    expect(plan.warnings.map((w) => explainReason(w).text)).toEqual([
      '5 devices need a MAK, but it has only 4 activations left: 1 short.',
      '1 device already lost its KMS activation before the plan starts: no schedule can avoid the downtime; activate it with the MAK as soon as possible.',
      'At 1 MAK activation a day, 2 devices will lose their KMS activation before getting the MAK.',
      '1 device has neither a KMS renewal nor a MAK activation on record: check it by hand.',
    ]);
    expect(plan.warnings.map((w) => explainReason(w, { locale: IT_MESSAGES }).text)).toEqual([
      '5 dispositivi richiedono il codice MAK, ma restano solo 4 attivazioni: ne manca 1.',
      "1 dispositivo ha già perso l'attivazione KMS prima dell'inizio del piano: nessuna pianificazione può evitare il fermo; attivarlo con il codice MAK il prima possibile.",
      "Con 1 attivazione MAK al giorno, 2 dispositivi perderanno l'attivazione KMS prima di ricevere il codice MAK.",
      "Per 1 dispositivo non risulta né un rinnovo KMS né un'attivazione MAK: verificarlo manualmente.",
    ]);
    const many = [
      { code: 'mak_activation_limit_exceeded', needed: 1, limit: 1, excess: 0 },
      { code: 'already_lapsed', devices: 2 },
      { code: 'unknown_activation_state', devices: 3 },
    ] as const;
    expect(many.map((w) => explainReason(w).text)).toEqual([
      '1 device needs a MAK, but it has only 1 activation left: 0 short.',
      '2 devices already lost their KMS activation before the plan starts: no schedule can avoid the downtime; activate them with the MAK as soon as possible.',
      '3 devices have neither a KMS renewal nor a MAK activation on record: check them by hand.',
    ]);
    expect(many.map((w) => explainReason(w, { locale: IT_MESSAGES }).text)).toEqual([
      '1 dispositivo richiede il codice MAK, ma resta solo 1 attivazione: ne mancano 0.',
      "2 dispositivi hanno già perso l'attivazione KMS prima dell'inizio del piano: nessuna pianificazione può evitare il fermo; attivarli con il codice MAK il prima possibile.",
      "Per 3 dispositivi non risulta né un rinnovo KMS né un'attivazione MAK: verificarli manualmente.",
    ]);
  });

  it('names markets in each language', () => {
    const cn = azureReservationAvailability('cn');
    expect(explain(cn).reasons[0]?.text).toBe(
      'Azure reservations are not available in China (CN).',
    );
    expect(explain(cn, { locale: IT_MESSAGES }).reasons[0]?.text).toBe(
      'Le prenotazioni di Azure non sono disponibili nel mercato Cina (CN).',
    );
    const it = taxInclusivePricing('IT');
    expect(explain(it).reasons[0]?.text).toBe('Commercial prices in Italy (IT) exclude tax.');
    expect(explain(it, { locale: IT_MESSAGES }).reasons[0]?.text).toBe(
      'Nel mercato Italia (IT) i prezzi commerciali escludono le imposte.',
    );
    expect(explain(taxInclusivePricing('BR')).summary).toBe('Allowed.');
    // A code the markets table does not know is quoted, never an error.
    expect(explainReason({ code: 'prices_exclude_tax', market: 'QQ' as never }).text).toBe(
      'Commercial prices in "QQ" exclude tax.',
    );
  });
});

describe('codes this version does not know', () => {
  it('gives a generic sentence naming the code, in the summary too', () => {
    const d = {
      allowed: false,
      reasons: [{ code: 'quota_exceeded', limit: 3 }, { code: 'expired' }],
    };
    expect(explain(d)).toEqual({
      allowed: false,
      summary: 'Not allowed: reason "quota_exceeded"; the subscription has expired.',
      reasons: [
        {
          code: 'quota_exceeded',
          text: 'Reason "quota_exceeded", which this version of csp-software-rules does not know (it may come from a newer version).',
          known: false,
        },
        {
          code: 'expired',
          text: 'The subscription has expired: there is nothing left to cancel or renew.',
          known: true,
        },
      ],
      disagreements: [],
    });
    expect(explain(d, { locale: IT_MESSAGES }).summary).toBe(
      'Non consentito: motivo "quota_exceeded"; la sottoscrizione è scaduta.',
    );
    expect(explain(d, { locale: IT_MESSAGES }).reasons[0]?.text).toBe(
      'Motivo "quota_exceeded", che questa versione di csp-software-rules non conosce (potrebbe provenire da una versione più recente).',
    );
  });

  it('never takes a prototype key for a code', () => {
    for (const code of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      expect(isReasonCode(code)).toBe(false);
      expect(explainReason({ code }).known).toBe(false);
    }
    expect(isReasonCode(42)).toBe(false);
    expect(CODES.every(isReasonCode)).toBe(true);
  });

  it('quotes a long or odd code safely', () => {
    const code = `${'x'.repeat(70)}\n\u0007`;
    expect(explainReason({ code }).text).toBe(
      `Reason "${'x'.repeat(60)}…", which this version of csp-software-rules does not know (it may come from a newer version).`,
    );
    expect(explainReason({ code: 'a\tb' }).text.startsWith('Reason "a b"')).toBe(true);
  });

  it('lists a brief once in the summary even when the code repeats', () => {
    const d = {
      reasons: [
        { code: 'unknown_value', field: 'subscription.term', raw: 'P2Y' },
        { code: 'unknown_value', field: 'subscription.status', raw: 'paused' },
        { code: 'new_code' },
        { code: 'new_code' },
      ],
    };
    expect(explain(d).summary).toBe(
      'Not allowed: Partner Center sent a value this version does not know; reason "new_code".',
    );
    expect(explain(d).reasons).toHaveLength(4);
  });
});

describe('robustness', () => {
  it('explains a decision read back from JSON exactly as the original', () => {
    const d = evaluateCancellation(sub, { asOf: '2022-04-01T00:00:00Z', roles: [] });
    const copy = JSON.parse(JSON.stringify(d)) as typeof d;
    for (const locale of LOCALES) {
      expect(explain(copy, { locale })).toEqual(explain(d, { locale }));
    }
  });

  it('shows milliseconds only when an instant has some', () => {
    expect(
      explainReason({ code: 'window_closed', closedAt: new Date('2022-03-22T10:00:00.250Z') }).text,
    ).toBe(
      'The cancellation window closed at 2022-03-22T10:00:00.250Z: the purchase can no longer be cancelled.',
    );
    expect(
      explainReason({ code: 'not_yet_open', opensAt: '2022-03-22T12:00:00+02:00' as never }).text,
    ).toBe('The cancellation window has not opened yet: it opens at 2022-03-22T10:00:00Z.');
  });

  it('drops unusable data instead of printing it', () => {
    const cases: [object, string, string][] = [
      [
        { code: 'window_closed', closedAt: 'soon' },
        'The cancellation window has closed: the purchase can no longer be cancelled.',
        "La finestra di annullamento è chiusa: l'acquisto non può più essere annullato.",
      ],
      [
        { code: 'not_yet_open', opensAt: new Date(Number.NaN) },
        'The cancellation window has not opened yet.',
        'La finestra di annullamento non è ancora aperta.',
      ],
      [
        { code: 'already_cancelled', status: 7 },
        'The purchase is already cancelled.',
        "L'acquisto è già stato annullato.",
      ],
      [
        { code: 'non_cancellable_publisher', publisher: 'SUSE', matched: 'SUSE' },
        'SUSE software plans can never be cancelled or exchanged.',
        'I piani software SUSE non possono essere annullati o scambiati.',
      ],
      [
        { code: 'missing_role', action: 'refund', requiredRoles: ['AdminAgent', 'RoboAdmin'] },
        'To do "refund", the user needs one of the roles Admin agent or "RoboAdmin", and none of the user\'s roles grants it.',
        'Per eseguire "refund" serve uno dei ruoli agente di amministrazione (Admin agent) o "RoboAdmin", e nessuno dei ruoli dell\'utente lo concede.',
      ],
      [
        { code: 'unknown_value', field: 3, raw: { a: 1 } },
        'Partner Center sent (unknown) in (unknown), a value this version of the rules does not know: they refuse rather than guess.',
        'Il Centro per i partner ha inviato (sconosciuto) in (sconosciuto), un valore che questa versione delle regole non conosce: le regole rifiutano invece di tirare a indovinare.',
      ],
      [
        { code: 'frequency_not_eligible', billingFrequency: 'weekly', term: 'P2Y', eligible: 'x' },
        'The billing frequency "weekly" is not available for the term "P2Y": no billing plan is allowed.',
        'La fatturazione "weekly" non è disponibile per la durata "P2Y": non è consentito alcun piano di fatturazione.',
      ],
      [
        { code: 'not_offered_in_catalog', billingFrequency: 'monthly', offered: [] },
        'The catalog does not offer monthly billing for this product: it offers none.',
        'Il catalogo non offre la fatturazione mensile per questo prodotto: non ne offre alcuno.',
      ],
      [
        { code: 'same_as_current', billingFrequency: 'weekly' },
        'The subscription already has "weekly" billing: there is nothing to change.',
        'La sottoscrizione ha già la fatturazione "weekly": non c\'è nulla da cambiare.',
      ],
      [
        {
          code: 'method_not_available',
          channel: 'retail',
          requested: 'kms',
          available: ['mak', 'oem'],
        },
        'KMS activation is not available through the channel "retail": use a MAK (multiple activation key) or "oem".',
        'L\'attivazione KMS non è disponibile tramite il canale "retail": usare un codice MAK (chiave di attivazione multipla) o "oem".',
      ],
      [
        { code: 'capacity_insufficient', devices: -1, capacityPerDay: 1.5 },
        'At (unknown) MAK activations a day, (unknown) devices will lose their KMS activation before getting the MAK.',
        "Con (sconosciuto) attivazioni MAK al giorno, (sconosciuto) dispositivi perderanno l'attivazione KMS prima di ricevere il codice MAK.",
      ],
      [
        { code: 'reservations_not_sold_in_market', market: 12 },
        'Azure reservations are not available in (unknown).',
        'Le prenotazioni di Azure non sono disponibili nel mercato (sconosciuto).',
      ],
    ];
    for (const [reason, en, it] of cases) {
      expect(explainReason(reason as never).text).toBe(en);
      expect(explainReason(reason as never, { locale: IT_MESSAGES }).text).toBe(it);
    }
  });

  it('never throws, and never prints undefined or [object ...], whatever the data of a known code', () => {
    const data = fc.dictionary(
      fc.constantFrom(
        'action',
        'requiredRoles',
        'field',
        'raw',
        'status',
        'purchasedOn',
        'opensAt',
        'closedAt',
        'publisher',
        'matched',
        'billingFrequency',
        'term',
        'eligible',
        'offered',
        'cause',
        'lastDay',
        'channel',
        'requested',
        'available',
        'edition',
        'needed',
        'limit',
        'excess',
        'devices',
        'capacityPerDay',
        'market',
      ),
      fc.oneof(
        fc.anything(),
        fc.date({ noInvalidDate: false }),
        fc.constantFrom('2022-03-01', '2022-03-01T10:00:00Z', 'CN', 'csp', 'kms', 'AdminAgent'),
        fc.array(fc.oneof(fc.string(), fc.constantFrom('AdminAgent', 'monthly', 'mak'))),
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...CODES),
        data,
        fc.constantFrom(...LOCALES),
        (code, d, locale) => {
          const { text, known } = explainReason({ ...d, code } as never, { locale });
          expect(known).toBe(true);
          expect(text.length).toBeGreaterThan(10);
          expect(text).not.toMatch(/undefined|\[object /);
        },
      ),
    );
  });

  it('rejects what is not a decision or a reason, and unknown locales', () => {
    expectRuleError(() => explain(null as never), 'invalid_input', 'decision');
    expectRuleError(() => explain({ allowed: true } as never), 'invalid_input', 'decision.reasons');
    expectRuleError(
      () => explain({ reasons: ['window_closed'] } as never),
      'invalid_input',
      'decision.reasons[0]',
    );
    expectRuleError(
      () => explain({ reasons: [{ code: 'expired' }, { code: 3 }] } as never),
      'invalid_input',
      'decision.reasons[1].code',
    );
    expectRuleError(() => explainReason([] as never), 'invalid_input', 'reason');
    expectRuleError(() => explainReason({} as never), 'invalid_input', 'reason.code');
    expectRuleError(
      () => explain({ reasons: [] }, { locale: 'fr' as never }),
      'invalid_option',
      'options.locale',
    );
    expectRuleError(
      () => explainReason({ code: 'expired' }, 'it' as never),
      'invalid_input',
      'options',
    );
  });

  it('writes with any message table passed as the locale, checking its shape first', () => {
    const d = authorize('cancel', ['Sales agent']);
    // English by name, by table, or by default: the same text.
    expect(explain(d, { locale: EN_MESSAGES })).toEqual(explain(d));
    expect(explain(d, { locale: 'en' })).toEqual(explain(d));
    // A caller's own table (here: English with another summary) is used as given.
    const mine = { ...EN_MESSAGES, locale: 'en-x-terse', notAllowed: () => 'No.' };
    expect(explain(d, { locale: mine }).summary).toBe('No.');
    expect(explain(authorize('cancel', ['Admin agent']), { locale: mine }).summary).toBe(
      'Allowed.',
    );
    // A code the table lacks gets the table's generic sentence, not an error.
    const { missing_role: _dropped, ...reasons } = EN_MESSAGES.reasons;
    const partial = { ...EN_MESSAGES, reasons } as never;
    expect(explain(d, { locale: partial }).reasons[0]?.known).toBe(false);
    for (const bad of [
      null,
      [],
      { ...EN_MESSAGES, allowed: 1 },
      { ...EN_MESSAGES, notAllowed: 'No.' },
      { ...EN_MESSAGES, unknownBrief: undefined },
      { ...EN_MESSAGES, unknownText: {} },
      { ...EN_MESSAGES, reasons: null },
      { ...EN_MESSAGES, reasons: 'all' },
    ]) {
      expectRuleError(
        () => explain(d, { locale: bad as never }),
        'invalid_option',
        'options.locale',
      );
    }
  });
});

describe('message tables', () => {
  it('has the same codes in every locale, each with a brief and a sentence', () => {
    for (const locale of LOCALES) {
      const table = locale;
      expect(['en', 'it']).toContain(table.locale);
      expect(Object.keys(table.reasons).sort()).toEqual([...CODES].sort());
      for (const code of CODES) {
        const brief = table.reasons[code].brief;
        expect(brief.length, `${locale.locale} ${code}`).toBeGreaterThan(10);
        expect(brief, `${locale.locale} ${code} brief is a clause`).not.toMatch(/\.$/);
      }
    }
    expect(LOCALES.map((l) => l.locale)).toEqual(['en', 'it']);
  });

  it('a table without a code does not compile', () => {
    const { missing_role: _dropped, ...rest } = EN_MESSAGES.reasons;
    // @ts-expect-error -- every ReasonCode needs a message
    const incomplete: ReasonMessages = rest;
    expect(Object.keys(incomplete)).not.toContain('missing_role');
  });

  it('does not translate the same sentence twice: Italian differs from English', () => {
    for (const code of CODES) {
      expect(IT_MESSAGES.reasons[code].brief, code).not.toBe(EN_MESSAGES.reasons[code].brief);
    }
  });
});

describe('time zones', () => {
  it('the process really changes zone', () => {
    expect(localOffsetsDiffer()).toBe(true);
  });

  it('gives the same text in every process time zone', () => {
    const d = evaluateCancellation(
      { ...sub, purchasedAt: '2022-03-15T23:30:00-03:30' },
      { asOf: '2022-03-30T23:59:59Z', roles: ['Sales agent'] },
    );
    const change = billingFrequencyChange({ ...sub, autoRenew: false }, 'monthly', {
      asOf: '2022-12-31T23:30:00Z',
    });
    expectSameInEveryTimeZone(() =>
      LOCALES.flatMap((locale) => [
        explain(d, { locale }),
        explain(change, { locale }),
        explainReason({ code: 'not_on_subscriptions_page', purchasedOn: '2021-10-13' }, { locale }),
        explainReason(
          {
            code: 'will_not_renew',
            cause: 'auto_renew_off',
            lastDay: new Date(Date.UTC(2023, 0, 1, 23, 59)) as never,
          },
          { locale },
        ),
      ]),
    );
    const texts = JSON.stringify(explain(d));
    expect(texts).not.toMatch(BAD_OUTPUT);
    expect(texts).toContain('2022-03-23T03:00:00Z');
  });
});

describe('formatting helpers', () => {
  it('formats money with core formatMoney and the currency code', () => {
    expect(formatAmount({ currency: 'EUR', minor: 9420 })).toBe('94.20 EUR');
    expect(formatAmount({ currency: 'JPY', minor: 1500 })).toBe('1500 JPY');
    expect(formatAmount({ currency: 'KWD', minor: 1250 })).toBe('1.250 KWD');
    expect(formatAmount({ currency: 'XYZ', minor: 1 })).toBeUndefined();
    expect(formatAmount({ currency: 'EUR', minor: 1.5 })).toBeUndefined();
    expect(formatAmount('94.20')).toBeUndefined();
    expect(formatAmount(null)).toBeUndefined();
  });

  it('formats days and instants in UTC', () => {
    expect(formatDay('2021-10-14T01:00:00+02:00')).toBe('2021-10-13');
    expect(formatDay(new Date(Date.UTC(2024, 1, 29, 23, 59)))).toBe('2024-02-29');
    expect(formatDay('2021-02-30')).toBeUndefined();
    expect(formatDay(20211014)).toBeUndefined();
    expect(formatInstant('2021-10-14')).toBe('2021-10-14T00:00:00Z');
    expect(formatInstant('2021-10-15T21:28:19.3058617Z')).toBe('2021-10-15T21:28:19.305Z');
    expect(formatInstant('2021-10-14T10:00')).toBeUndefined();
  });

  it('counts only whole non-negative numbers', () => {
    expect([0, 7, -1, 1.5, Number.NaN, '3'].map(formatCount)).toEqual([
      '0',
      '7',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('agrees in number for one device and one activation a day', () => {
    const one = { code: 'capacity_insufficient', devices: 1, capacityPerDay: 2 } as const;
    expect(explainReason(one).text).toBe(
      'At 2 MAK activations a day, 1 device will lose its KMS activation before getting the MAK.',
    );
    expect(explainReason(one, { locale: IT_MESSAGES }).text).toBe(
      "Con 2 attivazioni MAK al giorno, 1 dispositivo perderà l'attivazione KMS prima di ricevere il codice MAK.",
    );
  });
});
