/**
 * The reason-code catalogue, generated from the code so that it cannot fall behind.
 *
 * `scanReasonCodes()` reads the rule areas with the TypeScript compiler: every
 * string-literal `code` of the types each area's `index.ts` exports whose
 * name ends in `Reason`, `Warning` or `Finding`, and of the element types of every
 * `reasons` / `warnings` / `findings` array that an exported function returns or an
 * exported type holds (so a reason type that is not named `*Reason` is still
 * found). `scanCodeLiterals()` is the syntactic cross-check: every
 * `code: '...'` written in an object literal or type under src/ (outside
 * core, schemas and explain). `renderReasonCodes()` writes docs/reason-codes.md
 * from the scan and the `explain` message tables (English and Italian).
 *
 *   npx tsx scripts/reason-codes.ts           writes docs/reason-codes.md
 *   npx tsx scripts/reason-codes.ts --check   exits 1 when it is stale
 *
 * test/explain/catalogue.test.ts fails when the committed file differs from
 * what this script produces, and when a scanned code has no message.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import {
  EN_MESSAGES,
  explainReason,
  type ReasonCode,
  type ReasonOf,
} from '../src/explain/index.js';
import { IT_MESSAGES } from '../src/explain/it/index.js';

const ROOT = join(import.meta.dirname, '..');
/** Where the catalogue is written. */
export const CATALOGUE_PATH = join(ROOT, 'docs', 'reason-codes.md');
/** Folders under src/ that hold no rule decisions. */
const NOT_RULE_AREAS = new Set(['core', 'schemas', 'explain', 'cli', 'files']);

/** Where the reconciliation samples point. */
const PLACE = {
  line: 12,
  subscriptionId: 'a2f8c4e1-5b7d-4c1e-9f3a-0d6b8e2c7a91',
  customerId: '0e195b37-4574-4539-bc42-0e539b9684c0',
  chargeType: 'cancelImmediate',
  period: '2021-07',
} as const;

/**
 * One example reason per code, shown with its sentences in the catalogue
 * (typed: a code without an example is a compile error).
 */
export const REASON_SAMPLES: { readonly [C in ReasonCode]: ReasonOf<C> } = {
  missing_role: { code: 'missing_role', action: 'cancel', requiredRoles: ['AdminAgent'] },
  unknown_value: { code: 'unknown_value', field: 'subscription.status', raw: 'disabled' },
  already_cancelled: { code: 'already_cancelled', status: 'deleted' },
  expired: { code: 'expired' },
  not_on_subscriptions_page: { code: 'not_on_subscriptions_page', purchasedOn: '2021-03-01' },
  not_started: { code: 'not_started', purchasedAt: new Date('2023-03-15T10:00:00Z') },
  not_yet_open: { code: 'not_yet_open', opensAt: new Date('2023-03-15T10:00:00Z') },
  window_closed: { code: 'window_closed', closedAt: new Date('2022-03-22T10:00:00Z') },
  non_cancellable_publisher: {
    code: 'non_cancellable_publisher',
    publisher: 'SUSE LLC',
    matched: 'SUSE',
  },
  not_a_reduction: { code: 'not_a_reduction', current: 10, requested: 12 },
  seat_reduction_not_allowed: { code: 'seat_reduction_not_allowed', productType: 'software' },
  seats_not_reducible: { code: 'seats_not_reducible', requested: 5, reducible: 3 },
  quantity_unchanged: { code: 'quantity_unchanged', quantity: 10 },
  cycle_longer_than_term: {
    code: 'cycle_longer_than_term',
    billingFrequency: 'triennial',
    term: 'P1Y',
  },
  not_a_renewal: { code: 'not_a_renewal', termIndex: 0 },
  event_not_applicable: {
    code: 'event_not_applicable',
    eventType: 'setQuantity',
    kind: 'perpetual',
  },
  before_purchase: { code: 'before_purchase', purchasedAt: new Date('2021-07-15T09:00:00Z') },
  subscription_ended: { code: 'subscription_ended', cause: 'cancelled', endedOn: '2021-07-17' },
  missing_charge: {
    code: 'missing_charge',
    ...PLACE,
    line: null,
    chargeType: 'cycleCharge',
    dates: { start: '2021-08-15', end: '2021-09-14' },
    quantity: 10,
    expected: { currency: 'EUR', minor: 10080 },
  },
  refund_missing: {
    code: 'refund_missing',
    ...PLACE,
    line: null,
    dates: { start: '2021-07-17', end: '2021-08-14' },
    quantity: 10,
    expected: { currency: 'EUR', minor: -9420 },
  },
  unexpected_charge: {
    code: 'unexpected_charge',
    ...PLACE,
    chargeType: 'addQuantity',
    dates: { start: '2021-07-20', end: '2021-08-14' },
    billed: { currency: 'EUR', minor: 2600 },
  },
  refund_not_due: {
    code: 'refund_not_due',
    ...PLACE,
    dates: { start: '2021-07-30', end: '2021-08-14' },
    billed: { currency: 'EUR', minor: -5200 },
  },
  billed_after_cancellation: {
    code: 'billed_after_cancellation',
    ...PLACE,
    chargeType: 'cycleCharge',
    cancelledOn: '2021-07-17',
    dates: { start: '2021-08-15', end: '2021-09-14' },
    billed: { currency: 'EUR', minor: 10080 },
  },
  duplicate_line: {
    code: 'duplicate_line',
    ...PLACE,
    duplicateOf: 11,
    billed: { currency: 'EUR', minor: -9420 },
  },
  amount_differs: {
    code: 'amount_differs',
    ...PLACE,
    expected: { currency: 'EUR', minor: -9420 },
    billed: { currency: 'EUR', minor: -9429 },
    difference: { currency: 'EUR', minor: -9 },
    reading: 'truncate_unit_price',
  },
  unit_price_differs: {
    code: 'unit_price_differs',
    ...PLACE,
    expected: { unitPrice: '10.08', currency: 'EUR' },
    billed: { unitPrice: '9.50', currency: 'EUR' },
  },
  quantity_differs: { code: 'quantity_differs', ...PLACE, expected: 10, billed: 12 },
  dates_differ: {
    code: 'dates_differ',
    ...PLACE,
    expected: { start: '2021-07-17', end: '2021-08-14' },
    billed: { start: '2021-07-18', end: '2021-08-14' },
  },
  unknown_subscription: {
    code: 'unknown_subscription',
    ...PLACE,
    portfolioCustomerId: null,
    billed: { currency: 'EUR', minor: 10080 },
  },
  not_modelled: { code: 'not_modelled', ...PLACE, chargeType: 'new', cause: 'product', lines: 240 },
  malformed_line: {
    code: 'malformed_line',
    ...PLACE,
    field: 'ChargeStartDate',
    problem: 'not a date',
  },
  frequency_not_eligible: {
    code: 'frequency_not_eligible',
    billingFrequency: 'monthly',
    term: 'P3Y',
    eligible: ['annual', 'triennial'],
  },
  not_offered_in_catalog: {
    code: 'not_offered_in_catalog',
    billingFrequency: 'annual',
    offered: ['triennial'],
  },
  will_not_renew: { code: 'will_not_renew', cause: 'auto_renew_off', lastDay: '2023-03-14' },
  same_as_current: { code: 'same_as_current', billingFrequency: 'triennial' },
  method_not_available: {
    code: 'method_not_available',
    channel: 'csp',
    requested: 'kms',
    available: ['mak'],
  },
  edition_not_eligible: { code: 'edition_not_eligible', edition: 'Essentials' },
  software_assurance_required: { code: 'software_assurance_required' },
  mak_activation_limit_exceeded: {
    code: 'mak_activation_limit_exceeded',
    needed: 120,
    limit: 100,
    excess: 20,
  },
  already_lapsed: { code: 'already_lapsed', devices: 3 },
  capacity_insufficient: { code: 'capacity_insufficient', devices: 14, capacityPerDay: 25 },
  unknown_activation_state: { code: 'unknown_activation_state', devices: 2 },
  reservations_not_sold_in_market: {
    code: 'reservations_not_sold_in_market',
    market: 'BQ',
    partnerCenterCode: 'XS',
  },
  prices_exclude_tax: { code: 'prices_exclude_tax', market: 'IT' },
};

/** One data field of a reason (every property but `code`). */
export interface ReasonField {
  /** Property name. */
  readonly name: string;
  /** Absent from some shape of the code, or declared optional. */
  readonly optional: boolean;
  /** Its type as TypeScript prints it (shapes joined with `|`). */
  readonly type: string;
  /** Its TSDoc summary (first shape that has one). */
  readonly doc: string;
}

/** One reason code found in the rule areas. */
export interface ScannedReasonCode {
  /** The snake_case code. */
  readonly code: string;
  /** `'reason'` when some decision lists it in `reasons`, `'finding'` when only reconciling finds it, else `'warning'`. */
  readonly kind: 'reason' | 'warning' | 'finding';
  /** The areas whose public types or results carry it, sorted. */
  readonly areas: readonly string[];
  /** The exported `*Reason` / `*Warning` types that declare it, sorted. */
  readonly types: readonly string[];
  /** The exported functions whose results carry it, sorted. */
  readonly functions: readonly string[];
  /** Other exported types (decisions, results) that carry it, sorted. */
  readonly results: readonly string[];
  /** Its data fields, sorted by name. */
  readonly fields: readonly ReasonField[];
}

/** The rule areas: folders of src/ with an index.ts, but not core, schemas or explain. */
export function ruleAreas(root: string = ROOT): string[] {
  return readdirSync(join(root, 'src'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !NOT_RULE_AREAS.has(d.name))
    .filter((d) => readdirSync(join(root, 'src', d.name)).includes('index.ts'))
    .map((d) => d.name)
    .sort();
}

function createProgram(root: string, files: readonly string[]): ts.Program {
  const configPath = join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile.bind(ts.sys));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return ts.createProgram({ rootNames: [...files], options: parsed.options });
}

interface Shape {
  readonly code: string;
  readonly kind: 'reason' | 'warning' | 'finding';
  readonly area: string;
  /** The exported name it was found through. */
  readonly typeName: string;
  /** Found as a `*Reason`/`*Warning` type, in a function's result, or in another type. */
  readonly via: 'type' | 'function' | 'result';
  readonly fields: readonly ReasonField[];
}

function docOf(symbol: ts.Symbol, checker: ts.TypeChecker): string {
  return ts.displayPartsToString(symbol.getDocumentationComment(checker)).split('\n')[0] ?? '';
}

/** The string-literal codes of a (union) type's `code` property, with the other properties. */
function shapesOf(
  type: ts.Type,
  checker: ts.TypeChecker,
  where: Omit<Shape, 'code' | 'fields'>,
): Shape[] {
  const shapes: Shape[] = [];
  const members = type.isUnion() ? type.types : [type];
  for (const member of members) {
    const codeSymbol = member.getProperty('code');
    if (codeSymbol === undefined) continue;
    const codeType = checker.getTypeOfSymbol(codeSymbol);
    const literals = (codeType.isUnion() ? codeType.types : [codeType]).filter((t) =>
      t.isStringLiteral(),
    ) as ts.StringLiteralType[];
    const fields = member
      .getProperties()
      .filter((p) => p.name !== 'code')
      .map((p) => ({
        name: p.name,
        optional: (p.flags & ts.SymbolFlags.Optional) !== 0,
        type: checker.typeToString(
          checker.getNonNullableType(checker.getTypeOfSymbol(p)),
          undefined,
          ts.TypeFormatFlags.NoTruncation,
        ),
        doc: docOf(p, checker),
      }));
    for (const literal of literals) shapes.push({ code: literal.value, fields, ...where });
  }
  return shapes;
}

/** The element type of an array-valued property `name` of `type`, if any. */
function elementsOf(type: ts.Type, name: string, checker: ts.TypeChecker): ts.Type | undefined {
  const property = checker.getApparentType(type).getProperty(name);
  if (property === undefined) return undefined;
  const arrayType = checker.getNonNullableType(checker.getTypeOfSymbol(property));
  if (!checker.isArrayType(arrayType) && !checker.isTupleType(arrayType)) return undefined;
  return checker.getIndexTypeOfType(arrayType, ts.IndexKind.Number);
}

/** Every shape an area's public surface exposes. */
function shapesOfArea(area: string, program: ts.Program, root: string): Shape[] {
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(join(root, 'src', area, 'index.ts'));
  const moduleSymbol = file === undefined ? undefined : checker.getSymbolAtLocation(file);
  if (moduleSymbol === undefined) return [];
  const shapes: Shape[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol =
      (exported.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(exported) : exported;
    const typeName = exported.name;
    const results: ts.Type[] = [];
    if ((symbol.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface)) !== 0) {
      const declared = checker.getDeclaredTypeOfSymbol(symbol);
      if (/Reason$/.test(typeName)) {
        shapes.push(
          ...shapesOf(declared, checker, { area, typeName, kind: 'reason', via: 'type' }),
        );
      } else if (/Warning$/.test(typeName)) {
        shapes.push(
          ...shapesOf(declared, checker, { area, typeName, kind: 'warning', via: 'type' }),
        );
      } else if (/Finding$/.test(typeName)) {
        shapes.push(
          ...shapesOf(declared, checker, { area, typeName, kind: 'finding', via: 'type' }),
        );
      }
      results.push(declared);
    }
    const via = (symbol.flags & ts.SymbolFlags.Function) !== 0 ? 'function' : 'result';
    if (via === 'function') {
      const type = checker.getTypeOfSymbol(symbol);
      for (const signature of type.getCallSignatures()) {
        results.push(checker.getReturnTypeOfSignature(signature));
      }
    }
    for (const result of results) {
      for (const member of result.isUnion() ? result.types : [result]) {
        for (const [property, kind] of [
          ['reasons', 'reason'],
          ['warnings', 'warning'],
          ['findings', 'finding'],
        ] as const) {
          const elements = elementsOf(member, property, checker);
          if (elements !== undefined) {
            shapes.push(...shapesOf(elements, checker, { area, typeName, kind, via }));
          }
        }
      }
    }
  }
  return shapes;
}

function mergeFields(shapes: readonly Shape[]): ReasonField[] {
  const byName = new Map<
    string,
    { optional: boolean; types: string[]; doc: string; seen: number }
  >();
  for (const shape of shapes) {
    for (const f of shape.fields) {
      const entry = byName.get(f.name) ?? { optional: false, types: [], doc: '', seen: 0 };
      entry.optional ||= f.optional;
      if (!entry.types.includes(f.type)) entry.types.push(f.type);
      if (entry.doc === '') entry.doc = f.doc;
      entry.seen += 1;
      byName.set(f.name, entry);
    }
  }
  return [...byName.entries()]
    .map(([name, e]) => ({
      name,
      optional: e.optional || e.seen < shapes.length,
      type: e.types.join(' | '),
      doc: e.doc,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

function namesVia(list: readonly Shape[], via: Shape['via']): string[] {
  return [...new Set(list.filter((s) => s.via === via).map((s) => s.typeName))].sort();
}

/**
 * Every reason (and warning) code the rule areas expose, from their public
 * types, sorted by code.
 */
export function scanReasonCodes(root: string = ROOT): ScannedReasonCode[] {
  const areas = ruleAreas(root);
  const program = createProgram(
    root,
    areas.map((a) => join(root, 'src', a, 'index.ts')),
  );
  const shapes = areas.flatMap((area) => shapesOfArea(area, program, root));
  const byCode = new Map<string, Shape[]>();
  for (const s of shapes) byCode.set(s.code, [...(byCode.get(s.code) ?? []), s]);
  return [...byCode.entries()]
    .map(([code, list]) => {
      // The same type is found through its name and through each decision that
      // carries it: keep one shape per declaration text.
      const distinct = new Map<string, Shape>();
      for (const s of list) distinct.set(JSON.stringify(s.fields), s);
      return {
        code,
        kind: list.some((s) => s.kind === 'reason')
          ? ('reason' as const)
          : list.some((s) => s.kind === 'finding')
            ? ('finding' as const)
            : ('warning' as const),
        areas: [...new Set(list.map((s) => s.area))].sort(),
        types: namesVia(list, 'type'),
        functions: namesVia(list, 'function'),
        results: namesVia(list, 'result'),
        fields: mergeFields([...distinct.values()]),
      };
    })
    .sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** A `code: '...'` literal written in the source. */
export interface CodeLiteral {
  /** The code. */
  readonly code: string;
  /** `src/...:line`. */
  readonly at: string;
}

function walkTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return walkTs(path);
      return e.name.endsWith('.ts') ? [path] : [];
    })
    .sort();
}

/** The string literals of a `code` property: its initializer, or its (union of) literal types. */
function codeValues(node: ts.PropertyAssignment | ts.PropertySignature): string[] {
  if (ts.isPropertyAssignment(node)) {
    const init = node.initializer;
    return ts.isStringLiteral(init) ? [init.text] : [];
  }
  const type = node.type;
  if (type === undefined) return [];
  const members = ts.isUnionTypeNode(type) ? type.types : [type];
  return members.flatMap((m) =>
    ts.isLiteralTypeNode(m) && ts.isStringLiteral(m.literal) ? [m.literal.text] : [],
  );
}

/**
 * Every `code: '...'` written in the rule areas' source (object literals and
 * property types; comments and `fail(...)` arguments are not properties), so a
 * reason pushed without a named type is still noticed.
 */
export function scanCodeLiterals(root: string = ROOT): CodeLiteral[] {
  const out: CodeLiteral[] = [];
  for (const area of ruleAreas(root)) {
    for (const path of walkTs(join(root, 'src', area))) {
      const text = readFileSync(path, 'utf8');
      const file = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
      const visit = (node: ts.Node): void => {
        const isCode =
          (ts.isPropertyAssignment(node) || ts.isPropertySignature(node)) &&
          node.name.getText(file) === 'code';
        if (isCode) {
          const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
          const at = `${relative(root, path).split(sep).join('/')}:${line}`;
          for (const value of codeValues(node)) out.push({ code: value, at });
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
  }
  return out;
}

/** Escapes a table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Code points, the width Biome's Markdown formatter pads table columns to. */
function width(text: string): number {
  return Array.from(text).length;
}

/** A Markdown table with padded columns, as Biome's formatter writes it. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(3, width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - width(c))).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function sentenceOf(brief: string): string {
  return `${brief.charAt(0).toUpperCase()}${brief.slice(1)}.`;
}

function fieldList(fields: readonly ReasonField[]): string {
  if (fields.length === 0) return '—';
  return fields.map((f) => `\`${f.name}${f.optional ? '?' : ''}\``).join(', ');
}

function codeList(names: readonly string[]): string {
  return names.map((n) => `\`${n}\``).join(', ');
}

/** The catalogue's Markdown. */
export function renderReasonCodes(
  scanned: readonly ScannedReasonCode[] = scanReasonCodes(),
): string {
  const en = EN_MESSAGES.reasons as Readonly<Record<string, { brief: string }>>;
  const it = IT_MESSAGES.reasons as Readonly<Record<string, { brief: string }>>;
  const samples = REASON_SAMPLES as Readonly<Record<string, { code: string }>>;
  const brief = (messages: Readonly<Record<string, { brief: string }>>, code: string): string =>
    Object.hasOwn(messages, code)
      ? sentenceOf((messages[code] as { brief: string }).brief)
      : '(no message)';
  const lines: string[] = [
    '---',
    'title: Reason codes',
    '---',
    '',
    '# Reason codes',
    '',
    'Every `code` a decision of csp-software-rules can list in `reasons` (and the',
    'KMS-to-MAK migration plan in `warnings`), with the areas that give it, its',
    'data fields and what `explain` says about it in English and Italian.',
    'Decisions stay machine-readable: text comes only from',
    '`explain(decision, { locale })` and `explainReason(reason, { locale })`',
    '(`csp-software-rules/explain`; Italian: `{ locale: IT_MESSAGES }` from',
    '`csp-software-rules/explain/it`). A code this version does not know (from a',
    'newer version) gets a generic sentence naming it.',
    '',
    'Generated by `scripts/reason-codes.ts` from the reason types each area',
    'exports and the message tables of `explain`: do not edit by hand, run',
    '`npx tsx scripts/reason-codes.ts`. A test fails when this page is stale.',
    '',
    ...table(
      ['Code', 'Area(s)', 'What it means', 'Data fields', 'In Italian'],
      scanned.map((s) => [
        `\`${s.code}\`${s.kind === 'reason' ? '' : ` (${s.kind})`}`,
        s.areas.join(', '),
        cell(brief(en, s.code)),
        cell(fieldList(s.fields)),
        cell(brief(it, s.code)),
      ]),
    ),
    '',
    '## Codes in detail',
    '',
  ];
  for (const s of scanned) {
    lines.push(`### \`${s.code}\``, '');
    const kind = s.kind === 'warning' ? 'Warning' : s.kind === 'finding' ? 'Finding' : 'Reason';
    lines.push(`- ${kind} of ${s.areas.join(', ')}.`);
    if (s.types.length > 0) lines.push(`- Declared by ${codeList(s.types)}.`);
    if (s.functions.length > 0) lines.push(`- Given by ${codeList(s.functions)}.`);
    if (s.fields.length === 0) lines.push('- Data: none.');
    else {
      lines.push('- Data:');
      for (const f of s.fields) {
        const doc = f.doc === '' ? '' : ` ${f.doc}`;
        lines.push(`  - \`${f.name}${f.optional ? '?' : ''}\` (\`${f.type}\`):${doc}`);
      }
    }
    const sample = Object.hasOwn(samples, s.code) ? samples[s.code] : undefined;
    if (sample !== undefined) {
      lines.push(`- Example: \`${JSON.stringify(sample)}\``);
      lines.push(`  - en: ${explainReason(sample, { locale: 'en' }).text}`);
      lines.push(`  - it: ${explainReason(sample, { locale: IT_MESSAGES }).text}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

if (process.argv[1] === import.meta.filename) {
  const text = renderReasonCodes();
  if (process.argv.includes('--check')) {
    const current = readFileSync(CATALOGUE_PATH, 'utf8');
    if (current !== text) {
      process.stderr.write(
        'docs/reason-codes.md is stale: run `npx tsx scripts/reason-codes.ts`\n',
      );
      process.exit(1);
    }
    process.stdout.write('docs/reason-codes.md is up to date\n');
  } else {
    writeFileSync(CATALOGUE_PATH, text);
    process.stdout.write(`${relative(ROOT, CATALOGUE_PATH)} written\n`);
  }
}
