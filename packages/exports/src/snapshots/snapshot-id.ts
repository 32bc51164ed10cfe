import type { Manifest } from '../manifest.js';

/** Hex digits of the manifest's content hash that name a snapshot: 64 bits, short enough for a URL or a citation. */
export const SNAPSHOT_ID_LENGTH = 16;

/**
 * A snapshot's id: the start of its manifest's contentSha256, the hash of every file's sha256, the datasets' content
 * hashes and the models' hashes. Same predictions, same id; any changed prediction changes a file and so the id.
 * ferbench's version and commit are in the manifest but not in the hash, so rebuilding ferbench keeps the id.
 */
export const snapshotId = (manifest: Manifest): string => manifest.contentSha256.slice(0, SNAPSHOT_ID_LENGTH);
