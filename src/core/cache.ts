/**
 * Small caches shared by the rule areas.
 * @internal
 * @module
 */

/** How many keys a {@link HotWeakMap} compares by identity first. */
const HOT_KEYS = 16;

/**
 * @internal A WeakMap that first compares the few keys it saw first by
 * identity: rules look up the library's own policy tables several times a
 * call, and a comparison is cheaper than a WeakMap lookup. It holds those
 * first keys strongly (at most {@link HOT_KEYS} policy objects: the library
 * has a dozen built-in policies).
 */
export class HotWeakMap<K extends object, V> {
  private readonly hotKeys: K[] = [];
  private readonly hotValues: V[] = [];
  private readonly map = new WeakMap<K, V>();

  get(key: K): V | undefined {
    const keys = this.hotKeys;
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return this.hotValues[i];
    return this.map.get(key);
  }

  set(key: K, value: V): void {
    if (this.hotKeys.length < HOT_KEYS) {
      this.hotKeys.push(key);
      this.hotValues.push(value);
    }
    this.map.set(key, value);
  }
}
