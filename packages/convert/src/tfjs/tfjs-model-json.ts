import { readFile } from 'node:fs/promises';
import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import type { TfjsWeightGroup } from '../weights/tfjs-weights.reader.js';

/** A TensorFlow attr value as the TF.js converter writes it (proto3 JSON: int64 as strings, bytes as base64). */
export interface TfAttrValue {
  s?: string;
  i?: string | number;
  f?: number;
  b?: boolean;
  type?: string;
  list?: { s?: string[]; i?: (string | number)[]; f?: number[] };
  shape?: { dim?: { size?: string | number }[]; unknownRank?: boolean };
}

export interface TfNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, TfAttrValue>;
}

interface SignatureEntry {
  name: string;
}

export type TfjsModelJson =
  | {
      kind: 'graph';
      nodes: TfNode[];
      signature?: { inputs?: Record<string, SignatureEntry>; outputs?: Record<string, SignatureEntry> };
      weightsManifest: TfjsWeightGroup[];
    }
  | { kind: 'layers'; modelTopology: unknown; weightsManifest: TfjsWeightGroup[] };

/** Reads model.json and tells a graph model (TensorFlow nodes) from a layers model (a Keras config). */
export async function readTfjsModelJson(file: string): Promise<TfjsModelJson> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ConversionError(ConversionErrorCode.BadModelFile, `${file} is not readable JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw bad(file, 'not a TF.js model.json object');
  const o = json as Record<string, unknown>;
  const topology = o['modelTopology'] as Record<string, unknown> | undefined;
  const weightsManifest = o['weightsManifest'];
  if (!Array.isArray(weightsManifest) || topology === null || typeof topology !== 'object') throw bad(file, 'no modelTopology and weightsManifest');
  const manifest = weightsManifest as TfjsWeightGroup[];
  if (o['format'] === 'graph-model' || Array.isArray(topology['node'])) {
    if (!Array.isArray(topology['node'])) throw bad(file, 'a graph model without nodes');
    const signature = (o['signature'] ?? (o['userDefinedMetadata'] as Record<string, unknown> | undefined)?.['signature']) as
      | { inputs?: Record<string, SignatureEntry>; outputs?: Record<string, SignatureEntry> }
      | undefined;
    return { kind: 'graph', nodes: topology['node'] as TfNode[], ...(signature ? { signature } : {}), weightsManifest: manifest };
  }
  if (o['format'] === 'layers-model' || 'class_name' in topology || 'model_config' in topology)
    return { kind: 'layers', modelTopology: topology, weightsManifest: manifest };
  throw bad(file, 'neither a graph model nor a layers model');
}

function bad(file: string, what: string): ConversionError {
  return new ConversionError(ConversionErrorCode.BadModelFile, `${file}: ${what}`);
}
