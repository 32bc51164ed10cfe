import type { ModelCard } from '@ferbench/shared';
import { InferenceError, InferenceErrorCode } from '../inference-error.js';
import { sha256File } from '../sha256.js';
import { inspectOnnx } from './inspect-onnx.js';
import { cardGraphMismatches } from './onnx-card-check.js';

/**
 * Checks an ONNX file against its (already validated) card: the file's sha256 is the card's, onnxruntime can load
 * it, and its graph's inputs and outputs are the ones the card describes. Returns the sha256. `model add` and
 * model submissions through the API both go through here.
 */
export async function checkModelFile(card: ModelCard, file: string): Promise<string> {
  const sha256 = await sha256File(file);
  if (sha256 !== card.sha256)
    throw new InferenceError(InferenceErrorCode.Sha256Mismatch, `model ${card.id}: sha256 mismatch: the card says ${card.sha256}, ${file} is ${sha256}`, [
      `sha256: the card says ${card.sha256}, the file's is ${sha256}`,
    ]);
  let graph: Awaited<ReturnType<typeof inspectOnnx>>;
  try {
    graph = await inspectOnnx(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InferenceError(InferenceErrorCode.OnnxUnreadable, `model ${card.id}: ${file} is not an ONNX model onnxruntime can load: ${reason}`, [
      reason.split(file).join('the file'),
    ]);
  }
  const mismatches = cardGraphMismatches(card, graph);
  if (mismatches.length > 0)
    throw new InferenceError(InferenceErrorCode.OnnxMismatch, `model ${card.id}: the card does not match ${file}:\n${mismatches.map((m) => `  - ${m}`).join('\n')}`, mismatches);
  return sha256;
}
