import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SubmissionError, SubmissionErrorCode } from './submission.error.js';

export interface ReceivedUpload {
  uploadId: string;
  sha256: string;
  bytes: number;
}

const UPLOAD_ID = /^[0-9a-f]{32}$/;

/**
 * Submitted ONNX files on disk, under the data folder: an upload waits in uploads/<token id>/<upload id>.onnx
 * (only the token that sent it can submit it) until submitModel accepts it into models/<sha256>.onnx (one copy per
 * distinct file) or rejects it and deletes it. Nothing here knows about cards or the database.
 */
export class ModelFileStore {
  constructor(private readonly dataDir: string) {}

  /** Where an accepted model file is kept: its name is its sha256, so equal files are stored once. */
  modelFile(sha256: string): string {
    return path.join(this.dataDir, 'models', `${sha256}.onnx`);
  }

  private uploadDir(tokenId: string): string {
    return path.join(this.dataDir, 'uploads', tokenId);
  }

  /** Streams a request body to a new upload, hashing as it goes; past `maxBytes` the partial file is deleted. */
  async receive(tokenId: string, body: Readable, maxBytes: number): Promise<ReceivedUpload> {
    const uploadId = randomBytes(16).toString('hex');
    const dir = this.uploadDir(tokenId);
    await mkdir(dir, { recursive: true });
    const partial = path.join(dir, `${uploadId}.part`);
    const hash = createHash('sha256');
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > maxBytes) return done(new SubmissionError(SubmissionErrorCode.UploadTooLarge, { limitBytes: maxBytes }));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(partial));
      if (bytes === 0) throw new SubmissionError(SubmissionErrorCode.UploadEmpty, {});
      await rename(partial, path.join(dir, `${uploadId}.onnx`));
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { uploadId, sha256: hash.digest('hex'), bytes };
  }

  /** The file of a waiting upload of this token, or null (unknown, expired, or another token's). */
  uploadFile(tokenId: string, uploadId: string): string | null {
    if (!UPLOAD_ID.test(uploadId)) return null;
    const file = path.join(this.uploadDir(tokenId), `${uploadId}.onnx`);
    return existsSync(file) ? file : null;
  }

  /** How many uploads (finished or still arriving) this token has waiting. */
  async waitingUploads(tokenId: string): Promise<number> {
    const names = await readdir(this.uploadDir(tokenId)).catch(() => [] as string[]);
    return names.filter((name) => name.endsWith('.onnx') || name.endsWith('.part')).length;
  }

  async discardUpload(tokenId: string, uploadId: string): Promise<void> {
    const file = this.uploadFile(tokenId, uploadId);
    if (file !== null) await rm(file, { force: true });
  }

  /**
   * Moves an accepted upload to models/<sha256>.onnx. `created` is false when that file was there already (the
   * upload is then simply dropped), so that undoing a failed submission never deletes another's file.
   */
  async adopt(tokenId: string, uploadId: string, sha256: string): Promise<{ file: string; created: boolean }> {
    const upload = this.uploadFile(tokenId, uploadId);
    if (upload === null) throw new SubmissionError(SubmissionErrorCode.UploadNotFound, { uploadId });
    const file = this.modelFile(sha256);
    await mkdir(path.dirname(file), { recursive: true });
    if (existsSync(file)) {
      await rm(upload, { force: true });
      return { file, created: false };
    }
    await rename(upload, file);
    return { file, created: true };
  }

  /** An accepted model file's bytes (stored in the database too, for workers on other machines). */
  readModelFile(sha256: string): Promise<Buffer> {
    return readFile(this.modelFile(sha256));
  }

  async removeModelFile(sha256: string): Promise<void> {
    await rm(this.modelFile(sha256), { force: true });
  }

  /** Deletes uploads (and partial ones) older than `maxAgeMs`: uploads nobody submitted. */
  async sweep(maxAgeMs: number, now = Date.now()): Promise<number> {
    const root = path.join(this.dataDir, 'uploads');
    if (!existsSync(root)) return 0;
    let removed = 0;
    for (const token of await readdir(root))
      for (const name of await readdir(path.join(root, token)).catch(() => [] as string[])) {
        const file = path.join(root, token, name);
        const info = await stat(file).catch(() => null);
        if (info !== null && now - info.mtimeMs > maxAgeMs) {
          await rm(file, { force: true });
          removed++;
        }
      }
    return removed;
  }
}
