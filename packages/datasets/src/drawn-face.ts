import { MAX_INPUT_PIXELS } from '@ferbench/shared';
import sharp from 'sharp';

/**
 * A small drawn face (skin-toned head, eyes, brows, mouth) as JPEG, different for each `seed`: a real image for
 * format fixtures of datasets that cannot be shipped (AffectNet, Emognition). Test helper.
 */
export async function drawnFaceJpeg(seed: number, size = 96): Promise<Buffer> {
  const tone = 150 + ((seed * 37) % 80);
  const smile = ((seed * 13) % 21) - 10;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
    <rect width="100" height="100" fill="rgb(${40 + (seed % 5) * 30},${60 + (seed % 3) * 40},90)"/>
    <ellipse cx="50" cy="52" rx="30" ry="38" fill="rgb(${tone},${tone - 40},${tone - 70})"/>
    <circle cx="38" cy="44" r="4" fill="#222"/><circle cx="62" cy="44" r="4" fill="#222"/>
    <path d="M30 ${36 - (seed % 4)} L45 ${35 + (seed % 3)} M55 ${35 + (seed % 3)} L70 ${36 - (seed % 4)}" stroke="#332" stroke-width="2"/>
    <path d="M36 70 Q50 ${70 + smile} 64 70" stroke="#611" stroke-width="3" fill="none"/>
  </svg>`;
  return sharp(Buffer.from(svg), { limitInputPixels: MAX_INPUT_PIXELS }).jpeg({ quality: 90 }).toBuffer();
}
