/**
 * Most pixels an image may declare before anything decodes it (sharp's `limitInputPixels` everywhere, the photo
 * path's header check): 40 MP, a 7,300 × 5,500 camera photo, ~120 MB as RGB. A decompression bomb declares far
 * more in a few bytes (16000 × 16000 in a 123-byte SVG), which is refused from its header.
 */
export const MAX_INPUT_PIXELS = 40_000_000;
