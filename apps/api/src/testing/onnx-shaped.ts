/** A protobuf varint. */
function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
}

/**
 * Exactly `total` bytes that pass the upload's ModelProto header check (ir_version 8, then a graph of `graphFill`
 * bytes) but that onnxruntime cannot load: for upload tests that need a file accepted at upload without a real
 * model. total must leave room for the 2-byte ir_version and the graph's tag and length.
 */
export function onnxShapedBytes(total: number, graphFill = 0x07): Uint8Array {
  const ir = [0x08, 0x08];
  for (let lengthBytes = 1; lengthBytes <= 5; lengthBytes++) {
    const graphLength = total - ir.length - 1 - lengthBytes;
    if (graphLength >= 0 && varint(graphLength).length === lengthBytes) {
      const bytes = new Uint8Array(total).fill(graphFill);
      bytes.set([...ir, 0x3a, ...varint(graphLength)], 0);
      return bytes;
    }
  }
  throw new Error(`cannot shape ${total} bytes as a ModelProto`);
}
