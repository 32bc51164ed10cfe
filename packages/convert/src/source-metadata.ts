import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OnnxModelMetadata } from './onnx/onnx-graph.builder.js';

/**
 * Provenance written into the ONNX file: the source format and the sha256 of every source file (by base name,
 * so the bytes do not depend on where the files lie).
 */
export async function sourceMetadata(format: string, files: readonly string[]): Promise<OnnxModelMetadata> {
  const properties: Record<string, string> = { 'ferbench.source_format': format };
  for (const file of files) properties[`ferbench.source_sha256.${path.basename(file)}`] = createHash('sha256').update(await readFile(file)).digest('hex');
  return { description: `Converted by ferbench from ${format}: ${files.map((f) => path.basename(f)).join(', ')}`, properties };
}
