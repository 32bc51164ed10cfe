import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { float16ToFloat32 } from './float16.js';
import { elementCount, type IntTensor, type WeightTensor } from './weight-tensor.js';

/** One entry of a TF.js weights manifest (model.json's weightsManifest, or face-api's *-weights_manifest.json). */
export interface TfjsWeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; scale?: number; min?: number; original_dtype?: string };
}

export interface TfjsWeightGroup {
  paths: string[];
  weights: TfjsWeightSpec[];
}

export type TfjsWeight = ({ dtype: 'float32' } & WeightTensor) | ({ dtype: 'int32' } & IntTensor);

/** Reads every group's shards (paths relative to `dir`) and decodes each weight by name. */
export async function readTfjsWeights(dir: string, manifest: readonly TfjsWeightGroup[]): Promise<Map<string, TfjsWeight>> {
  const weights = new Map<string, TfjsWeight>();
  for (const group of manifest) {
    const shards = await Promise.all(group.paths.map((p) => readFile(path.join(dir, p))));
    const buffer = Buffer.concat(shards);
    let offset = 0;
    for (const spec of group.weights) {
      const { weight, bytes } = decodeWeight(spec, buffer, offset);
      weights.set(spec.name, weight);
      offset += bytes;
    }
    if (offset !== buffer.length)
      throw new ConversionError(ConversionErrorCode.BadModelFile, `weights manifest describes ${offset} bytes, the shards ${group.paths.join(', ')} hold ${buffer.length}`);
  }
  return weights;
}

/**
 * Decodes one weight as TF.js does (tfjs-core io.decodeWeights): float32/int32 as stored; float16 widened;
 * uint8/uint16 affine-quantized as q·scale + min, computed in double and stored as float32.
 */
function decodeWeight(spec: TfjsWeightSpec, buffer: Buffer, offset: number): { weight: TfjsWeight; bytes: number } {
  const count = elementCount(spec.shape);
  const q = spec.quantization;
  const storedDtype = q?.dtype ?? spec.dtype;
  const width = { float32: 4, int32: 4, float16: 2, uint16: 2, uint8: 1 }[storedDtype];
  if (width === undefined) throw new ConversionError(ConversionErrorCode.BadModelFile, `weight ${spec.name}: unsupported stored dtype ${storedDtype}`);
  const bytes = count * width;
  if (offset + bytes > buffer.length) throw new ConversionError(ConversionErrorCode.BadModelFile, `weight ${spec.name} runs past the end of its shards`);
  const view = new DataView(buffer.buffer, buffer.byteOffset + offset, bytes);
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    switch (storedDtype) {
      case 'float32':
        values[i] = view.getFloat32(i * 4, true);
        break;
      case 'int32':
        values[i] = view.getInt32(i * 4, true);
        break;
      case 'float16':
        values[i] = float16ToFloat32(view.getUint16(i * 2, true));
        break;
      case 'uint16':
        values[i] = view.getUint16(i * 2, true) * (q?.scale ?? 1) + (q?.min ?? 0);
        break;
      case 'uint8':
        values[i] = view.getUint8(i) * (q?.scale ?? 1) + (q?.min ?? 0);
        break;
    }
  }
  const shape = [...spec.shape];
  if (spec.dtype === 'int32') return { weight: { dtype: 'int32', shape, data: Int32Array.from(values, Math.round) }, bytes };
  if (spec.dtype === 'float32') return { weight: { dtype: 'float32', shape, data: Float32Array.from(values) }, bytes };
  throw new ConversionError(ConversionErrorCode.BadModelFile, `weight ${spec.name}: unsupported dtype ${spec.dtype}`);
}
