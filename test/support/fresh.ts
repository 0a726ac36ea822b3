// A fresh instance of one source module, its imports shared with the rest of
// the test file: a query string makes Vite load the file again (where
// vi.resetModules would rebuild every module). For tests of a module's own
// caches, such as marketName's Intl.DisplayNames per locale.
let loads = 0;

/** Imports `src/<path>` again as a new module instance, e.g. `freshImport('markets/marketName.js')`. */
export async function freshImport<T>(path: string): Promise<T> {
  loads += 1;
  return (await import(/* @vite-ignore */ `../../src/${path}?fresh=${loads}`)) as T;
}
