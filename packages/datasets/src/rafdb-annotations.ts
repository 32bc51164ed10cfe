import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * RAF-DB's per-image annotation files for Image/original (the authors' README): Annotation/manual/<name>_manu_attri.txt
 * (5 landmarks — eye centres, nose tip, mouth corners — then gender, race, age codes), Annotation/auto/<name>_auto_attri.txt
 * (37 Face++ landmarks, one "x y" per line) and Annotation/boundingbox/<name>_boundingbox.txt ("x1 y1 x2 y2").
 */
export const RAFDB_ANNOTATIONS = {
  manual: { folder: 'Annotation/manual', suffix: '_manu_attri.txt' },
  auto: { folder: 'Annotation/auto', suffix: '_auto_attri.txt' },
  boundingbox: { folder: 'Annotation/boundingbox', suffix: '_boundingbox.txt' },
} as const;
type Kind = keyof typeof RAFDB_ANNOTATIONS;

export interface RafdbAnnotations {
  landmarks5?: [number, number][];
  gender?: number;
  race?: number;
  ageGroup?: number;
  landmarks37?: [number, number][];
  faceBox?: { x1: number; y1: number; x2: number; y2: number };
}

function numbers(line: string): number[] {
  return line.trim().split(/\s+/).filter((v) => v !== '').map(Number);
}

function points(lines: readonly string[], n: number): [number, number][] | string {
  const pts = lines.slice(0, n).map(numbers);
  if (pts.length < n || pts.some((p) => p.length !== 2 || p.some((v) => !Number.isFinite(v)))) return `expected ${n} lines of "x y"`;
  return pts as [number, number][];
}

function parse(kind: Kind, text: string): Partial<RafdbAnnotations> | string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (kind === 'auto') {
    const landmarks37 = points(lines, 37);
    return typeof landmarks37 === 'string' ? landmarks37 : { landmarks37 };
  }
  if (kind === 'boundingbox') {
    const box = numbers(lines[0] ?? '');
    if (box.length !== 4 || box.some((v) => !Number.isFinite(v))) return 'expected "x1 y1 x2 y2"';
    const [x1, y1, x2, y2] = box as [number, number, number, number];
    return { faceBox: { x1, y1, x2, y2 } };
  }
  const landmarks5 = points(lines, 5);
  if (typeof landmarks5 === 'string') return landmarks5;
  const [gender, race, ageGroup] = lines.slice(5, 8).map((l) => Number(l.trim()));
  if ([gender, race, ageGroup].some((v) => v === undefined || !Number.isInteger(v))) return 'expected 5 lines of "x y" then gender, race and age codes';
  return { landmarks5, gender: gender!, race: race!, ageGroup: ageGroup! };
}

/**
 * The annotations of one image (`name` without extension, e.g. test_0001) from whichever annotation folders exist;
 * a folder that is absent is skipped silently (the caller reports it once), a file missing or unreadable in a folder
 * that exists is a problem.
 */
export async function readRafdbAnnotations(basic: string, name: string, problems: string[]): Promise<RafdbAnnotations> {
  const out: RafdbAnnotations = {};
  for (const kind of Object.keys(RAFDB_ANNOTATIONS) as Kind[]) {
    const { folder, suffix } = RAFDB_ANNOTATIONS[kind];
    if (!existsSync(path.join(basic, folder))) continue;
    const file = `${folder}/${name}${suffix}`;
    if (!existsSync(path.join(basic, file))) {
      problems.push(`${file}: missing; the image is imported without it`);
      continue;
    }
    const parsed = parse(kind, await readFile(path.join(basic, file), 'utf8'));
    if (typeof parsed === 'string') problems.push(`${file}: ${parsed}; the image is imported without it`);
    else Object.assign(out, parsed);
  }
  return out;
}
