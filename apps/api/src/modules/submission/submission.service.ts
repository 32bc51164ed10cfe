import type { Readable } from 'node:stream';
import { checkModelFile, describeOnnx, InferenceError, InferenceErrorCode, type OnnxDescription, readOnnxHeader } from '@ferbench/inference';
import { type ModelCard, ModelCardError, validateModelCard } from '@ferbench/shared';
import type { Public } from '../../container/public.js';
import type { TokenService } from '../token/token.service.js';
import type { ModelFileStore, ReceivedUpload } from './model-file.store.js';
import { SubmissionError, SubmissionErrorCode } from './submission.error.js';
import type { DatasetProgressRow, SubmissionRepository, SubmissionRow, SubmissionStatus } from './submission.repository.js';

/** An upload nobody submitted within this time is deleted. */
export const UPLOAD_TTL_MS = 60 * 60 * 1000;

/** Uploads one token may have waiting (uploaded, not yet submitted or expired) at once. */
export const MAX_WAITING_UPLOADS = 5;

export interface SubmissionSettings {
  files: Public<ModelFileStore>;
  maxUploadBytes: number;
}

export interface UploadReceipt extends ReceivedUpload {
  expiresAt: Date;
  /** The file's inputs and outputs as onnxruntime reads them (for a form to prefill the card); null: it cannot load it. */
  graph: OnnxDescription | null;
}

export interface SubmitResult {
  submission: SubmissionRow;
  /** The same file had been submitted before: that submission is returned and nothing new is queued. */
  deduplicated: boolean;
}

/** What the card check found, as the submission error the client sees. */
function fileProblem(error: unknown): SubmissionError {
  if (error instanceof InferenceError && error.code === InferenceErrorCode.OnnxUnreadable)
    return new SubmissionError(SubmissionErrorCode.OnnxUnreadable, { problems: error.problems });
  if (error instanceof InferenceError && (error.code === InferenceErrorCode.OnnxMismatch || error.code === InferenceErrorCode.Sha256Mismatch))
    return new SubmissionError(SubmissionErrorCode.CardContradictsFile, { problems: error.problems });
  throw error;
}

/** A unique violation from a submission racing ours, as the error the check before it would have raised. */
function clash(error: unknown, card: ModelCard): unknown {
  const constraint = (error as { constraint?: unknown }).constraint;
  if (constraint === 'models_pkey') return new SubmissionError(SubmissionErrorCode.ModelIdTaken, { modelId: card.id });
  if (constraint === 'models_name_version') return new SubmissionError(SubmissionErrorCode.ModelNameTaken, { name: card.name, version: card.version });
  return error;
}

/**
 * Model submission in two steps: upload the ONNX bytes (an HTTP route), then submit them with their card (a
 * mutation). Both need an API token. A rejected submission leaves nothing behind: its upload is deleted and no row
 * is written; an accepted one is registered as a model and queued for the workers.
 */
export class SubmissionService {
  constructor(
    private readonly repository: Public<SubmissionRepository>,
    private readonly tokens: Pick<TokenService, 'authenticate'>,
    /** undefined: this server takes no submissions (no data folder was configured). */
    private readonly settings: SubmissionSettings | undefined,
  ) {}

  private enabled(): SubmissionSettings {
    if (this.settings === undefined) throw new SubmissionError(SubmissionErrorCode.Disabled, {});
    return this.settings;
  }

  async upload(authorization: string | undefined, body: Readable, declaredBytes: number | undefined): Promise<UploadReceipt> {
    const holder = await this.tokens.authenticate(authorization);
    const { files, maxUploadBytes } = this.enabled();
    // Refuse what is declared too big before reading a byte of it.
    if (declaredBytes !== undefined && declaredBytes > maxUploadBytes)
      throw new SubmissionError(SubmissionErrorCode.UploadTooLarge, { limitBytes: maxUploadBytes });
    await files.sweep(UPLOAD_TTL_MS);
    const waiting = await files.waitingUploads(holder.id);
    if (waiting >= MAX_WAITING_UPLOADS)
      throw new SubmissionError(SubmissionErrorCode.UploadQuotaReached, { waiting, max: MAX_WAITING_UPLOADS, ttlMinutes: UPLOAD_TTL_MS / 60_000 });
    const received = await files.receive(holder.id, body, maxUploadBytes);
    // Only ONNX is kept: anything else (an image, text, random bytes) is refused now, not an hour later.
    const file = files.uploadFile(holder.id, received.uploadId)!;
    const notOnnx = await readOnnxHeader(file).then(
      () => null,
      (error: unknown) => (error instanceof InferenceError ? error : Promise.reject(error)),
    );
    if (notOnnx !== null) {
      await files.discardUpload(holder.id, received.uploadId);
      throw new SubmissionError(SubmissionErrorCode.UploadNotOnnx, { bytes: received.bytes, sha256: received.sha256, problems: notOnnx.problems });
    }
    // Not a refusal: submitModel says precisely why a file that onnxruntime cannot load is refused.
    const graph = await describeOnnx(file).catch(() => null);
    return { ...received, expiresAt: new Date(Date.now() + UPLOAD_TTL_MS), graph };
  }

  async submit(authorization: string | undefined, uploadId: string, rawCard: Record<string, unknown>): Promise<SubmitResult> {
    const holder = await this.tokens.authenticate(authorization);
    const { files } = this.enabled();
    const upload = files.uploadFile(holder.id, uploadId);
    if (upload === null) throw new SubmissionError(SubmissionErrorCode.UploadNotFound, { uploadId });
    let adopted: { sha256: string; created: boolean } | undefined;
    let card: ModelCard | undefined;
    try {
      card = this.validCard(rawCard, files);
      await checkModelFile(card, upload).catch((error: unknown) => Promise.reject(fileProblem(error)));
      const earlier = await this.repository.findBySha256(card.sha256);
      if (earlier !== null) {
        await files.discardUpload(holder.id, uploadId);
        return { submission: earlier, deduplicated: true };
      }
      await this.refuseClashes(card);
      const { created } = await files.adopt(holder.id, uploadId, card.sha256);
      adopted = { sha256: card.sha256, created };
      const id = await this.repository.create({ tokenId: holder.id, card, fileBytes: await files.readModelFile(card.sha256) });
      return { submission: (await this.repository.findById(id))!, deduplicated: false };
    } catch (error) {
      await files.discardUpload(holder.id, uploadId);
      if (adopted?.created) await files.removeModelFile(adopted.sha256);
      throw card === undefined ? error : clash(error, card);
    }
  }

  /** The card as given, with `file` set to where the server keeps the model (whatever the client sent there). */
  private validCard(rawCard: Record<string, unknown>, files: Public<ModelFileStore>): ModelCard {
    try {
      const card = validateModelCard({ ...rawCard, file: 'set by the server' }, 'card');
      return { ...card, file: files.modelFile(card.sha256) };
    } catch (error) {
      if (error instanceof ModelCardError) throw new SubmissionError(SubmissionErrorCode.CardInvalid, { problems: error.problems });
      throw error;
    }
  }

  private async refuseClashes(card: ModelCard): Promise<void> {
    for (const model of await this.repository.clashingModels(card)) {
      if (model.sha256 === card.sha256) throw new SubmissionError(SubmissionErrorCode.ModelAlreadyRegistered, { modelId: model.id });
      if (model.id === card.id) throw new SubmissionError(SubmissionErrorCode.ModelIdTaken, { modelId: card.id });
      throw new SubmissionError(SubmissionErrorCode.ModelNameTaken, { name: card.name, version: card.version });
    }
  }

  find(id: string): Promise<SubmissionRow | null> {
    return /^[1-9][0-9]{0,17}$/.test(id) ? this.repository.findById(id) : Promise.resolve(null);
  }

  list(options: { status: SubmissionStatus | undefined; before: string | undefined; limit: number }): Promise<SubmissionRow[]> {
    return this.repository.list(options);
  }

  progress(submissionId: string): Promise<DatasetProgressRow[]> {
    return this.repository.progress(submissionId);
  }
}
