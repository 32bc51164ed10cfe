import { open } from 'node:fs/promises';
import { InferenceError, InferenceErrorCode } from '../inference-error.js';

/** ModelProto's top-level fields (onnx/onnx.proto) and their wire types: 0 varint, 2 length-delimited. */
const MODEL_PROTO_FIELDS: ReadonlyMap<number, { name: string; wire: 0 | 2 }> = new Map([
  [1, { name: 'ir_version', wire: 0 }],
  [2, { name: 'producer_name', wire: 2 }],
  [3, { name: 'producer_version', wire: 2 }],
  [4, { name: 'domain', wire: 2 }],
  [5, { name: 'model_version', wire: 0 }],
  [6, { name: 'doc_string', wire: 2 }],
  [7, { name: 'graph', wire: 2 }],
  [8, { name: 'opset_import', wire: 2 }],
  [14, { name: 'metadata_props', wire: 2 }],
  [20, { name: 'training_info', wire: 2 }],
  [25, { name: 'functions', wire: 2 }],
  [26, { name: 'configuration', wire: 2 }],
]);

/** Highest IR version the check accepts: ONNX is at 11 (1.18); room for the next few. */
const MAX_IR_VERSION = 64;
const MAX_TOP_LEVEL_FIELDS = 100_000;

export interface OnnxHeader {
  irVersion: number;
  /** Bytes of the serialized GraphProto. */
  graphBytes: number;
  opsetImports: number;
}

/** A varint at `at` of `bytes`: its value (as a number; ≤ 2^53 is plenty here) and its length, or null. */
function varint(bytes: Uint8Array, at: number): { value: number; length: number } | null {
  let value = 0;
  let scale = 1;
  for (let k = 0; k < 10 && at + k < bytes.length; k++) {
    const byte = bytes[at + k]!;
    value += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) return { value, length: k + 1 };
    scale *= 128;
  }
  return null;
}

/**
 * Reads the top level of an ONNX file as a protobuf ModelProto without loading it: every field must be one of
 * ModelProto's with its wire type, lengths must land inside the file and end exactly at its end, and ir_version and
 * graph must be there. Reads a few bytes per field (the graph itself is skipped), so it costs nothing on a big
 * model and refuses any other file (an image, text, random bytes) before onnxruntime is asked to parse it.
 */
export async function readOnnxHeader(file: string): Promise<OnnxHeader> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const window = new Uint8Array(24);
    const refuse = (problem: string): never => {
      throw new InferenceError(InferenceErrorCode.OnnxUnreadable, `not an ONNX model (a protobuf ModelProto): ${problem}`, [problem]);
    };
    if (size === 0) refuse('the file is empty');
    let at = 0;
    let irVersion: number | undefined;
    let graphBytes: number | undefined;
    let opsetImports = 0;
    for (let count = 0; at < size; count++) {
      if (count >= MAX_TOP_LEVEL_FIELDS) refuse(`more than ${MAX_TOP_LEVEL_FIELDS} top-level fields`);
      const { bytesRead } = await handle.read(window, 0, window.length, at);
      const view = window.subarray(0, bytesRead);
      const tag = varint(view, 0);
      if (tag === null) refuse(`byte ${at}: not a protobuf field tag`);
      const field = Math.floor(tag!.value / 8);
      const wire = tag!.value % 8;
      const known = MODEL_PROTO_FIELDS.get(field);
      if (known === undefined)
        refuse(at === 0 ? `it does not start with a ModelProto field (first byte 0x${view[0]!.toString(16).padStart(2, '0')}; an ONNX file starts with 0x08, its ir_version)` : `byte ${at}: field ${field} is not a ModelProto field`);
      if (known!.wire !== wire) refuse(`byte ${at}: ${known!.name} has wire type ${wire}, expected ${known!.wire}`);
      const payload = varint(view, tag!.length);
      if (payload === null) refuse(`byte ${at}: ${known!.name} is cut off`);
      const headerLength = tag!.length + payload!.length;
      if (wire === 0) {
        if (field === 1) irVersion = payload!.value;
        at += headerLength;
      } else {
        const end = at + headerLength + payload!.value;
        if (end > size) refuse(`byte ${at}: ${known!.name} declares ${payload!.value} bytes, past the end of the file (${size} bytes)`);
        if (field === 7) graphBytes = payload!.value;
        if (field === 8) opsetImports++;
        at = end;
      }
    }
    if (irVersion === undefined) refuse('it has no ir_version');
    if (irVersion! < 1 || irVersion! > MAX_IR_VERSION) refuse(`ir_version ${irVersion} is not an ONNX IR version (1 to ${MAX_IR_VERSION})`);
    if (graphBytes === undefined) refuse('it has no graph');
    return { irVersion: irVersion!, graphBytes: graphBytes!, opsetImports };
  } finally {
    await handle.close();
  }
}
