#!/usr/bin/env bash
# Mutation testing of one area: reports/mutation/<area>.json and .html.
#   bash scripts/mutation-area.sh cancellation
# or of some of its files, for an area too long for one sitting (core):
#   bash scripts/mutation-area.sh core decimal money   # reports/mutation/core.decimal+money.json
# Then: npx tsx scripts/mutation-summary.ts  (score per area, surviving mutants;
# for each source file the newest report that mutated it counts)
set -u
area=${1:?usage: scripts/mutation-area.sh AREA [FILE ...]}
shift
files=$(IFS=+; echo "${*%.ts}")
name=$area${files:+.$files}
mkdir -p reports/mutation
cfg=reports/stryker-$name.config.json
CFG=$cfg node -e '
const base = require("./stryker.config.json");
const [a, name, ...files] = process.argv.slice(1);
base.mutate =
  files.length > 0
    ? files.map((f) => `src/${a}/${f.replace(/\.ts$/, "")}.ts`)
    : [`src/${a}/**/*.ts`, `!src/${a}/index.ts`, `!src/${a}/internal.ts`];
base.jsonReporter = { fileName: `reports/mutation/${name}.json` };
base.htmlReporter = { fileName: `reports/mutation/${name}.html` };
base.reporters = ["json", "html", "clear-text", "progress-append-only"];
// STRYKER_INCREMENTAL=1 re-runs only mutants whose code or covering tests
// changed. Opt-in: after tests were added it kept stale "survived" results.
if (process.env.STRYKER_INCREMENTAL === "1") {
  base.incremental = true;
  base.incrementalFile = `reports/mutation/${name}.incremental.json`;
}
if (process.env.STRYKER_CONCURRENCY) base.concurrency = Number(process.env.STRYKER_CONCURRENCY);
// On a loaded machine a slow run is not an infinite loop: STRYKER_TIMEOUT_MS
// (e.g. 60000) keeps "timed out" for mutants that really never finish.
if (process.env.STRYKER_TIMEOUT_MS) {
  base.timeoutMS = Number(process.env.STRYKER_TIMEOUT_MS);
  base.timeoutFactor = 3;
}
require("fs").writeFileSync(process.env.CFG, JSON.stringify(base, null, 2));
' "$area" "$name" "$@"
npx stryker run "$cfg"
