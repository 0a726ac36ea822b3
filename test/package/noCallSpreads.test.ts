// Issue 26: a spread into a call (`push(...list)`, `Math.max(...widths)`)
// passes every element as an argument, and past about 100,000 elements
// overflows the stack: the report crashed on one customer of 200,000
// subscriptions that way. No such spread over a list the caller sizes may
// stand in src/. The few left spread a role check's decision (one rule, at
// most one reason) or the unknown values of one subscription's few fields;
// each is listed here with why it is bounded, and any other fails.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** `file: spread expression` → why its length is bounded. */
const BOUNDED: Readonly<Record<string, string>> = {
  'src/billing/billingFrequencyChange.ts: unknownValueReasons(sub.unknownFields)':
    "one reason per unknown value among a subscription's own fields (term, billing frequency, status)",
  'src/billing/billingFrequencyChange.ts: access.reasons': 'a role check: at most one reason',
  'src/billing/billingFrequencyChange.ts: access.rules': 'a role check: one rule',
  'src/cancellation/evaluateCancellation.ts: access.reasons': 'a role check: at most one reason',
  'src/cancellation/evaluateCancellation.ts: access.rules': 'a role check: one rule',
  'src/cancellation/seatReduction.ts: w.rules': "a cancellation window's rules: two at most",
  'src/cancellation/seatReduction.ts: access.reasons': 'a role check: at most one reason',
  'src/cancellation/seatReduction.ts: access.rules': 'a role check: one rule',
  'src/lifecycle/autoRenewToggle.ts: auth.rules': 'a role check: one rule',
  'src/lifecycle/autoRenewToggle.ts: auth.reasons': 'a role check: at most one reason',
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Every spread into a call or `new` in a source text, as `name: expression` with its line. */
function callSpreads(name: string, text: string): { key: string; line: number }[] {
  const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
  const found: { key: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isSpreadElement(node) &&
      (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent))
    ) {
      found.push({
        key: `${name}: ${node.expression.getText(source)}`,
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no spread into a call over an unbounded list in src/', () => {
  const spreads = sources(join(ROOT, 'src')).flatMap((file) =>
    callSpreads(relative(ROOT, file), readFileSync(file, 'utf8')),
  );

  it('every spread into a call is one known to be bounded', () => {
    const unknown = spreads
      .filter((s) => BOUNDED[s.key] === undefined)
      .map((s) => `${s.key} (line ${s.line}): use a loop, or list it in BOUNDED with why`);
    expect(unknown).toEqual([]);
  });

  it('every listed spread is still there (the list cannot go stale)', () => {
    const keys = new Set(spreads.map((s) => s.key));
    expect(Object.keys(BOUNDED).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('finds spreads into calls and `new`, not into arrays or objects', () => {
    const probe =
      'Math.max(...widths); out.push(a, ...rest); new Set(...xs); f([...ok], { ...ok });';
    expect(callSpreads('probe.ts', probe).map((s) => s.key)).toEqual([
      'probe.ts: widths',
      'probe.ts: rest',
      'probe.ts: xs',
    ]);
  });
});
