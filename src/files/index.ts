/**
 * Node-only file readers: Microsoft's reconciliation files (the Partner
 * Center CSV, Graph's gzip JSON lines) streamed into lines for
 * `reconcileAsync`. The CSV parser (papaparse) and `node:zlib` are used only
 * here and by the CLI, never by a rule subpath.
 *
 * @packageDocumentation
 * @module files
 */
export {
  type ReadItem,
  type ReadReconciliationOptions,
  type ReconciliationFileFormat,
  readReconciliationFile,
  readReconciliationStream,
} from './readReconciliationFile.js';
