import { MAX_INPUT_PIXELS } from '@ferbench/shared';
import { InferenceError, InferenceErrorCode } from './inference-error.js';

export interface ImageHeader {
  format: 'jpeg' | 'png';
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** What the first bytes look like, to name it in a refusal. */
function formatName(data: Uint8Array): string {
  const text = Buffer.from(data.subarray(0, 256)).toString('latin1').trimStart().toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return 'an SVG';
  if (text.startsWith('gif8')) return 'a GIF';
  if (text.startsWith('riff') && text.slice(8, 12) === 'webp') return 'a WebP';
  if (text.slice(4, 12) === 'ftypavif' || text.slice(4, 12) === 'ftypheic') return 'an AVIF/HEIF';
  if (text.startsWith('ii*\u0000') || text.startsWith('mm\u0000*')) return 'a TIFF';
  if (text.startsWith('%pdf')) return 'a PDF';
  return 'neither';
}

/** PNG: the IHDR chunk right after the signature holds width and height (big-endian uint32). */
function pngSize(data: Uint8Array): { width: number; height: number } | null {
  if (data.length < 24 || Buffer.from(data.subarray(12, 16)).toString('latin1') !== 'IHDR') return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): the frame header with height and width. */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** JPEG: walks the marker segments to the first start-of-frame and reads its height and width (big-endian uint16). */
function jpegSize(data: Uint8Array): { width: number; height: number } | null {
  let at = 2;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) return null;
    const marker = data[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image, or scan data before any frame header
    const length = (data[at + 2]! << 8) | data[at + 3]!;
    if (isStartOfFrame(marker)) {
      if (at + 9 > data.length) return null;
      return { height: (data[at + 5]! << 8) | data[at + 6]!, width: (data[at + 7]! << 8) | data[at + 8]! };
    }
    at += 2 + length;
  }
  return null;
}

/**
 * The format (by magic bytes) and the declared size of a photo, read from its header without decoding it: a JPEG
 * or PNG of at most `maxPixels`, else an InferenceError saying what was expected. Nothing is allocated for pixels.
 */
export function readImageHeader(data: Uint8Array, maxPixels = MAX_INPUT_PIXELS): ImageHeader {
  const isJpeg = data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
  const isPng = PNG_SIGNATURE.every((byte, k) => data[k] === byte);
  if (!isJpeg && !isPng) {
    const seen = formatName(data);
    const problem = `expected a JPEG (starting ff d8 ff) or a PNG (starting 89 50 4e 47); this is ${seen === 'neither' ? 'neither' : seen}`;
    throw new InferenceError(InferenceErrorCode.ImageFormatRefused, problem, [problem]);
  }
  const format = isJpeg ? 'jpeg' : 'png';
  const size = isJpeg ? jpegSize(data) : pngSize(data);
  if (size === null || size.width === 0 || size.height === 0) {
    const problem = `the ${format.toUpperCase()} header declares no ${isJpeg ? 'frame size (SOF marker)' : 'size (IHDR chunk)'}`;
    throw new InferenceError(InferenceErrorCode.ImageUnreadable, problem, [problem]);
  }
  if (size.width * size.height > maxPixels) {
    const megapixels = (size.width * size.height) / 1e6;
    const problem = `the ${format.toUpperCase()} declares ${size.width} × ${size.height} pixels (${megapixels.toFixed(1)} MP); at most ${maxPixels / 1e6} MP are decoded`;
    throw new InferenceError(InferenceErrorCode.ImageTooManyPixels, problem, [problem]);
  }
  return { format, ...size };
}
