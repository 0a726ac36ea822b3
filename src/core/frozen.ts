/**
 * Freezing the library's own tables.
 * @module
 */

/**
 * @internal Freeze a table of the library and every object and array in it,
 * so that no importer can change what the rules read (and, through the
 * caches, what every other caller gets). Returns the same value.
 */
export function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const v of Object.values(value)) frozen(v);
  }
  return value;
}
