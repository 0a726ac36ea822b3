// A fresh instance of one source module, its imports shared with the rest of
// the test file: a query string makes Vite load the file again. Mutation
// testing then counts that module's constants (built at import) as covered by
// the test that reads them, and no other module's (vi.resetModules would
// rebuild every module, and count them all).
let loads = 0;

/** Imports `src/<path>` again as a new module instance, e.g. `freshImport('schemas/jsonSchema.js')`. */
export async function freshImport<T>(path: string): Promise<T> {
  loads += 1;
  return (await import(/* @vite-ignore */ `../../src/${path}?fresh=${loads}`)) as T;
}
