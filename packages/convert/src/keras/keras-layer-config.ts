import { ConversionError, ConversionErrorCode } from '../conversion-error.js';

/** Typed reads of one layer's `config` object; a missing or mistyped field names the layer. */
export class KerasLayerConfig {
  constructor(
    readonly layerName: string,
    readonly className: string,
    private readonly raw: Record<string, unknown>,
  ) {}

  has(key: string): boolean {
    return this.raw[key] !== undefined && this.raw[key] !== null;
  }

  number(key: string, fallback?: number): number {
    const v = this.raw[key] ?? fallback;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw this.bad(key, 'a number');
    return v;
  }

  boolean(key: string, fallback?: boolean): boolean {
    const v = this.raw[key] ?? fallback;
    if (typeof v !== 'boolean') throw this.bad(key, 'true or false');
    return v;
  }

  string(key: string, fallback?: string): string {
    const v = this.raw[key] ?? fallback;
    if (typeof v !== 'string') throw this.bad(key, 'a string');
    return v;
  }

  /** A pair such as kernel_size or strides; Keras also accepts one number for both. */
  pair(key: string, fallback?: number | readonly [number, number]): [number, number] {
    const v = this.raw[key] ?? fallback;
    if (typeof v === 'number') return [v, v];
    if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number')) return [v[0] as number, v[1] as number];
    throw this.bad(key, 'a number or a pair of numbers');
  }

  /** A shape list where null stands for an unknown size. */
  shape(key: string): (number | null)[] {
    const v = this.raw[key];
    if (Array.isArray(v) && v.every((x) => x === null || typeof x === 'number')) return v as (number | null)[];
    throw this.bad(key, 'a shape list');
  }

  value(key: string): unknown {
    return this.raw[key];
  }

  /** Stops on a config this converter would otherwise silently mistranslate. */
  require(condition: boolean, what: string): void {
    if (!condition) throw this.unsupported(what);
  }

  unsupported(what: string): ConversionError {
    return new ConversionError(ConversionErrorCode.UnsupportedConfig, `${this.className} layer '${this.layerName}': ${what} is not supported`);
  }

  /** Keras layers default to channels_last; channels_first would need other transposes. */
  requireChannelsLast(): void {
    const format = this.raw['data_format'];
    this.require(format === undefined || format === null || format === 'channels_last', `data_format ${String(format)}`);
  }

  private bad(key: string, expected: string): ConversionError {
    return new ConversionError(
      ConversionErrorCode.BadModelFile,
      `${this.className} layer '${this.layerName}': config.${key} should be ${expected}, got ${JSON.stringify(this.raw[key])}`,
    );
  }
}
