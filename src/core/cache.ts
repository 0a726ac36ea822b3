/**
 * Small caches shared by the rule areas.
 * @internal
 * @module
 */

/**
 * @internal A WeakMap that first compares the few keys it saw first by
 * identity: rules look up the library's own policy tables several times a
 * call, and a comparison is cheaper than a WeakMap lookup. It holds those
 * first eight keys strongly (at most eight policy objects).
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
    if (this.hotKeys.length < 8) {
      this.hotKeys.push(key);
      this.hotValues.push(value);
    }
    this.map.set(key, value);
  }
}
