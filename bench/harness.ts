// A tiny, dependency-free timing harness: runs a function over prepared
// inputs in rounds and reports the median ops/s. Benchmarks only; no test
// asserts a time.

export interface Measurement {
  readonly name: string;
  readonly opsPerSecond: number;
  readonly nsPerOp: number;
}

let sink: unknown;

/** Median ops/s of `fn` over `inputs`, `rounds` rounds of at least `minMs` each. */
export function measure<T>(
  name: string,
  inputs: readonly T[],
  fn: (x: T) => unknown,
  rounds = 7,
  minMs = 150,
): Measurement {
  // Warm up so the JIT has compiled the hot path.
  for (let i = 0; i < Math.min(inputs.length * 3, 200_000); i++)
    sink = fn(inputs[i % inputs.length] as T);
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let ops = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < minMs * 1e6) {
      for (let i = 0; i < inputs.length; i++) sink = fn(inputs[i] as T);
      ops += inputs.length;
      elapsed = Number(process.hrtime.bigint() - start);
    }
    rates.push(ops / (elapsed / 1e9));
  }
  rates.sort((a, b) => a - b);
  const opsPerSecond = rates[Math.floor(rates.length / 2)] as number;
  return { name, opsPerSecond, nsPerOp: 1e9 / opsPerSecond };
}

/** Keeps results alive so the JIT cannot drop the work. */
export function consume(): unknown {
  return sink;
}

/** A deterministic pseudo-random generator (mulberry32), for generated inputs. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fmt(n: number): string {
  return n >= 1e6
    ? `${(n / 1e6).toFixed(2)} M`
    : n >= 1e3
      ? `${(n / 1e3).toFixed(1)} k`
      : n.toFixed(1);
}
