// Options of fast-check's fc.anything that reach the odd corners of JavaScript
// values: null prototypes, boxed values, sparse and typed arrays, Dates, Maps,
// Sets, bigints, any Unicode. Shared by the schemas' and the areas' fuzzers.
export const ODD_VALUES = {
  withNullPrototype: true,
  withBoxedValues: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withBigInt: true,
  withUnicodeString: true,
} as const;
