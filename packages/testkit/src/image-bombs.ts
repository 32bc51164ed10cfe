import { deflateSync } from 'node:zlib';

/**
 * Decompression bombs as the issue reported them: a few bytes that declare an enormous image, for tests that the
 * photo path refuses them from the header. Pure byte work, no image library.
 */

/** A 123-byte SVG of 16000 × 16000 (what rasterising it would allocate: ~1 GB). */
export function svgBomb(): Buffer {
  return Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="16000" height="16000"><rect width="16000" height="16000" fill="red"/></svg>\n');
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A well-formed PNG whose IHDR declares `width` × `height` 8-bit grey (default 16000 × 16000, 256 MB of pixels)
 * and whose IDAT holds the first rows only: a decoder allocates the whole image before finding the data short.
 */
export function pngBomb(width = 16000, height = 16000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // bit depth 8, colour type 0 (grey), deflate, adaptive filter, no interlace
  const rows = deflateSync(Buffer.alloc((width + 1) * Math.min(height, 16)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', rows), pngChunk('IEND', new Uint8Array(0))]);
}

/**
 * A real JPEG (a 1.6 KB FER2013 face, say) with its frame header (SOF) rewritten to declare `width` × `height`
 * (default 8192 × 8192): the decoder allocates 64 MP for data that covers 48 × 48.
 */
export function jpegBomb(jpeg: Uint8Array, width = 8192, height = 8192): Buffer {
  const bytes = Buffer.from(jpeg);
  let at = 2;
  while (at + 9 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      bytes.writeUInt16BE(height, at + 5);
      bytes.writeUInt16BE(width, at + 7);
      return bytes;
    }
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  throw new Error('jpegBomb: no frame header (SOF) found in the JPEG given');
}
