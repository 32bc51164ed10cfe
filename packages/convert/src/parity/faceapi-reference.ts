import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as tfTypes from '@tensorflow/tfjs';
import { predictInChunks, tfjsCpu } from './tfjs-reference.js';

/** The parts of @vladmandic/face-api this check uses. */
interface FaceApi {
  tf: typeof tfTypes;
  FaceExpressionNet: new () => {
    loadFromWeightMap(weights: tfTypes.NamedTensorMap): void;
    forwardInput(input: unknown): tfTypes.Tensor2D;
  };
  NetInput: new (inputs: tfTypes.Tensor3D[]) => unknown;
}

/**
 * face-api's own FaceExpressionNet forward pass (its normalization included) on RGB 0..255 faces. Its
 * node-wasm build is the one that loads the shared @tensorflow/tfjs (the plain node build needs tfjs-node);
 * the CPU backend is selected, so the wasm backend is registered but never used.
 */
export async function faceApiExpressions(manifestPath: string, rgb: Float32Array, count: number, size: number): Promise<Float32Array> {
  const faceapi = createRequire(__filename)('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
  const tf = await tfjsCpu();
  if (faceapi.tf.getBackend() !== 'cpu') throw new Error('face-api does not share the CPU-backed @tensorflow/tfjs');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as tfTypes.io.WeightsManifestConfig;
  const shards = await Promise.all(manifest.flatMap((g) => g.paths.map((p) => readFile(path.join(path.dirname(manifestPath), p)))));
  const data = Buffer.concat(shards);
  const weights = tf.io.decodeWeights(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength), tf.io.getWeightSpecs(manifest));
  const net = new faceapi.FaceExpressionNet();
  net.loadFromWeightMap(weights);
  // A NetInput built from single images, as face-api builds one; forwardInput resizes (a no-op at 112) and normalizes.
  return predictInChunks((x) => net.forwardInput(new faceapi.NetInput(tf.unstack(x) as tfTypes.Tensor3D[])), rgb, [count, size, size, 3]);
}
