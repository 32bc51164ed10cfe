import { existsSync } from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { InferenceError, InferenceErrorCode } from './inference-error.js';

/** Where inference runs: the CPU, or an NVIDIA GPU through onnxruntime's CUDA execution provider. */
export const DEVICES = ['cpu', 'cuda'] as const;
export type Device = (typeof DEVICES)[number];

export interface ExecutionProviderChoice {
  /** Execution providers in order of preference, always ending in cpu. */
  providers: string[];
  /** The one that will run the model: the first available. */
  chosen: string;
}

/** What each device asks onnxruntime for, best first; cpu last so that an op the device lacks still runs. */
const PREFERENCES: Record<Device, string[]> = { cpu: ['cpu'], cuda: ['cuda', 'cpu'] };

/**
 * onnxruntime-node ships the CUDA provider as a separate library that its install script downloads; without it
 * a CUDA session fails deep inside ORT with a cryptic message, so look for it first.
 */
function cudaProviderInstalled(): boolean {
  const backend = ort.listSupportedBackends().find((b) => b.name === 'cuda');
  if (backend === undefined) return false;
  if (backend.bundled) return true;
  const binDir = path.join(path.dirname(require.resolve('onnxruntime-node/package.json')), 'bin', 'napi-v6', process.platform, process.arch);
  return existsSync(path.join(binDir, 'libonnxruntime_providers_cuda.so'));
}

export function chooseExecutionProviders(device: Device): ExecutionProviderChoice {
  const providers = PREFERENCES[device];
  if (device === 'cuda' && !cudaProviderInstalled())
    throw new InferenceError(
      InferenceErrorCode.DeviceUnavailable,
      'device cuda: this onnxruntime-node has no CUDA execution provider (listSupportedBackends() reports cuda as not bundled, ' +
        'and libonnxruntime_providers_cuda.so is not installed because its install script, which downloads it, is skipped). ' +
        'Run with --device cpu (or FERBENCH_DEVICE=cpu).',
    );
  return { providers, chosen: providers[0] as string };
}
