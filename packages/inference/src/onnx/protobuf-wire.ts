/**
 * Protocol-buffer wire format, read and written field by field without a schema: an edit of a few fields of an
 * ONNX file keeps every other byte as it was (a schema-based decode drops the fields its schema leaves out).
 */

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

export interface WireField {
  field: number;
  wire: number;
  /** The varint's value (wire 0). */
  varint?: bigint;
  /** The payload: a length-delimited field's bytes (wire 2), or the 4/8 raw bytes of a fixed field. */
  bytes?: Uint8Array;
}

function readVarint(buf: Uint8Array, at: number): [bigint, number] {
  let value = 0n;
  let shift = 0n;
  for (let i = at; i < buf.length; i++) {
    const b = buf[i] as number;
    value |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return [value, i + 1];
    shift += 7n;
    if (shift > 70n) break;
  }
  throw new RangeError(`malformed protobuf: varint at byte ${at} runs past its 10 bytes or the end`);
}

/** The fields of one message, in the order they are stored. */
export function readFields(buf: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let at = 0;
  while (at < buf.length) {
    const [key, next] = readVarint(buf, at);
    at = next;
    const field = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (wire === WIRE_VARINT) {
      const [varint, after] = readVarint(buf, at);
      fields.push({ field, wire, varint });
      at = after;
    } else if (wire === WIRE_BYTES) {
      const [length, start] = readVarint(buf, at);
      const end = start + Number(length);
      if (end > buf.length) throw new RangeError(`malformed protobuf: field ${field} at byte ${at} claims ${length} bytes, ${buf.length - start} remain`);
      fields.push({ field, wire, bytes: buf.subarray(start, end) });
      at = end;
    } else if (wire === WIRE_FIXED64 || wire === WIRE_FIXED32) {
      const size = wire === WIRE_FIXED64 ? 8 : 4;
      fields.push({ field, wire, bytes: buf.subarray(at, at + size) });
      at += size;
    } else throw new RangeError(`malformed protobuf: wire type ${wire} (field ${field}) at byte ${at}`);
  }
  return fields;
}

function varintBytes(value: bigint): number[] {
  // Negative int64 values are stored as their 64-bit two's complement.
  let v = value < 0n ? value + (1n << 64n) : value;
  const out: number[] = [];
  do {
    const low = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v > 0n ? low | 0x80 : low);
  } while (v > 0n);
  return out;
}

/** One message's bytes from its fields. */
export function writeFields(fields: readonly WireField[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const push = (part: Uint8Array) => {
    parts.push(part);
    total += part.length;
  };
  for (const f of fields) {
    push(Uint8Array.from(varintBytes(BigInt((f.field << 3) | f.wire))));
    if (f.wire === WIRE_VARINT) push(Uint8Array.from(varintBytes(f.varint ?? 0n)));
    else {
      const bytes = f.bytes ?? new Uint8Array(0);
      if (f.wire === WIRE_BYTES) push(Uint8Array.from(varintBytes(BigInt(bytes.length))));
      push(bytes);
    }
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export const textOf = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes ?? new Uint8Array(0));
export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The packed or repeated varints of a field (int64s such as dims), however they were stored. */
export function varints(fields: readonly WireField[], field: number): bigint[] {
  const out: bigint[] = [];
  for (const f of fields) {
    if (f.field !== field) continue;
    if (f.wire === WIRE_VARINT) out.push(BigInt.asIntN(64, f.varint ?? 0n));
    else if (f.wire === WIRE_BYTES) {
      let at = 0;
      const buf = f.bytes ?? new Uint8Array(0);
      while (at < buf.length) {
        const [v, next] = readVarint(buf, at);
        out.push(BigInt.asIntN(64, v));
        at = next;
      }
    }
  }
  return out;
}
