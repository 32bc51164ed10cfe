import { existsSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { MANIFEST_FILE, type Manifest, exportResults, fileSha256 } from '@ferbench/exports';
import { modelsPredictedOn, pgRows } from '@ferbench/scores';
import type pg from 'pg';
import type { Public } from '../../container/public.js';
import type { DatasetService } from '../dataset/dataset.service.js';
import { DOWNLOAD_FILES, DOWNLOAD_FORMATS } from './download-files.js';
import { DownloadError, DownloadErrorCode } from './download.error.js';
import type { DownloadRepository } from './download.repository.js';

export interface DownloadSettings {
  /** Where exports are cached, one folder per dataset and results fingerprint (FERBENCH_DATA_DIR/exports). */
  dir: string;
  /**
   * Whether a dataset's images are private: its export then leaves out image keys and paths (the export option
   * omitImagePaths) and keeps hashes, votes and attributes. Default: none is.
   */
  isPrivate?: (datasetId: string) => Promise<boolean>;
}

export interface DownloadFile {
  absolutePath: string;
  sha256: string;
  /** What the browser saves it as: dataset, results hash and file name. */
  downloadName: string;
}

/**
 * A dataset's export as files to download: written once per results fingerprint (the export streams from Postgres
 * through a cursor into the cache folder), then served from disk by its sha256 until a run changes the results.
 */
export class DownloadService {
  private readonly writing = new Map<string, Promise<Manifest>>();

  constructor(
    private readonly repository: Public<DownloadRepository>,
    private readonly datasets: Pick<DatasetService, 'get'>,
    private readonly pool: () => pg.Pool,
    private readonly settings: DownloadSettings | undefined,
  ) {}

  async file(datasetId: string, file: string): Promise<DownloadFile> {
    if (this.settings === undefined) throw new DownloadError(DownloadErrorCode.NotConfigured, {});
    await this.datasets.get(datasetId);
    if (!DOWNLOAD_FILES.includes(file)) throw new DownloadError(DownloadErrorCode.UnknownFile, { dataset: datasetId, file, files: DOWNLOAD_FILES });
    const omitImagePaths = (await this.settings.isPrivate?.(datasetId)) ?? false;
    const key = `${(await this.repository.resultsFingerprint(datasetId)).slice(0, 32)}${omitImagePaths ? '-private' : ''}`;
    const dir = path.join(this.settings.dir, datasetId, key);
    const manifest = await this.ensureExport(dir, datasetId, omitImagePaths);
    const absolutePath = path.join(dir, file);
    const listed = manifest.content.files.find((f) => f.path === file);
    const sha256 = listed?.sha256 ?? (await fileSha256(absolutePath));
    return { absolutePath, sha256, downloadName: `ferbench-${datasetId}-${manifest.contentSha256.slice(0, 12)}-${file}` };
  }

  private ensureExport(dir: string, datasetId: string, omitImagePaths: boolean): Promise<Manifest> {
    const manifestFile = path.join(dir, MANIFEST_FILE);
    if (existsSync(manifestFile)) return readFile(manifestFile, 'utf8').then((text) => JSON.parse(text) as Manifest);
    let pending = this.writing.get(dir);
    if (pending === undefined) {
      pending = this.writeExport(dir, datasetId, omitImagePaths).finally(() => this.writing.delete(dir));
      this.writing.set(dir, pending);
    }
    return pending;
  }

  private async writeExport(dir: string, datasetId: string, omitImagePaths: boolean): Promise<Manifest> {
    const pool = this.pool();
    const work = `${dir}.writing-${randomUUID()}`;
    try {
      const { manifest } = await exportResults(pool, {
        datasets: [datasetId],
        models: await modelsPredictedOn(pgRows(pool), datasetId),
        formats: DOWNLOAD_FORMATS,
        outDir: work,
        omitImagePaths,
      });
      if (existsSync(dir)) await rm(work, { recursive: true, force: true });
      else await rename(work, dir);
      return manifest;
    } catch (error) {
      await rm(work, { recursive: true, force: true });
      throw error;
    }
  }
}
