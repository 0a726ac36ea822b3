// A partner portal tells its users, in English or Italian, why Partner Center
// will refuse an action, before they try it. (csp-software-rules/explain)
import { activationMethodFor, planMakMigration } from 'csp-software-rules/activation';
import { billingFrequencyChange } from 'csp-software-rules/billing';
import { evaluateCancellation } from 'csp-software-rules/cancellation';
import { explain, explainReason } from 'csp-software-rules/explain';
import { IT_MESSAGES } from 'csp-software-rules/explain/it';

// Windows Server subscription bought on March 15, 2022 at 10:00 UTC; a Sales
// agent asks to cancel it on April 1 — too late, and with the wrong role.
const subscription = {
  kind: 'subscription',
  id: 'a1b2c3',
  purchasedAt: '2022-03-15T10:00:00Z',
  term: 'P1Y',
  billingFrequency: 'annual',
  quantity: 5,
  unitPrice: '120.00',
  currency: 'EUR',
} as const;
const cancel = evaluateCancellation(subscription, {
  asOf: '2022-04-01T08:00:00Z',
  roles: ['Sales agent'],
});

// The decision stays machine-readable; the text comes from explain().
cancel.reasons.map((r) => r.code); // => ['window_closed', 'missing_role']
const italiano = explain(cancel, { locale: IT_MESSAGES });
italiano.summary; // => "Non consentito: la finestra di annullamento è chiusa; all'utente manca il ruolo necessario."
italiano.reasons[0]?.text; // => "La finestra di annullamento si è chiusa il 2022-03-22T10:00:00Z: l'acquisto non può più essere annullato."
explain(cancel).reasons[1]?.text; // => "To cancel a purchase, the user needs the Admin agent role, and none of the user's roles grants it."

// A decision stored as JSON (dates become strings) reads the same.
const stored = JSON.parse(JSON.stringify(cancel)) as typeof cancel;
explain(stored, { locale: IT_MESSAGES }).summary === italiano.summary; // => true

// Switching a subscription with autorenew off to monthly billing.
const change = billingFrequencyChange({ ...subscription, autoRenew: false }, 'monthly', {
  asOf: '2022-06-01T00:00:00Z',
  roles: ['Admin agent'],
});
explain(change, { locale: IT_MESSAGES }).reasons.map((r) => r.code); // => ['will_not_renew', 'frequency_not_eligible']
explain(change).reasons[1]?.text; // => 'Monthly billing is not available for a 1-year term: the policy allows annual billing.'

// KMS is not sold through CSP: use a MAK.
explain(activationMethodFor('csp', { requested: 'kms' }), { locale: IT_MESSAGES }).reasons[0]?.text; // => "L'attivazione KMS non è disponibile tramite il programma Cloud Solution Provider (CSP), nemmeno su richiesta: usare un codice MAK (chiave di attivazione multipla)."

// The KMS-to-MAK plan's warnings are explained one by one.
const plan = planMakMigration(
  [
    { id: 'pc-1', lastRenewalAt: '2024-01-01' },
    { id: 'pc-2', lastRenewalAt: '2024-01-01' },
    { id: 'pc-3', lastRenewalAt: '2024-01-01' },
  ],
  { asOf: '2024-06-28T12:00:00Z', capacityPerDay: 1 },
);
plan.warnings.map((w) => explainReason(w, { locale: IT_MESSAGES }).text); // => ["Con 1 attivazione MAK al giorno, 2 dispositivi perderanno l'attivazione KMS prima di ricevere il codice MAK."]

// A code from a newer version of the library is named, never a crash.
explainReason({ code: 'quota_exceeded', limit: 3 }, { locale: IT_MESSAGES }).known; // => false
