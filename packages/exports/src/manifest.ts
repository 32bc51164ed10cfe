import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ExportedDataset } from './export-selection.js';
import { ExportError, ExportErrorCode } from './export-error.js';
import type { FerbenchBuild } from './ferbench-build.js';
import { fileSha256 } from './file-sha256.js';
import type { ExportFormat } from './writers/table-writer.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'ferbench-export/1';

export interface ManifestFile {
  /** Relative to the export folder. */
  path: string;
  table: string;
  format: ExportFormat;
  rows: number;
  bytes: number;
  sha256: string;
}

/** What the export holds: everything its numbers depend on, and nothing about when or by which build it was written. */
export interface ManifestContent {
  options: { omitImagePaths: boolean; resamples: number; seed: number };
  datasets: ExportedDataset[];
  models: { id: string; name: string; version: string; sha256: string }[];
  files: ManifestFile[];
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  ferbench: FerbenchBuild;
  content: ManifestContent;
  /** sha256 of canonicalJson(content): a snapshot's id comes from it. */
  contentSha256: string;
}

/** JSON with object keys sorted at every level, no spaces: one text per value, whatever the key order it was built in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export const contentSha256 = (content: ManifestContent): string => createHash('sha256').update(canonicalJson(content)).digest('hex');

export function buildManifest(ferbench: FerbenchBuild, content: ManifestContent): Manifest {
  return { format: MANIFEST_FORMAT, ferbench, content, contentSha256: contentSha256(content) };
}

/**
 * Reads DIR/manifest.json and checks it: its contentSha256 is its content's, and every file it lists has the
 * listed size and sha256. Throws naming the first file that differs.
 */
export async function verifyManifest(dir: string): Promise<Manifest> {
  const manifest = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
  if (contentSha256(manifest.content) !== manifest.contentSha256)
    throw new ExportError(ExportErrorCode.ManifestMismatch, `${path.join(dir, MANIFEST_FILE)}: contentSha256 is not the sha256 of its content`);
  for (const file of manifest.content.files) {
    const full = path.join(dir, file.path);
    const [bytes, sha256] = [(await stat(full)).size, await fileSha256(full)];
    if (bytes !== file.bytes || sha256 !== file.sha256)
      throw new ExportError(ExportErrorCode.ManifestMismatch, `${full}: expected ${file.bytes} bytes with sha256 ${file.sha256}, found ${bytes} bytes with sha256 ${sha256}`);
  }
  return manifest;
}
