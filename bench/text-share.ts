// npm run bench:text: how much of a bundle is text, and how much is code.
// Each entry is bundled from src with esbuild (minify, ESM) and brotli, as
// size-limit does: as written; with every string literal of 20 or more
// characters emptied (error messages, explain sentences, market names,
// policy readings, URLs), the code around them kept; and with every literal
// emptied (reason codes and field names too: no longer a working library,
// but a lower bound for its code). It answers whether trimming text alone can
// bring a bundle under its size goal.
import { readFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import ts from 'typescript';

const ENTRIES: [string, string, number][] = [
  ['root entry (everything but ./schemas)', 'src/index.ts', 20_000],
  ['./refunds', 'src/refunds/index.ts', 8_000],
  ['./cancellation', 'src/cancellation/index.ts', 8_000],
];

/** Empties string literals of at least `min` characters; a template keeps its expressions. */
function emptyText(min: number): ts.TransformerFactory<ts.SourceFile> {
  return (ctx) => (sf) => {
    const f = ctx.factory;
    const visit = (n: ts.Node): ts.Node => {
      if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return n;
      if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && n.text.length >= min)
        return f.createStringLiteral('');
      if (ts.isTemplateExpression(n)) {
        const text = n.head.text + n.templateSpans.map((s) => s.literal.text).join('');
        if (text.length >= min) {
          return n.templateSpans.reduce<ts.Expression>(
            (acc, s) =>
              f.createBinaryExpression(
                acc,
                ts.SyntaxKind.PlusToken,
                f.createParenthesizedExpression(ts.visitNode(s.expression, visit) as ts.Expression),
              ),
            f.createStringLiteral(''),
          );
        }
      }
      return ts.visitEachChild(n, visit, ctx);
    };
    return ts.visitNode(sf, visit) as ts.SourceFile;
  };
}

function plugin(min: number | undefined): Plugin {
  return {
    name: 'empty-text',
    setup(b) {
      if (min === undefined) return;
      b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
        const out = ts.transpileModule(readFileSync(args.path, 'utf8'), {
          compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
          transformers: { before: [emptyText(min)] },
        });
        return { contents: out.outputText, loader: 'js' };
      });
    },
  };
}

async function brotliSize(entry: string, min: number | undefined): Promise<number> {
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    outfile: 'out.js',
    logLevel: 'silent',
    plugins: [plugin(min)],
  });
  return brotliCompressSync((r.outputFiles[0] as { contents: Uint8Array }).contents).length;
}

const kB = (n: number) => `${(n / 1000).toFixed(2)} kB`;
const lines = [
  '| bundle | as written | literals of 20+ characters emptied | every literal emptied | goal |',
  '| --- | ---: | ---: | ---: | ---: |',
];
for (const [name, entry, goal] of ENTRIES) {
  const sizes = [
    await brotliSize(entry, undefined),
    await brotliSize(entry, 20),
    await brotliSize(entry, 0),
  ];
  lines.push(`| ${name} | ${sizes.map(kB).join(' | ')} | ${kB(goal)} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
