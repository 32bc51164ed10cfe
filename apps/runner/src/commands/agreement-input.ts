import { readFileSync } from 'node:fs';
import type { RatingsInput } from '@ferbench/shared';

/** The ratings file is unreadable or not shaped like the fixtures; lists every problem found. */
export class AgreementInputError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid ratings file ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AgreementInputError';
  }
}

const MAX_PROBLEMS = 20;

function uniqueStrings(value: unknown, field: string, problems: string[]): string[] | null {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(`${field}: expected a non-empty array of strings, got ${value === undefined ? 'nothing' : JSON.stringify(value).slice(0, 60)}`);
    return null;
  }
  const seen = new Set<string>();
  value.forEach((v, i) => {
    if (typeof v !== 'string' || v === '') problems.push(`${field}[${i}]: expected a non-empty string, got ${JSON.stringify(v)}`);
    else if (seen.has(v)) problems.push(`${field}[${i}]: "${v}" appears twice`);
    else seen.add(v);
  });
  return value as string[];
}

/** Checks the parsed file: `categories`, `raters`, and `ratings` items × raters of a category or null. */
export function parseRatings(file: string, json: unknown): RatingsInput {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new AgreementInputError(file, ['expected a JSON object with categories, raters and ratings']);
  const obj = json as Record<string, unknown>;
  const problems: string[] = [];
  const categories = uniqueStrings(obj.categories, 'categories', problems);
  const raters = uniqueStrings(obj.raters, 'raters', problems);
  const ratings = obj.ratings;
  if (!Array.isArray(ratings)) problems.push('ratings: expected an array of items, each an array with one label (or null) per rater');
  else if (categories && raters) {
    const known = new Set(categories);
    ratings.forEach((item: unknown, i) => {
      if (!Array.isArray(item) || item.length !== raters.length) {
        problems.push(`ratings[${i}]: expected an array of ${raters.length} labels or nulls (one per rater)`);
        return;
      }
      item.forEach((label: unknown, r) => {
        if (label !== null && !(typeof label === 'string' && known.has(label)))
          problems.push(`ratings[${i}][${r}]: ${JSON.stringify(label)} is not null or one of the categories (${categories.join(', ')})`);
      });
    });
  }
  if (problems.length > MAX_PROBLEMS) problems.splice(MAX_PROBLEMS, Infinity, `… and ${problems.length - MAX_PROBLEMS} more`);
  if (problems.length > 0) throw new AgreementInputError(file, problems);
  return { categories: categories!, raters: raters!, ratings: ratings as RatingsInput['ratings'] };
}

export function readRatingsFile(file: string): RatingsInput {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AgreementInputError(file, [`cannot read it: ${error instanceof Error ? error.message : String(error)}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AgreementInputError(file, [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`]);
  }
  return parseRatings(file, json);
}
