import { readFileSync } from 'node:fs';
import { MAX_INPUT_PIXELS } from '@ferbench/shared';
import type { Pixels } from './pixels.js';

// The project compiles without the DOM library, which is where TypeScript declares WebAssembly: the members used.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, (...args: never[]) => unknown>>) => { exports: unknown };
};

interface TurboJpeg {
  memory: { buffer: ArrayBuffer };
  malloc(size: number): number;
  free(pointer: number): void;
  tjInitDecompress(): number;
  tjDestroy(handle: number): number;
  tjDecompressHeader3(handle: number, source: number, size: number, width: number, height: number, subsampling: number, colourspace: number): number;
  tjDecompress2(handle: number, source: number, size: number, target: number, width: number, pitch: number, height: number, format: number, flags: number): number;
}

// TurboJPEG constants (turbojpeg.h).
const TJCS_GRAY = 2;
const TJPF_RGB = 0;
const TJPF_GRAY = 6;

class LibjpegError extends Error {}

let instance: TurboJpeg | undefined;

/**
 * libjpeg-turbo's TurboJPEG API compiled to WebAssembly, as the @cwasm/jpeg-turbo package ships it. Its own
 * wrapper always returns RGBA; calling the API directly lets a greyscale JPEG come out as one channel, and skips
 * two copies, which at 48×48 is a third of the decoding time. libjpeg reports errors by longjmp, which the
 * import below turns into a thrown LibjpegError.
 */
function turboJpeg(): TurboJpeg {
  if (instance === undefined) {
    const wasm = new WebAssembly.Module(readFileSync(require.resolve('@cwasm/jpeg-turbo/jpeg-turbo.wasm')));
    const unsupported = () => {
      throw new LibjpegError('unsupported system call');
    };
    instance = new WebAssembly.Instance(wasm, {
      env: {
        setjmp: () => 0,
        longjmp: () => {
          throw new LibjpegError('corrupt or unsupported JPEG data');
        },
      },
      wasi_snapshot_preview1: { environ_sizes_get: () => 0, environ_get: unsupported, proc_exit: unsupported, fd_close: unsupported, fd_seek: unsupported, fd_write: unsupported },
    }).exports as unknown as TurboJpeg;
  }
  return instance;
}

/** Decodes a JPEG to greyscale (if it is greyscale) or RGB pixels; throws on data libjpeg cannot decode. */
export function decodeJpeg(data: Uint8Array): Pixels {
  const tj = turboJpeg();
  const source = tj.malloc(data.length + 16);
  const header = source + data.length; // width, height, subsampling, colour space: 4 int32 after the data
  let target = 0;
  // A handle that libjpeg longjmp'ed out of is left as it is (a few kB) rather than destroyed in an unknown state.
  const handle = tj.tjInitDecompress();
  try {
    new Uint8Array(tj.memory.buffer, source, data.length).set(data);
    const failed = (message: string) => {
      tj.tjDestroy(handle); // reported by a status, not a longjmp: the handle is in a known state
      return new LibjpegError(message);
    };
    if (tj.tjDecompressHeader3(handle, source, data.length, header, header + 4, header + 8, header + 12) !== 0) throw failed('unreadable JPEG header');
    const [width, height, , colourspace] = new Int32Array(tj.memory.buffer.slice(header, header + 16));
    // Refused before the pixels are allocated: WebAssembly memory grows but never shrinks.
    if ((width as number) * (height as number) > MAX_INPUT_PIXELS) throw failed(`the JPEG declares ${width} × ${height} pixels, over ${MAX_INPUT_PIXELS / 1e6} MP`);
    const channels = colourspace === TJCS_GRAY ? 1 : 3;
    const size = (width as number) * (height as number) * channels;
    target = tj.malloc(size);
    if (tj.tjDecompress2(handle, source, data.length, target, width as number, (width as number) * channels, height as number, channels === 1 ? TJPF_GRAY : TJPF_RGB, 0) !== 0)
      throw failed('corrupt or truncated JPEG data');
    const pixels = new Uint8Array(tj.memory.buffer, target, size).slice();
    tj.tjDestroy(handle);
    return { data: pixels, width: width as number, height: height as number, channels };
  } finally {
    tj.free(source);
    if (target !== 0) tj.free(target);
  }
}
