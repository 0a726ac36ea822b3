// npm run bench: the market lookup and the KMS-to-MAK plan next to their
// floors (bench/floors.ts), in the same run, and the Partner Center parsers,
// against the built package (dist/). Prints a Markdown table.
import * as lib from '../dist/index.js';
import * as schemas from '../dist/schemas/index.js';
import {
  fixture,
  ORDER_EXTRAS,
  ORDER_FIXTURES,
  SUBSCRIPTION_EXTRAS,
  SUBSCRIPTION_FIXTURES,
} from '../test/schemas/support.js';
import { floorPlan, floorPlanWithStatuses, floorReservation } from './floors.js';
import { consume, fmt, type Measurement, measure, seeded } from './harness.js';

const DAY = 86_400_000;
const rand = seeded(42);
const asOfMs = Date.UTC(2026, 10, 25, 12);
const asOf = new Date(asOfMs);

const results: [Measurement, Measurement | undefined, string][] = [];
function pair(lib: Measurement, floor: Measurement | undefined, note = ''): void {
  results.push([lib, floor, note]);
}

// The per-call subscription rules are measured on 200,000 distinct inputs by
// bench/realistic.ts (npm run bench:calls); this file keeps the market lookup
// (its inputs are every market code there is), the migration plan and the parsers.
const codes = lib.knownMarkets();
const unavailable = new Set(
  lib.AZURE_RESERVATIONS_UNAVAILABLE.markets.flatMap((m) => [
    m.iso,
    ...(m.partnerCenterCode ? [m.partnerCenterCode] : []),
  ]),
);
pair(
  measure('isAzureReservationAvailable', codes, (c) => lib.isAzureReservationAvailable(c)),
  measure('floor', codes, (c) => floorReservation(unavailable, c)),
);

const fleet = Array.from({ length: 100_000 }, (_, i) => ({
  id: `dev-${i}`,
  lastRenewalAt: new Date(asOfMs - Math.floor(rand() * 170 * DAY)),
}));
const fleetMs = Float64Array.from(fleet, (d) => d.lastRenewalAt.getTime());
const fleetIds = fleet.map((d) => d.id);
const plan = measure(
  'planMakMigration (100k devices)',
  [fleet],
  (f) => lib.planMakMigration(f, { asOf, capacityPerDay: 2_000 }),
  5,
  500,
);
pair(
  plan,
  measure('floor', [fleetMs], (f) => floorPlan(f, asOfMs, 2_000), 5, 500),
);
pair(
  plan,
  measure(
    'floor with statuses',
    [fleetMs],
    (f) => floorPlanWithStatuses(f, fleetIds, asOfMs, 2_000),
    5,
    500,
  ),
  ', against a floor that also builds a status with two Dates per device',
);
// Renewals recorded as days (midnight UTC): ~600 devices share each lapse, so
// ids break most ties.
const midnight = fleet.map((d) => ({
  id: d.id,
  lastRenewalAt: new Date(d.lastRenewalAt.getTime() - (d.lastRenewalAt.getTime() % DAY)),
}));
const midnightMs = Float64Array.from(midnight, (d) => d.lastRenewalAt.getTime());
pair(
  measure(
    'planMakMigration (100k devices, renewals at midnight)',
    [midnight],
    (f) => lib.planMakMigration(f, { asOf, capacityPerDay: 2_000 }),
    5,
    500,
  ),
  measure('floor', [midnightMs], (f) => floorPlan(f, asOfMs, 2_000), 5, 500),
);

// The Partner Center parsers have no floor (a floor would be a zod parse of
// the same object): they are reported as ops/s on the shipped fixtures, with
// the extras the schemas tests use.
const parserInputs = {
  Subscription: [SUBSCRIPTION_FIXTURES.map(fixture), SUBSCRIPTION_EXTRAS],
  Order: [ORDER_FIXTURES.map(fixture), ORDER_EXTRAS],
} as const;
for (const [what, [jsons, extras]] of Object.entries(parserInputs)) {
  for (const name of [`fromPartnerCenter${what}`, `safeFromPartnerCenter${what}`]) {
    const parse = (schemas as unknown as Record<string, (j: unknown, e: unknown) => unknown>)[
      name
    ] as (j: unknown, e: unknown) => unknown;
    pair(
      measure(name, jsons, (j) => parse(j, extras)),
      undefined,
    );
  }
}

const lines = [
  `Node ${process.version}, ${process.platform}/${process.arch}; median of rounds; inputs generated with a fixed seed.`,
  '',
  '| rule | library ops/s | floor ops/s | library / floor |',
  '| --- | ---: | ---: | ---: |',
];
for (const [l, f, note] of results) {
  const ratio = f === undefined ? '' : `${(f.opsPerSecond / l.opsPerSecond).toFixed(1)}×`;
  lines.push(
    `| ${l.name}${note} | ${fmt(l.opsPerSecond)} | ${f === undefined ? '' : fmt(f.opsPerSecond)} | ${ratio} |`,
  );
}
process.stdout.write(`${lines.join('\n')}\n`);
void consume();
