// Exports: stored results as files (CSV, Parquet, JSON Lines) with a manifest of hashes; snapshots of them.

export { ExportError, ExportErrorCode } from './export-error.js';
export { EXPORT_FORMATS, type ExportFormat, FORMAT_EXTENSION } from './writers/table-writer.js';
export { type Column, type ColumnType } from './writers/columns.js';
export { EXPORT_TABLES, type ExportOptions, type ExportResult, exportResults } from './export-results.js';
export { type ExportSelection, type ExportedDataset, type ExportedModel, resolveSelection } from './export-selection.js';
export { type AgreementFigure, type LeaderboardFigure, type ResultFigures, resultFigures } from './result-figures.js';
export { MANIFEST_FILE, type Manifest, type ManifestContent, type ManifestFile, canonicalJson, contentSha256, verifyManifest } from './manifest.js';
export { type FerbenchBuild, ferbenchBuild } from './ferbench-build.js';
export { fileSha256 } from './file-sha256.js';
export { PROBABILITY_COLUMNS } from './tables/predictions.table.js';
export { VOTE_COLUMNS } from './tables/images.table.js';
export { SNAPSHOT_ID_LENGTH, snapshotId } from './snapshots/snapshot-id.js';
export { type CreateSnapshotOptions, type CreatedSnapshot, createSnapshot } from './snapshots/create-snapshot.js';
export { type SnapshotRecord, listSnapshots, storeSnapshot } from './snapshots/snapshot.repository.js';
export { streamPredictionsOnly } from './stream-rows-only.js';
