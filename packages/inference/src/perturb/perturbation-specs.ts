import type { DetectedFace } from '../faces/face.js';
import type { Pixels } from '../pixels.js';
import { gaussianBlur } from './blur.js';
import { eyeBarPolygon, maskPolygon, mouthBarPolygon } from './face-regions.js';
import { type Rgb, fillPolygon } from './fill-polygon.js';
import { downscale, hflip, rotate } from './geometry.js';
import { jpegRoundTrip } from './jpeg.js';
import { gaussianNoise } from './noise.js';
import type { ParamSpec, ParamValue } from './perturbation.js';
import { brightness, gamma } from './tone.js';

export interface PerturbationSpec {
  readonly name: string;
  readonly description: string;
  readonly params: readonly ParamSpec[];
  /** Drawn from the face's landmarks: needs the image's detected face (from the detection cache). */
  readonly needsFace: boolean;
  /** The original decoded pixels → the perturbed ones, same size and channels; never changes its input. */
  apply(image: Pixels, params: Readonly<Record<string, ParamValue>>, face: DetectedFace | null): Pixels | Promise<Pixels>;
}

const MASK_COLOURS: Record<string, Rgb> = { surgical: [168, 204, 232], black: [28, 28, 30], white: [236, 236, 236] };

const num = (p: Readonly<Record<string, ParamValue>>, k: string): number => p[k] as number;

/** Every perturbation, in the order `ferbench robustness list` prints them. */
export const PERTURBATION_SPECS: readonly PerturbationSpec[] = [
  {
    name: 'mask',
    description: 'a face mask from the nose (lower half of the tip) over mouth, cheeks and chin, placed by YuNet landmarks',
    params: [{ name: 'kind', kind: 'enum', values: Object.keys(MASK_COLOURS), default: 'surgical', description: 'colour: surgical (light blue), black, white' }],
    needsFace: true,
    apply: (image, p, face) => fillPolygon(image, maskPolygon(face as DetectedFace), MASK_COLOURS[p['kind'] as string] as Rgb),
  },
  {
    name: 'occlude',
    description: 'a black bar over the eyes or the mouth, placed by YuNet landmarks',
    params: [{ name: 'region', kind: 'enum', values: ['eyes', 'mouth'], default: 'eyes', description: 'what the bar covers' }],
    needsFace: true,
    apply: (image, p, face) => fillPolygon(image, (p['region'] === 'eyes' ? eyeBarPolygon : mouthBarPolygon)(face as DetectedFace), [0, 0, 0]),
  },
  {
    name: 'blur',
    description: 'Gaussian blur (separable, edges replicated); sigma in pixels of the original image',
    params: [{ name: 'sigma', kind: 'number', default: 2, min: 0, max: 20, description: 'standard deviation in pixels; 0: no change' }],
    needsFace: false,
    apply: (image, p) => gaussianBlur(image, num(p, 'sigma')),
  },
  {
    name: 'brightness',
    description: 'every value times factor (darker below 1), clamped to 0…255',
    params: [{ name: 'factor', kind: 'number', default: 0.4, min: 0, max: 4, description: '1: no change' }],
    needsFace: false,
    apply: (image, p) => brightness(image, num(p, 'factor')),
  },
  {
    name: 'gamma',
    description: '255·(v/255)^value: above 1 darkens the mid-tones (dim light)',
    params: [{ name: 'value', kind: 'number', default: 2.2, min: 0.1, max: 10, description: '1: no change' }],
    needsFace: false,
    apply: (image, p) => gamma(image, num(p, 'value')),
  },
  {
    name: 'jpeg',
    description: 'a JPEG round trip at this quality (blocking, ringing)',
    params: [{ name: 'quality', kind: 'number', default: 10, min: 1, max: 100, integer: true, description: 'libjpeg quality' }],
    needsFace: false,
    apply: (image, p) => jpegRoundTrip(image, num(p, 'quality')),
  },
  {
    name: 'rotate',
    description: 'in-plane tilt about the image centre, bilinear, black corners',
    params: [{ name: 'deg', kind: 'number', default: 20, min: -180, max: 180, description: 'degrees, counter-clockwise; 0: no change' }],
    needsFace: false,
    apply: (image, p) => rotate(image, num(p, 'deg')),
  },
  {
    name: 'downscale',
    description: 'shrunk by factor and stretched back (lost resolution)',
    params: [{ name: 'factor', kind: 'number', default: 4, min: 1, max: 16, description: '1: no change' }],
    needsFace: false,
    apply: (image, p) => downscale(image, num(p, 'factor')),
  },
  {
    name: 'hflip',
    description: 'mirrored left to right (keeps the expression: any change is instability)',
    params: [],
    needsFace: false,
    apply: (image) => hflip(image),
  },
  {
    name: 'noise',
    description: 'additive Gaussian noise, seeded (the same seed, the same noise)',
    params: [
      { name: 'sigma', kind: 'number', default: 10, min: 0, max: 128, description: 'standard deviation in grey levels; 0: no change' },
      { name: 'seed', kind: 'number', default: 1, min: 0, max: 4294967295, integer: true, description: 'generator seed' },
    ],
    needsFace: false,
    apply: (image, p) => gaussianNoise(image, num(p, 'sigma'), num(p, 'seed')),
  },
];

export function perturbationSpec(name: string): PerturbationSpec | undefined {
  return PERTURBATION_SPECS.find((s) => s.name === name);
}
