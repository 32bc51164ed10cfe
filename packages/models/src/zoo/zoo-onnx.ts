import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { convertModel } from '@ferbench/convert';
import { ZOO_DIR } from './load-zoo-manifest.js';
import type { ZooModel } from './zoo-manifest.js';

/** A zoo model's ONNX bytes from its convert input: the ready file, or converted (with its architecture, if any). */
export function zooOnnxBytes(model: ZooModel, input: string): Promise<Uint8Array> {
  if (model.convert.from === 'ready') return readFile(input);
  const architecture = model.convert.architecture === undefined ? undefined : path.join(ZOO_DIR, model.convert.architecture);
  return convertModel(input, model.convert.from, { architecture });
}
