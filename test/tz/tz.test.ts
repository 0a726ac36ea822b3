// The same rule calls in child processes started under different TZ values.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, 'fingerprint.ts');
const zones = ['UTC', 'Pacific/Kiritimati', 'America/St_Johns', 'Asia/Kathmandu'];

function runUnder(tz: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
}

describe('process time zone', () => {
  it('gives identical results under UTC, +14:00, -03:30 and +05:45', () => {
    const [first, ...rest] = zones.map(runUnder);
    expect(first?.length ?? 0).toBeGreaterThan(100);
    for (const r of rest) expect(r).toBe(first);
  });
});
