/**
 * Italian messages for every reason code, in the terms of the Italian
 * Microsoft Learn page and Partner Center ("Centro per i partner"). A locale
 * of its own subpath, as date-fns ships its locales: pass it to `explain` as
 * `{ locale: IT_MESSAGES }`; code that writes only English never loads it.
 *
 * @packageDocumentation
 * @module explain/it
 */
import { ROLE_DISPLAY_NAMES } from '../../access/index.js';
import { frozen } from '../../core/internal.js';
import { marketName } from '../../markets/index.js';
import {
  factField,
  formatCount,
  formatDates,
  formatDay,
  formatFact,
  formatInstant,
  formatSignedAmount,
  formatToken,
  items,
  joinList,
  lookup,
  quote,
} from '../format.js';
import type { LocaleMessages } from '../types.js';

const UNKNOWN = '(sconosciuto)';

// I dati del Centro per i partner, come li nomina una discordanza.
const FACTS: Readonly<Record<string, string>> = {
  autoRenew: 'il rinnovo automatico (autoRenewEnabled)',
  status: 'lo stato',
  commitmentEndDate: 'la fine del periodo (commitmentEndDate)',
  cancellationAllowedUntil: "la scadenza per l'annullamento (cancellationAllowedUntilDate)",
  refundOptions: 'il livello di rimborso (refundOptions)',
};

/** Partner Center's Italian role names; the English display name follows in parentheses. */
const ROLES: Readonly<Record<string, string>> = {
  AdminAgent: 'agente di amministrazione',
  SalesAgent: 'agente di vendita',
  HelpdeskAgent: 'agente del supporto tecnico',
  GlobalAdmin: 'amministratore globale',
  AccountAdmin: 'amministratore account',
  BillingAdmin: 'amministratore della fatturazione',
  ReferralAdmin: 'amministratore di segnalazioni',
  MarketingContentAdmin: 'amministratore del contenuto marketing',
};

const ACTIONS: Readonly<Record<string, string>> = {
  purchase: 'acquistare software per conto di un cliente',
  getKeysAndDownloads: 'ottenere le chiavi e i collegamenti di download',
  cancel: 'annullare un acquisto',
  toggleAutoRenew: 'attivare o disattivare il rinnovo automatico',
  setBillingFrequency: 'impostare la frequenza di fatturazione',
  viewActivityLog: 'visualizzare il log attività di accesso alle chiavi e di download',
};

const FREQUENCIES: Readonly<Record<string, string>> = {
  monthly: 'mensile',
  annual: 'annuale',
  triennial: 'triennale',
};

const TERMS: Readonly<Record<string, string>> = {
  P1M: 'una durata di un mese',
  P1Y: 'una durata di un anno',
  P3Y: 'una durata di tre anni',
};

const CHANNELS: Readonly<Record<string, string>> = {
  csp: 'il programma Cloud Solution Provider (CSP)',
  volume_licensing: 'i contratti multilicenza (VL)',
};

const METHODS: Readonly<Record<string, string>> = {
  kms: 'KMS',
  mak: 'MAK',
};

const USE_METHODS: Readonly<Record<string, string>> = {
  kms: 'il Servizio di gestione delle chiavi (KMS)',
  mak: 'un codice MAK (chiave di attivazione multipla)',
};

const PUBLISHERS: Readonly<Record<string, string>> = {
  'Red Hat': 'Red Hat',
  SUSE: 'SUSE',
};

const or = (parts: readonly string[]): string => joinList(parts, 'o');
const text = (value: unknown): string => quote(value) ?? UNKNOWN;
const token = (value: unknown): string => formatToken(value) ?? UNKNOWN;
function role(value: unknown): string {
  const name = lookup(ROLES, value);
  const english = lookup(ROLE_DISPLAY_NAMES, value);
  return name === undefined || english === undefined ? text(value) : `${name} (${english})`;
}
const frequency = (value: unknown): string => lookup(FREQUENCIES, value) ?? text(value);
const frequencies = (value: unknown): string => or(items(value).map(frequency));
const method = (value: unknown): string => lookup(METHODS, value) ?? text(value);
const count = (value: unknown): string => formatCount(value) ?? UNKNOWN;
const devices = (value: unknown): string =>
  value === 1 ? '1 dispositivo' : `${count(value)} dispositivi`;
const activations = (value: unknown): string =>
  value === 1 ? '1 attivazione' : `${count(value)} attivazioni`;

function market(value: unknown): string {
  if (typeof value !== 'string') return UNKNOWN;
  try {
    const name = marketName(value, 'it');
    return name === value ? name : `${name} (${value})`;
  } catch {
    return text(value);
  }
}

/**
 * Italian: the summary words and the message of every reason code, with
 * the Italian page's terms ("finestra di annullamento", "rinnovo automatico",
 * "agente di amministrazione", "codice MAK", "Centro per i partner").
 *
 * @example
 * ```ts
 * import { authorize } from 'csp-software-rules/access';
 * import { explain } from 'csp-software-rules/explain';
 * import { IT_MESSAGES } from 'csp-software-rules/explain/it';
 *
 * explain(authorize('cancel', ['Sales agent']), { locale: IT_MESSAGES }).summary; // => "Non consentito: all'utente manca il ruolo necessario."
 * IT_MESSAGES.reasons.window_closed.brief; // => 'la finestra di annullamento è chiusa'
 * IT_MESSAGES.reasons.missing_role.text({ code: 'missing_role', action: 'cancel', requiredRoles: ['AdminAgent'] }); // => "Per annullare un acquisto serve il ruolo agente di amministrazione (Admin agent), che nessuno dei ruoli dell'utente concede."
 * ```
 * @category Explain
 */
export const IT_MESSAGES: LocaleMessages = /* @__PURE__ */ frozen({
  locale: 'it',
  disagreement: (d) => {
    const field = factField(d);
    const label = (field === undefined ? undefined : lookup(FACTS, field)) ?? text(field);
    const pc = formatFact(d.partnerCenter, 'attivo', 'disattivato') ?? UNKNOWN;
    const forecast = formatFact(d.forecast, 'attivo', 'disattivato') ?? UNKNOWN;
    return `Per il Centro per i partner ${label} è ${pc}, le regole pubblicate danno ${forecast}: la decisione usa il valore del Centro per i partner.`;
  },
  allowed: 'Consentito.',
  notAllowed: (briefs) => `Non consentito: ${briefs.join('; ')}.`,
  unknownBrief: (code) => `motivo ${text(code)}`,
  unknownText: (code) =>
    `Motivo ${text(code)}, che questa versione di csp-software-rules non conosce (potrebbe provenire da una versione più recente).`,
  reasons: {
    // access
    missing_role: {
      brief: "all'utente manca il ruolo necessario",
      text: (r) => {
        const action = lookup(ACTIONS, r.action) ?? `eseguire ${text(r.action)}`;
        const roles = items(r.requiredRoles).map(role);
        if (roles.length === 0) {
          return `Nessun ruolo può ${action} secondo la tabella dei permessi in vigore.`;
        }
        return roles.length === 1
          ? `Per ${action} serve il ruolo ${roles[0]}, che nessuno dei ruoli dell'utente concede.`
          : `Per ${action} serve uno dei ruoli ${or(roles)}, e nessuno dei ruoli dell'utente lo concede.`;
      },
    },

    // lifecycle, billing, cancellation
    unknown_value: {
      brief: 'il Centro per i partner ha inviato un valore che questa versione non conosce',
      text: (r) =>
        `Il Centro per i partner ha inviato ${text(r.raw)} in ${typeof r.field === 'string' ? r.field : UNKNOWN}, un valore che questa versione delle regole non conosce: le regole rifiutano invece di tirare a indovinare.`,
    },
    already_cancelled: {
      brief: "l'acquisto è già stato annullato",
      text: (r) => {
        const status = 'status' in r ? quote(r.status) : undefined;
        return status === undefined
          ? "L'acquisto è già stato annullato."
          : `L'acquisto è già stato annullato (stato ${status}).`;
      },
    },
    expired: {
      brief: 'la sottoscrizione è scaduta',
      text: () => "La sottoscrizione è scaduta: non c'è più nulla da annullare o rinnovare.",
    },
    not_on_subscriptions_page: {
      brief:
        'la sottoscrizione è stata acquistata prima del 2021-10-14 e non compare nella pagina Sottoscrizioni, dove si attiva o disattiva il rinnovo automatico',
      text: (r) =>
        `La sottoscrizione è stata acquistata il ${formatDay(r.purchasedOn) ?? UNKNOWN}, prima del 2021-10-14: le sottoscrizioni acquistate prima di quel giorno non compaiono nella pagina Sottoscrizioni del cliente, dove si attiva o disattiva il rinnovo automatico.`,
    },

    // cancellation
    not_started: {
      brief: 'non era ancora stato acquistato',
      text: (r) => {
        const at = formatInstant(r.purchasedAt);
        return at === undefined
          ? "Quell'istante precede l'acquisto: non era ancora stato acquistato nulla."
          : `Quell'istante precede l'acquisto, avvenuto il ${at}: non era ancora stato acquistato nulla.`;
      },
    },
    not_yet_open: {
      brief: 'la finestra di annullamento non è ancora aperta',
      text: (r) => {
        const at = formatInstant(r.opensAt);
        return at === undefined
          ? 'La finestra di annullamento non è ancora aperta.'
          : `La finestra di annullamento non è ancora aperta: si apre il ${at}.`;
      },
    },
    window_closed: {
      brief: 'la finestra di annullamento è chiusa',
      text: (r) => {
        const at = formatInstant(r.closedAt);
        return at === undefined
          ? "La finestra di annullamento è chiusa: l'acquisto non può più essere annullato."
          : `La finestra di annullamento si è chiusa il ${at}: l'acquisto non può più essere annullato.`;
      },
    },
    non_cancellable_publisher: {
      brief: 'i piani software Red Hat e SUSE non possono mai essere annullati',
      text: (r) => {
        const matched = lookup(PUBLISHERS, r.matched) ?? text(r.matched);
        const given = quote(r.publisher);
        const as = given === undefined || r.publisher === r.matched ? '' : ` (editore ${given})`;
        return `I piani software ${matched} non possono essere annullati o scambiati${as}.`;
      },
    },
    not_a_reduction: {
      brief: 'la quantità richiesta non è inferiore a quella attuale',
      text: (r) =>
        `La quantità richiesta (${formatCount(r.requested) ?? UNKNOWN}) non è inferiore a quella della sottoscrizione (${formatCount(r.current) ?? UNKNOWN}): non è una riduzione di licenze.`,
    },
    seat_reduction_not_allowed: {
      brief: 'le licenze di una sottoscrizione software non si riducono durante il periodo',
      text: () =>
        'Il Centro per i partner non riduce la quantità di una sottoscrizione software durante il suo periodo: pianifica la quantità inferiore per il prossimo periodo.',
    },
    seats_not_reducible: {
      brief: 'si possono ancora togliere meno licenze di quelle richieste',
      text: (r) =>
        `La richiesta toglie ${formatCount(r.requested) ?? UNKNOWN} licenze, ma solo ${formatCount(r.reducible) ?? UNKNOWN} sono ancora entro la scadenza per la riduzione.`,
    },

    // riconciliazione: eventi rifiutati di una cronologia
    quantity_unchanged: {
      brief: 'la quantità impostata è quella attuale',
      text: (r) =>
        `L'evento imposta la quantità a ${count(r.quantity)}, che è già quella attuale: non si fattura nulla.`,
    },
    cycle_longer_than_term: {
      brief: 'il ciclo del piano di fatturazione è più lungo del periodo',
      text: (r) =>
        `Un piano di fatturazione ${frequency(r.billingFrequency)} non sta in ${lookup(TERMS, r.term) ?? text(r.term)}.`,
    },
    not_a_renewal: {
      brief: 'il rinnovo non indica un nuovo periodo',
      text: (r) =>
        `Il rinnovo cade nel periodo ${count(r.termIndex)}: quello iniziale, o un periodo già rinnovato da un altro evento.`,
    },
    event_not_applicable: {
      brief: "l'acquisto non ha questo evento",
      text: (r) =>
        `Un evento ${text(r.eventType)} non si applica a ${r.kind === 'perpetual' ? 'un software perpetuo' : 'una sottoscrizione'}.`,
    },
    before_purchase: {
      brief: "l'evento è anteriore all'acquisto",
      text: (r) =>
        `L'evento è datato prima dell'acquisto (${formatInstant(r.purchasedAt) ?? UNKNOWN}).`,
    },
    subscription_ended: {
      brief: 'la sottoscrizione era terminata',
      text: (r) =>
        `La sottoscrizione ${r.cause === 'cancelled' ? 'è stata annullata' : 'è scaduta'} il ${formatDay(r.endedOn) ?? UNKNOWN}: dopo non si fattura nulla.`,
    },

    // riconciliazione: rilievi
    missing_charge: {
      brief: 'un addebito atteso non è stato fatturato',
      text: (r) =>
        `Riga attesa e non fatturata: ${token(r.chargeType)} ${formatDates(r.dates) ?? UNKNOWN}, ${count(r.quantity)} licenze, ${formatSignedAmount(r.expected) ?? UNKNOWN}.`,
    },
    refund_missing: {
      brief: 'un rimborso atteso non è arrivato',
      text: (r) =>
        `Rimborso atteso e non fatturato: ${token(r.chargeType)} ${formatDates(r.dates) ?? UNKNOWN}, ${count(r.quantity)} licenze, ${formatSignedAmount(r.expected) ?? UNKNOWN}.`,
    },
    unexpected_charge: {
      brief: 'un addebito che nessun evento spiega',
      text: (r) =>
        `La riga ${count(r.line)} addebita ${formatSignedAmount(r.billed) ?? UNKNOWN} (${token(r.chargeType)} ${formatDates(r.dates) ?? UNKNOWN}), che nessun evento della sottoscrizione spiega.`,
    },
    refund_not_due: {
      brief: 'un rimborso che nessun evento spiega',
      text: (r) =>
        `La riga ${count(r.line)} accredita ${formatSignedAmount(r.billed) ?? UNKNOWN} (${token(r.chargeType)} ${formatDates(r.dates) ?? UNKNOWN}), che nessun evento della sottoscrizione spiega.`,
    },
    billed_after_cancellation: {
      brief: "fatturato dopo l'annullamento",
      text: (r) =>
        `La riga ${count(r.line)} addebita ${formatSignedAmount(r.billed) ?? UNKNOWN} dal ${formatDates(r.dates) ?? UNKNOWN}, dopo l'annullamento del ${formatDay(r.cancelledOn) ?? UNKNOWN}.`,
    },
    duplicate_line: {
      brief: 'una riga fatturata due volte',
      text: (r) =>
        `La riga ${count(r.line)} ripete la riga ${count(r.duplicateOf)} (${formatSignedAmount(r.billed) ?? UNKNOWN}).`,
    },
    amount_differs: {
      brief: "l'importo non è quello delle regole",
      text: (r) =>
        `La riga ${count(r.line)} fattura ${formatSignedAmount(r.billed) ?? UNKNOWN} dove le regole danno ${formatSignedAmount(r.expected) ?? UNKNOWN} (differenza ${formatSignedAmount(r.difference) ?? UNKNOWN}).`,
    },
    unit_price_differs: {
      brief: 'il prezzo unitario non è il tuo',
      text: (r) => {
        const e = (r.expected ?? {}) as { unitPrice?: unknown; currency?: unknown };
        const b = (r.billed ?? {}) as { unitPrice?: unknown; currency?: unknown };
        return `La riga ${count(r.line)} ha prezzo ${token(b.unitPrice)} ${token(b.currency)}, non ${token(e.unitPrice)} ${token(e.currency)}: una promozione o un cambio di prezzo (l'importo è verificato con il prezzo fatturato).`;
      },
    },
    quantity_differs: {
      brief: 'la quantità è diversa',
      text: (r) =>
        `La riga ${count(r.line)} fattura ${count(r.billed)} licenze dove ne erano attese ${count(r.expected)}.`,
    },
    dates_differ: {
      brief: "le date dell'addebito sono diverse",
      text: (r) =>
        `La riga ${count(r.line)} ha le date ${formatDates(r.billed) ?? UNKNOWN} dove erano attese ${formatDates(r.expected) ?? UNKNOWN}.`,
    },
    unknown_subscription: {
      brief: 'la sottoscrizione non è nel portafoglio',
      text: (r) =>
        typeof r.portfolioCustomerId === 'string'
          ? `La riga ${count(r.line)} fattura la sottoscrizione ${text(r.subscriptionId)} al cliente ${text(r.customerId)}, ma il portafoglio la ha sotto ${text(r.portfolioCustomerId)}.`
          : `La riga ${count(r.line)} fattura la sottoscrizione ${text(r.subscriptionId)}, che il portafoglio non ha.`,
    },
    not_modelled: {
      brief: 'una riga che questa versione non calcola',
      text: (r) =>
        `${count(r.lines)} riga/righe dalla riga ${count(r.line)} (${token(r.chargeType)}) sono ${r.cause === 'charge_type' ? 'di un tipo di addebito' : 'di un prodotto (consumo, Azure, marketplace)'} che questa versione non calcola: non verificate.`,
    },
    malformed_line: {
      brief: 'una riga non si è potuta leggere',
      text: (r) =>
        `La riga ${count(r.line)} non si è potuta leggere${typeof r.field === 'string' ? ` (${text(r.field)})` : ''}: ${text(r.problem)}.`,
    },

    // billing
    frequency_not_eligible: {
      brief: 'il piano di fatturazione non è disponibile per questa durata',
      text: (r) => {
        const term = lookup(TERMS, r.term) ?? `la durata ${text(r.term)}`;
        const eligible = items(r.eligible);
        const allowed =
          eligible.length === 0
            ? 'non è consentito alcun piano di fatturazione'
            : `è consentita la fatturazione ${frequencies(eligible)}`;
        return `La fatturazione ${frequency(r.billingFrequency)} non è disponibile per ${term}: ${allowed}.`;
      },
    },
    not_offered_in_catalog: {
      brief: 'il catalogo non offre questo piano di fatturazione per il prodotto',
      text: (r) => {
        const offered = items(r.offered);
        const offers =
          offered.length === 0
            ? 'non ne offre alcuno'
            : `offre la fatturazione ${frequencies(offered)}`;
        return `Il catalogo non offre la fatturazione ${frequency(r.billingFrequency)} per questo prodotto: ${offers}.`;
      },
    },
    will_not_renew: {
      brief:
        'la sottoscrizione non si rinnoverà, quindi non ha un termine successivo da modificare',
      text: (r) => {
        const last = formatDay(r.lastDay);
        const lastDay = last === undefined ? '' : ` (ultimo giorno: ${last})`;
        const why =
          r.cause === 'cancelled'
            ? 'è stata annullata'
            : r.cause === 'expired'
              ? 'è scaduta'
              : r.cause === 'legacy_purchase'
                ? `è stata acquistata prima del 2021-10-14 e scade alla data indicata al momento dell'acquisto${lastDay}`
                : r.cause === 'auto_renew_off'
                  ? `il rinnovo automatico è disattivato, quindi scade alla fine del termine corrente${lastDay}`
                  : `per il motivo ${text(r.cause)}`;
        return `La sottoscrizione non si rinnoverà perché ${why}: non c'è un termine successivo di cui cambiare la frequenza di fatturazione.`;
      },
    },
    same_as_current: {
      brief: 'la sottoscrizione ha già questa frequenza di fatturazione',
      text: (r) =>
        `La sottoscrizione ha già la fatturazione ${frequency(r.billingFrequency)}: non c'è nulla da cambiare.`,
    },

    // activation
    method_not_available: {
      brief: 'il canale di vendita non offre questo metodo di attivazione',
      text: (r) => {
        const channel = lookup(CHANNELS, r.channel) ?? `il canale ${text(r.channel)}`;
        const available = items(r.available).map((m) => lookup(USE_METHODS, m) ?? text(m));
        const use =
          available.length === 0 ? 'non è offerto alcun metodo' : `usare ${or(available)}`;
        const kmsInCsp =
          r.channel === 'csp' && r.requested === 'kms' ? ', nemmeno su richiesta' : '';
        return `L'attivazione ${method(r.requested)} non è disponibile tramite ${channel}${kmsInCsp}: ${use}.`;
      },
    },
    edition_not_eligible: {
      brief:
        'solo le licenze Windows Server Datacenter e Standard sono idonee al Vantaggio Azure Hybrid',
      text: (r) =>
        `L'edizione ${text(r.edition)} non è idonea al Vantaggio Azure Hybrid: lo sono solo le licenze Windows Server Datacenter e Standard.`,
    },
    software_assurance_required: {
      brief: 'il Vantaggio Azure Hybrid richiede licenze con Software Assurance attiva',
      text: () =>
        'Il Vantaggio Azure Hybrid richiede licenze Windows Server con Software Assurance attiva (o licenze in sottoscrizione idonee).',
    },
    mak_activation_limit_exceeded: {
      brief: 'i dispositivi che richiedono il codice MAK sono più delle attivazioni rimaste',
      text: (r) =>
        `${devices(r.needed)} ${r.needed === 1 ? 'richiede' : 'richiedono'} il codice MAK, ma ${r.limit === 1 ? 'resta' : 'restano'} solo ${activations(r.limit)}: ${r.excess === 1 ? 'ne manca 1' : `ne mancano ${count(r.excess)}`}.`,
    },
    already_lapsed: {
      brief: "alcuni dispositivi hanno già perso l'attivazione KMS",
      text: (r) =>
        r.devices === 1
          ? "1 dispositivo ha già perso l'attivazione KMS prima dell'inizio del piano: nessuna pianificazione può evitare il fermo; attivarlo con il codice MAK il prima possibile."
          : `${devices(r.devices)} hanno già perso l'attivazione KMS prima dell'inizio del piano: nessuna pianificazione può evitare il fermo; attivarli con il codice MAK il prima possibile.`,
    },
    capacity_insufficient: {
      brief:
        'la capacità giornaliera di attivazione non raggiunge tutti i dispositivi prima che scada la loro attivazione KMS',
      text: (r) =>
        `Con ${count(r.capacityPerDay)} ${r.capacityPerDay === 1 ? 'attivazione MAK' : 'attivazioni MAK'} al giorno, ${devices(r.devices)} ${r.devices === 1 ? 'perderà' : 'perderanno'} l'attivazione KMS prima di ricevere il codice MAK.`,
    },
    unknown_activation_state: {
      brief: "per alcuni dispositivi non risulta né un rinnovo KMS né un'attivazione MAK",
      text: (r) =>
        `Per ${devices(r.devices)} non risulta né un rinnovo KMS né un'attivazione MAK: ${r.devices === 1 ? 'verificarlo' : 'verificarli'} manualmente.`,
    },

    // markets
    reservations_not_sold_in_market: {
      brief: 'le prenotazioni di Azure non sono disponibili in questo mercato',
      text: (r) =>
        `Le prenotazioni di Azure non sono disponibili nel mercato ${market(r.partnerCenterCode ?? r.market)}.`,
    },
    prices_exclude_tax: {
      brief: 'i prezzi commerciali in questo mercato escludono le imposte',
      text: (r) => `Nel mercato ${market(r.market)} i prezzi commerciali escludono le imposte.`,
    },
  },
});
