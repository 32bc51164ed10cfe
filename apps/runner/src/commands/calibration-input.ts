import { readFileSync } from 'node:fs';
import type { ScoredItem } from '@ferbench/shared';

/** The calibration file is unreadable or not `{classes, items: [{p, gold}]}`; lists every problem found. */
export class CalibrationInputError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid calibration file ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CalibrationInputError';
  }
}

const MAX_PROBLEMS = 20;

/** Checks `classes` (distinct names) and `items` (K probabilities in [0, 1] and a gold name each). */
export function parseCalibrationInput(file: string, json: unknown): { classes: string[]; items: ScoredItem[] } {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new CalibrationInputError(file, ['expected a JSON object with classes and items']);
  const { classes, items } = json as Record<string, unknown>;
  const problems: string[] = [];
  if (!Array.isArray(classes) || classes.length < 2 || classes.some((c) => typeof c !== 'string' || c === '') || new Set(classes).size !== classes.length)
    problems.push(`classes: expected an array of at least 2 distinct non-empty names, got ${JSON.stringify(classes ?? null).slice(0, 80)}`);
  if (!Array.isArray(items)) problems.push('items: expected an array of {"p": [one probability per class], "gold": a class name}');
  if (problems.length > 0) throw new CalibrationInputError(file, problems);
  const names = classes as string[];
  const scored = (items as unknown[]).map((item, i): ScoredItem => {
    const { p, gold } = (item ?? {}) as { p?: unknown; gold?: unknown };
    if (!Array.isArray(p) || p.length !== names.length) problems.push(`items[${i}].p: expected an array of ${names.length} probabilities (one per class)`);
    else
      p.forEach((v: unknown, k) => {
        if (typeof v !== 'number' || !(v >= 0 && v <= 1)) problems.push(`items[${i}].p[${k}]: expected a probability in [0, 1], got ${JSON.stringify(v)}`);
      });
    const index = typeof gold === 'string' ? names.indexOf(gold) : -1;
    if (index < 0) problems.push(`items[${i}].gold: ${JSON.stringify(gold ?? null)} is not one of the classes (${names.join(', ')})`);
    return { p: p as number[], gold: index };
  });
  if (problems.length > MAX_PROBLEMS) problems.splice(MAX_PROBLEMS, Infinity, `… and ${problems.length - MAX_PROBLEMS} more`);
  if (problems.length > 0) throw new CalibrationInputError(file, problems);
  return { classes: names, items: scored };
}

export function readCalibrationFile(file: string): { classes: string[]; items: ScoredItem[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CalibrationInputError(file, [`cannot read it: ${error instanceof Error ? error.message : String(error)}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CalibrationInputError(file, [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`]);
  }
  return parseCalibrationInput(file, json);
}
