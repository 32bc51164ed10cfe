import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import type { TfPadding } from '../nhwc/tf-padding.js';
import type { TfAttrValue, TfNode } from './tfjs-model-json.js';

/** Typed reads of a TensorFlow node's attrs; a missing or odd attr names the node and its op. */
export class TfNodeAttrs {
  constructor(private readonly node: TfNode) {}

  private get(key: string): TfAttrValue | undefined {
    return this.node.attr?.[key];
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  string(key: string, fallback?: string): string {
    const s = this.get(key)?.s;
    if (s === undefined) {
      if (fallback !== undefined) return fallback;
      throw this.bad(key, 'a string');
    }
    return Buffer.from(s, 'base64').toString('utf8');
  }

  strings(key: string): string[] {
    return (this.get(key)?.list?.s ?? []).map((s) => Buffer.from(s, 'base64').toString('utf8'));
  }

  int(key: string, fallback?: number): number {
    const i = this.get(key)?.i;
    if (i === undefined) {
      if (fallback !== undefined) return fallback;
      throw this.bad(key, 'an integer');
    }
    return Number(i);
  }

  ints(key: string): number[] {
    return (this.get(key)?.list?.i ?? []).map(Number);
  }

  float(key: string, fallback?: number): number {
    const f = this.get(key)?.f;
    if (f === undefined) {
      if (fallback !== undefined) return fallback;
      throw this.bad(key, 'a float');
    }
    return f;
  }

  boolean(key: string, fallback = false): boolean {
    return this.get(key)?.b ?? fallback;
  }

  /** [h, w] out of a 4-element NHWC list such as strides or ksize. */
  spatial(key: string, fallback: number): [number, number] {
    const list = this.ints(key);
    if (list.length === 0) return [fallback, fallback];
    if (list.length !== 4) throw this.bad(key, 'a list of 4 integers');
    return [list[1] ?? fallback, list[2] ?? fallback];
  }

  /** padding SAME / VALID / EXPLICIT (explicit_paddings: [n0, n1, h0, h1, w0, w1, c0, c1]). */
  padding(): TfPadding {
    const padding = this.string('padding');
    if (padding === 'SAME') return 'same';
    if (padding === 'VALID') return 'valid';
    if (padding === 'EXPLICIT') {
      const [, , top, bottom, left, right] = this.ints('explicit_paddings');
      if (top === undefined || bottom === undefined || left === undefined || right === undefined) throw this.bad('explicit_paddings', '8 integers');
      return { top, bottom, left, right };
    }
    throw this.unsupported(`padding ${padding}`);
  }

  requireNhwc(): void {
    const format = this.string('data_format', 'NHWC');
    if (format !== 'NHWC') throw this.unsupported(`data_format ${format}`);
  }

  unsupported(what: string): ConversionError {
    return new ConversionError(ConversionErrorCode.UnsupportedConfig, `${this.node.op} node '${this.node.name}': ${what} is not supported`);
  }

  private bad(key: string, expected: string): ConversionError {
    return new ConversionError(ConversionErrorCode.BadModelFile, `${this.node.op} node '${this.node.name}': attr ${key} should be ${expected}`);
  }
}
