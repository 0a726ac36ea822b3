#!/usr/bin/env bash
# Mutation testing of one area: reports/mutation/<area>.json and .html.
#   bash scripts/mutation-area.sh cancellation
# Then: npx tsx scripts/mutation-summary.ts  (score per area, surviving mutants)
set -u
area=${1:?usage: scripts/mutation-area.sh AREA}
mkdir -p reports/mutation
cfg=reports/stryker-$area.config.json
node -e '
const base = require("./stryker.config.json");
const a = process.argv[1];
base.mutate = [`src/${a}/**/*.ts`, `!src/${a}/index.ts`, `!src/${a}/internal.ts`];
base.jsonReporter = { fileName: `reports/mutation/${a}.json` };
base.htmlReporter = { fileName: `reports/mutation/${a}.html` };
base.reporters = ["json", "html", "clear-text", "progress-append-only"];
// STRYKER_INCREMENTAL=1 re-runs only mutants whose code or covering tests
// changed. Opt-in: after tests were added it kept stale "survived" results.
if (process.env.STRYKER_INCREMENTAL === "1") {
  base.incremental = true;
  base.incrementalFile = `reports/mutation/${a}.incremental.json`;
}
if (process.env.STRYKER_CONCURRENCY) base.concurrency = Number(process.env.STRYKER_CONCURRENCY);
// On a loaded machine a slow run is not an infinite loop: STRYKER_TIMEOUT_MS
// (e.g. 60000) keeps "timed out" for mutants that really never finish.
if (process.env.STRYKER_TIMEOUT_MS) {
  base.timeoutMS = Number(process.env.STRYKER_TIMEOUT_MS);
  base.timeoutFactor = 3;
}
require("fs").writeFileSync(process.argv[2], JSON.stringify(base, null, 2));
' "$area" "$cfg"
npx stryker run "$cfg"
