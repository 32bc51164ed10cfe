import { ModelCardError, validateModelCard } from '@ferbench/shared';
import { SOURCE_FORMAT_FOR, ZOO_CONVERT_FROM, ZOO_SOURCE_FORMATS, type ZooManifest } from './zoo-manifest.js';

export class ZooManifestError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`invalid zoo manifest ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ZooManifestError';
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const SHA256 = /^[0-9a-f]{64}$/;
/** Stand-ins for the two card fields that only exist once the ONNX does, so the rest goes through the card validator. */
const PENDING_ONNX = { file: 'pending.onnx', sha256: '0'.repeat(64) };

/**
 * Checks a parsed manifest and returns it typed, or throws a ZooManifestError listing every problem by path:
 * sources (format, size, sha256, url), the convert step (its input must be a source of the matching format),
 * the card and its variants (through the model-card validator), and that ids (variants' too) and folders are unique.
 */
export function validateZooManifest(value: unknown, source = '(manifest)'): ZooManifest {
  if (!isObject(value) || !Array.isArray(value['models'])) throw new ZooManifestError(source, ['expected an object with a models array']);
  const problems: string[] = [];
  if (!isText(value['description'])) problems.push('description: expected a non-empty string');
  const ids = new Map<string, number>();
  const folders = new Map<string, number>();
  value['models'].forEach((model: unknown, i) => {
    const at = `models[${i}]`;
    if (!isObject(model)) return void problems.push(`${at}: expected an object`);
    if (!isText(model['folder'])) problems.push(`${at}.folder: expected a non-empty string`);
    else noteDuplicate(folders, model['folder'], i, `${at}.folder`, problems);
    const sources = Array.isArray(model['sources']) ? model['sources'] : [];
    if (sources.length === 0) problems.push(`${at}.sources: expected at least one source file`);
    sources.forEach((s: unknown, j) => problems.push(...sourceProblems(s, `${at}.sources[${j}]`)));
    problems.push(...convertProblems(model['convert'], sources, `${at}.convert`));
    if (model['npm'] !== undefined) problems.push(...npmProblems(model['npm'], sources, model['convert'], `${at}.npm`));
    const variants = model['variants'] ?? [];
    if (!Array.isArray(variants)) problems.push(`${at}.variants: expected an array of model cards without file and sha256`);
    const cards: [unknown, string][] = [[model['card'], `${at}.card`], ...(Array.isArray(variants) ? variants.map((v: unknown, j): [unknown, string] => [v, `${at}.variants[${j}]`]) : [])];
    for (const [card, where] of cards) {
      if (!isObject(card)) {
        problems.push(`${where}: expected a model card without file and sha256`);
        continue;
      }
      if ('file' in card || 'sha256' in card) problems.push(`${where}: file and sha256 belong to the ONNX, not the manifest`);
      try {
        validateModelCard({ ...card, ...PENDING_ONNX }, where);
      } catch (error) {
        if (!(error instanceof ModelCardError)) throw error;
        problems.push(...error.problems.map((p) => `${where}.${p}`));
      }
      if (isText(card['id'])) noteDuplicate(ids, card['id'], i, `${where}.id`, problems);
    }
  });
  if (problems.length > 0) throw new ZooManifestError(source, problems);
  return value as unknown as ZooManifest;
}

function sourceProblems(s: unknown, at: string): string[] {
  if (!isObject(s)) return [`${at}: expected an object`];
  const problems: string[] = [];
  if (!isText(s['file'])) problems.push(`${at}.file: expected a path inside the model folder`);
  if (!ZOO_SOURCE_FORMATS.includes(s['format'] as never)) problems.push(`${at}.format: expected one of ${ZOO_SOURCE_FORMATS.join(', ')}`);
  if (!Number.isInteger(s['size']) || (s['size'] as number) <= 0) problems.push(`${at}.size: expected a positive integer (bytes)`);
  if (typeof s['sha256'] !== 'string' || !SHA256.test(s['sha256'])) problems.push(`${at}.sha256: expected 64 lowercase hex digits`);
  if (!isText(s['url']) || !/^https:\/\//.test(s['url'])) problems.push(`${at}.url: expected an https URL`);
  return problems;
}

function convertProblems(convert: unknown, sources: unknown[], at: string): string[] {
  if (!isObject(convert)) return [`${at}: expected { from, input }`];
  const from = convert['from'];
  if (!ZOO_CONVERT_FROM.includes(from as never)) return [`${at}.from: expected one of ${ZOO_CONVERT_FROM.join(', ')}`];
  const wanted = SOURCE_FORMAT_FOR[from as keyof typeof SOURCE_FORMAT_FOR];
  const input = sources.find((s) => isObject(s) && s['file'] === convert['input']);
  if (!isObject(input)) return [`${at}.input: ${JSON.stringify(convert['input'])} is not one of the model's sources`];
  const problems = input['format'] === wanted ? [] : [`${at}.input: converting from ${String(from)} needs a ${wanted} source, ${String(convert['input'])} is ${String(input['format'])}`];
  const architecture = convert['architecture'];
  if (architecture !== undefined && (from !== 'keras' || !isText(architecture) || !/^architectures\/[a-z0-9._-]+\.json$/.test(architecture)))
    problems.push(`${at}.architecture: expected architectures/<name>.json beside the manifest, for a keras weights-only file`);
  return problems;
}

const EXACT_VERSION = /^\d+\.\d+\.\d+$/;

/** The npm fallback: an exact version, and files that stand for sources, covering at least the convert input. */
function npmProblems(npm: unknown, sources: unknown[], convert: unknown, at: string): string[] {
  if (!isObject(npm)) return [`${at}: expected { package, version, files }`];
  const problems: string[] = [];
  if (!isText(npm['package']) || !/^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(npm['package'])) problems.push(`${at}.package: expected an npm package name`);
  if (typeof npm['version'] !== 'string' || !EXACT_VERSION.test(npm['version'])) problems.push(`${at}.version: expected an exact version such as 1.2.3`);
  const files = Array.isArray(npm['files']) ? npm['files'] : [];
  if (files.length === 0) problems.push(`${at}.files: expected at least one file`);
  const names = new Set(sources.filter(isObject).map((s) => s['file']));
  files.forEach((f: unknown, j) => {
    const where = `${at}.files[${j}]`;
    if (!isObject(f)) return void problems.push(`${where}: expected an object`);
    if (!isText(f['path']) || f['path'].startsWith('/') || f['path'].split('/').includes('..')) problems.push(`${where}.path: expected a relative path inside the package`);
    if (!names.has(f['file'])) problems.push(`${where}.file: ${JSON.stringify(f['file'])} is not one of the model's sources`);
    if (!Number.isInteger(f['size']) || (f['size'] as number) <= 0) problems.push(`${where}.size: expected a positive integer (bytes)`);
    if (typeof f['sha256'] !== 'string' || !SHA256.test(f['sha256'])) problems.push(`${where}.sha256: expected 64 lowercase hex digits`);
  });
  const input = isObject(convert) ? convert['input'] : undefined;
  if (!files.some((f) => isObject(f) && f['file'] === input)) problems.push(`${at}.files: none stands for the convert input ${JSON.stringify(input)}`);
  return problems;
}

function noteDuplicate(seen: Map<string, number>, key: string, index: number, at: string, problems: string[]): void {
  const first = seen.get(key);
  if (first === undefined) seen.set(key, index);
  else problems.push(`${at}: ${JSON.stringify(key)} is already used by models[${first}]`);
}
