import type { ByteBuffer } from 'flatbuffers';

/**
 * A table of a flatbuffer read by field id, as flatc's generated accessors do (vtable slot 4 + 2·id), through the
 * `flatbuffers` package's ByteBuffer. Ids and defaults come from TFLite's published schema (tflite-schema.ts).
 */
export class FlatTable {
  constructor(
    readonly bb: ByteBuffer,
    readonly pos: number,
  ) {}

  static root(bb: ByteBuffer): FlatTable {
    return new FlatTable(bb, bb.readInt32(bb.position()) + bb.position());
  }

  private field(id: number): number {
    return this.bb.__offset(this.pos, 4 + 2 * id);
  }

  /** Where a scalar field's bytes lie in the buffer, or undefined when it is absent (left at its default). */
  positionOf(id: number): number | undefined {
    const o = this.field(id);
    return o ? this.pos + o : undefined;
  }

  has(id: number): boolean {
    return this.field(id) !== 0;
  }

  int32(id: number, fallback = 0): number {
    const o = this.field(id);
    return o ? this.bb.readInt32(this.pos + o) : fallback;
  }

  uint32(id: number, fallback = 0): number {
    const o = this.field(id);
    return o ? this.bb.readUint32(this.pos + o) : fallback;
  }

  int8(id: number, fallback = 0): number {
    const o = this.field(id);
    return o ? this.bb.readInt8(this.pos + o) : fallback;
  }

  uint8(id: number, fallback = 0): number {
    const o = this.field(id);
    return o ? this.bb.readUint8(this.pos + o) : fallback;
  }

  bool(id: number, fallback = false): boolean {
    const o = this.field(id);
    return o ? this.bb.readInt8(this.pos + o) !== 0 : fallback;
  }

  float32(id: number, fallback = 0): number {
    const o = this.field(id);
    return o ? this.bb.readFloat32(this.pos + o) : fallback;
  }

  string(id: number): string | undefined {
    const o = this.field(id);
    return o ? (this.bb.__string(this.pos + o) as string) : undefined;
  }

  /** A sub-table (or a union's value). */
  table(id: number): FlatTable | undefined {
    const o = this.field(id);
    return o ? new FlatTable(this.bb, this.bb.__indirect(this.pos + o)) : undefined;
  }

  tables(id: number): FlatTable[] {
    const o = this.field(id);
    if (!o) return [];
    const start = this.bb.__vector(this.pos + o);
    const n = this.bb.__vector_len(this.pos + o);
    return Array.from({ length: n }, (_, i) => new FlatTable(this.bb, this.bb.__indirect(start + 4 * i)));
  }

  int32s(id: number): number[] {
    const o = this.field(id);
    if (!o) return [];
    const start = this.bb.__vector(this.pos + o);
    return Array.from({ length: this.bb.__vector_len(this.pos + o) }, (_, i) => this.bb.readInt32(start + 4 * i));
  }

  /** A [ubyte] vector as a view of the file's bytes (no copy). */
  bytes(id: number): Uint8Array {
    const o = this.field(id);
    if (!o) return new Uint8Array(0);
    const start = this.bb.__vector(this.pos + o);
    const bytes = this.bb.bytes();
    return bytes.subarray(start, start + this.bb.__vector_len(this.pos + o));
  }
}
