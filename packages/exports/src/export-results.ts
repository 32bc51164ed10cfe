import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { ExportError, ExportErrorCode } from './export-error.js';
import { resolveSelection } from './export-selection.js';
import { ferbenchBuild } from './ferbench-build.js';
import { fileSha256 } from './file-sha256.js';
import { MANIFEST_FILE, type Manifest, type ManifestFile, buildManifest } from './manifest.js';
import { type ResultFigures, resultFigures } from './result-figures.js';
import type { ExportContext, ExportTable } from './tables/export-table.js';
import { agreementTable, leaderboardTable } from './tables/figures.tables.js';
import { imagesTable } from './tables/images.table.js';
import { modelsTable } from './tables/models.table.js';
import { predictionsTable } from './tables/predictions.table.js';
import { openTableWriter } from './writers/open-table-writer.js';
import { type ExportFormat, FORMAT_EXTENSION } from './writers/table-writer.js';

/** The tables of an export, in the order they are written. */
export const EXPORT_TABLES: readonly ExportTable[] = [predictionsTable, imagesTable, modelsTable, leaderboardTable, agreementTable];

export interface ExportOptions {
  datasets: readonly string[] | 'all';
  models: readonly string[] | 'all';
  formats: readonly ExportFormat[];
  /** An empty or absent folder. */
  outDir: string;
  /** For a private dataset: no image keys or paths (hashes, votes and attributes stay). */
  omitImagePaths?: boolean;
  /** Bootstrap of the agreement CIs; default 1000 resamples, seed 1 (as `ferbench report`). */
  bootstrap?: { resamples: number; seed: number };
  log?: (line: string) => void;
}

export interface ExportResult {
  manifest: Manifest;
  figures: ResultFigures;
}

async function ensureEmptyDir(dir: string): Promise<void> {
  const exists = await stat(dir).then((s) => s.isDirectory(), () => null);
  if (exists === false) throw new ExportError(ExportErrorCode.OutputNotEmpty, `--out ${dir}: not a folder`);
  if (exists && (await readdir(dir)).length > 0) throw new ExportError(ExportErrorCode.OutputNotEmpty, `--out ${dir}: expected an empty or new folder, it holds files`);
  await mkdir(dir, { recursive: true });
}

/**
 * Writes every table in every format into outDir, streamed from Postgres (a cursor per query, one batch in memory),
 * then manifest.json with each file's rows, size and sha256, the datasets' content hashes and the models' hashes.
 */
export async function exportResults(pool: pg.Pool, options: ExportOptions): Promise<ExportResult> {
  if (options.formats.length === 0) throw new ExportError(ExportErrorCode.BadFormat, '--format: expected at least one of csv, parquet, json');
  await ensureEmptyDir(options.outDir);
  const log = options.log ?? (() => {});
  const selection = await resolveSelection(pool, options.datasets, options.models);
  const bootstrap = options.bootstrap ?? { resamples: 1000, seed: 1 };
  const figures = await resultFigures(pool, selection, bootstrap);
  const context: ExportContext = { pool, selection, omitImagePaths: options.omitImagePaths === true, bootstrap, figures };
  const files: ManifestFile[] = [];
  for (const table of EXPORT_TABLES) {
    const columns = table.columns(context);
    const names = options.formats.map((format) => ({ format, path: `${table.name}.${FORMAT_EXTENSION[format]}` }));
    const writers = names.map(({ format, path: name }) => openTableWriter(format, path.join(options.outDir, name), columns));
    for await (const batch of table.rows(context)) for (const writer of writers) await writer.write(batch);
    for (const [k, writer] of writers.entries()) {
      const rows = await writer.finish();
      const full = path.join(options.outDir, names[k]!.path);
      files.push({ path: names[k]!.path, table: table.name, format: names[k]!.format, rows, bytes: (await stat(full)).size, sha256: await fileSha256(full) });
    }
    log(`${table.name}: ${files.at(-1)!.rows} rows`);
  }
  const manifest = buildManifest(ferbenchBuild(), {
    options: { omitImagePaths: context.omitImagePaths, ...bootstrap },
    datasets: selection.datasets,
    models: selection.models.map(({ id, name, version, sha256 }) => ({ id, name, version, sha256 })),
    files,
  });
  await writeFile(path.join(options.outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, figures };
}
