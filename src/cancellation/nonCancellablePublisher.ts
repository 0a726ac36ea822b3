/**
 * Recognising the publishers whose plans can never be cancelled (Red Hat, SUSE).
 * @module
 */
import { optionalString } from '../core/internal.js';
import { NON_CANCELLABLE_PUBLISHERS_POLICY } from './policy.js';

const MAX_CACHED = 4096;
/**
 * Legal-form words dropped from the end of a publisher name ("Red Hat, Inc.",
 * "SUSE LLC", "SUSE Software Solutions Germany GmbH").
 */
let legalForms: ReadonlySet<string> | undefined;
/** Normalised keys of the publishers, and of other spellings of the same companies. */
let keys: ReadonlyMap<string, string> | undefined;
const seen = /* @__PURE__ */ new Map<string, string | null>();

/**
 * @internal Lower-case letter/digit words of a name (runs of single letters,
 * as in "L.L.C.", joined into one word), legal forms dropped from its end, joined.
 */
export function publisherKey(name: string): string {
  legalForms ??= new Set(
    'inc incorporated llc ltd limited corp corporation co company gmbh ag sa sas sarl srl spa plc bv nv kk pty lp llp'.split(
      ' ',
    ),
  );
  const words: string[] = [];
  let previousSingle = false;
  for (const w of name
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)) {
    if (w === '') continue;
    // Initials written with dots ("S.U.S.E.", "L.L.C.") form one word.
    const single = w.length === 1;
    if (single && previousSingle) words[words.length - 1] += w;
    else words.push(w);
    previousSingle = single;
  }
  while (words.length > 1 && legalForms.has(words[words.length - 1] as string)) words.pop();
  return words.join('');
}

/** @internal {@link nonCancellablePublisher} for a checked string (cached per distinct name). */
export function matchPublisher(name: string): string | null {
  const hit = seen.get(name);
  if (hit !== undefined) return hit;
  if (keys === undefined) {
    const map = new Map([
      ['susesoftwaresolutions', 'SUSE'],
      ['susesoftwaresolutionsgermany', 'SUSE'],
    ]);
    for (const v of NON_CANCELLABLE_PUBLISHERS_POLICY.versions) {
      for (const known of v.value.publishers) map.set(publisherKey(known), known);
    }
    keys = map;
  }
  const match = keys.get(publisherKey(name)) ?? null;
  if (seen.size >= MAX_CACHED) seen.clear();
  seen.set(name, match);
  return match;
}

/**
 * The non-cancellable publisher a name designates (`'Red Hat'` or `'SUSE'`),
 * or `null`. Red Hat and SUSE software plans can never be cancelled.
 *
 * The matcher ignores case, spaces and punctuation and drops legal forms at
 * the end of the name (Inc, LLC, Ltd, GmbH, Corp, ...): it splits the name
 * into letter/digit words (initials such as "L.L.C." count as one word),
 * drops trailing legal forms, joins the rest and
 * compares the result **exactly** with `redhat` or `suse` (and SUSE's legal
 * name "SUSE Software Solutions (Germany)"). So "RedHat", "Red Hat", "Red
 * Hat, Inc.", "red-hat", "SUSE", "SUSE LLC", "S.U.S.E." match, while
 * "Redhatch Ltd", "Red Hat Training Partners" or "Suseco" do not: a name with
 * another word is another company.
 *
 * @param publisher - The publisher name, as the catalog or your records give it.
 * @returns `'Red Hat'`, `'SUSE'`, or `null` (also for `undefined`).
 * @throws {@link core!CspRuleError} `invalid_input` when `publisher` is neither a string nor `undefined`.
 * @see https://learn.microsoft.com/partner-center/customers/csp-software-subscriptions
 * @example
 * ```ts
 * import { nonCancellablePublisher } from 'csp-software-rules/cancellation';
 *
 * nonCancellablePublisher('Red Hat, Inc.'); // => 'Red Hat'
 * nonCancellablePublisher('REDHAT'); // => 'Red Hat'
 * nonCancellablePublisher('SUSE LLC'); // => 'SUSE'
 * nonCancellablePublisher('Redhatch Ltd'); // => null
 * nonCancellablePublisher('Microsoft'); // => null
 * ```
 * @category Cancellation
 */
export function nonCancellablePublisher(publisher: string | undefined): string | null {
  const name = optionalString(publisher, 'publisher');
  return name === undefined ? null : matchPublisher(name);
}
