import { readFile } from 'node:fs/promises';
import { sha256Hex } from '@ferbench/inference';
import { MAX_INPUT_PIXELS } from '@ferbench/shared';
import sharp from 'sharp';

/** Provenance and size of one image file. */
export interface ImageFacts {
  sha256: string;
  bytes: number;
  width: number;
  height: number;
}

/** The hash of the bytes, and the size from their header (through sharp). Throws if the header cannot be read. */
export async function imageFactsOf(data: Uint8Array): Promise<ImageFacts> {
  const { width, height } = await sharp(data, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  if (!width || !height) throw new Error('the image header has no size');
  return { sha256: sha256Hex(data), bytes: data.byteLength, width, height };
}

/** Reads the file once for its hash, and its header (through sharp) for its size. Throws if either fails. */
export async function imageFacts(file: string): Promise<ImageFacts> {
  return imageFactsOf(await readFile(file));
}
