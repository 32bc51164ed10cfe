import { labelMapProblems } from '../taxonomy/label-map.js';
import type { ModelCard } from './model-card.js';

export class ModelCardError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`invalid model card ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ModelCardError';
  }
}

type Check = (value: unknown) => string | null;

const text: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? null : 'expected a non-empty string');
const positiveInt: Check = (v) => (Number.isInteger(v) && (v as number) > 0 ? null : 'expected a positive integer');
const finite: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'expected a finite number');
const oneOf =
  (...allowed: readonly unknown[]): Check =>
  (v) =>
    allowed.includes(v) ? null : `expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
const sha256: Check = (v) => (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) ? null : 'expected 64 lowercase hex digits');
const numbers =
  (length: () => number): Check =>
  (v) =>
    Array.isArray(v) && v.length === length() && v.every((x) => typeof x === 'number' && Number.isFinite(x))
      ? null
      : `expected ${length()} finite number(s), one per channel`;

function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/**
 * Checks a parsed JSON value against the model-card schema and returns it typed, or throws a ModelCardError
 * listing every bad field by its path and what was expected.
 */
export function validateModelCard(value: unknown, source = '(card)'): ModelCard {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ModelCardError(source, ['expected a JSON object']);
  const channels = () => (get(value, 'input.channels') === 3 ? 3 : 1);
  const rules: [string, Check][] = [
    ['id', (v) => (typeof v === 'string' && /^[a-z0-9][a-z0-9._-]{0,62}$/.test(v) ? null : 'expected a slug: lowercase letters, digits, ".", "_" or "-"')],
    ['name', text],
    ['version', text],
    ['file', text],
    ['sha256', sha256],
    ['source.url', text],
    ['source.licence', text],
    ['trainingData', text],
    ['architecture', text],
    ['input.name', text],
    ['input.layout', oneOf('NCHW', 'NHWC')],
    ['input.width', positiveInt],
    ['input.height', positiveInt],
    ['input.channels', oneOf(1, 3)],
    ['input.colorSpace', oneOf('grayscale', 'rgb', 'bgr')],
    ['input.crop', oneOf('none', 'detect', 'align')],
    ['input.resize', oneOf('nearest', 'linear', 'cubic', 'lanczos3')],
    ['input.scale', finite],
    ['input.mean', numbers(channels)],
    ['input.std', numbers(channels)],
    ['input.batch', (v) => (v === 'dynamic' || positiveInt(v) === null ? null : 'expected a positive integer or "dynamic"')],
    ['output.name', text],
    ['output.kind', oneOf('logits', 'probabilities')],
    ['output.labels', (v) => (Array.isArray(v) && v.length >= 2 && v.every((l) => text(l) === null) ? null : 'expected an array of at least 2 label names')],
    ['output.labelMap', (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? null : 'expected an object mapping each label to a canonical emotion or null')],
  ];
  const problems = rules.flatMap(([path, check]) => {
    const message = check(get(value, path));
    return message === null ? [] : [`${path}: ${message} (got ${JSON.stringify(get(value, path)) ?? 'nothing'})`];
  });
  const std = get(value, 'input.std');
  if (Array.isArray(std) && std.some((s) => s === 0)) problems.push('input.std: a standard deviation of 0 would divide by zero');
  const unlicensed = get(value, 'source.unlicensed');
  if (unlicensed !== undefined && typeof unlicensed !== 'boolean') problems.push('source.unlicensed: expected true or false');
  const margin = get(value, 'input.margin');
  if (margin !== undefined && (typeof margin !== 'number' || !(margin >= 0))) problems.push('input.margin: expected a number ≥ 0');
  const colour = get(value, 'input.colorSpace');
  if ((colour === 'grayscale') !== (get(value, 'input.channels') === 1))
    problems.push('input.colorSpace: grayscale goes with channels 1, rgb/bgr with channels 3');
  const labels = get(value, 'output.labels');
  const labelMap = get(value, 'output.labelMap');
  if (problems.length === 0)
    problems.push(...labelMapProblems({ labels: labels as string[], map: labelMap as Record<string, never> }, 'output.labelMap'));
  if (problems.length > 0) throw new ModelCardError(source, problems);
  return value as ModelCard;
}
