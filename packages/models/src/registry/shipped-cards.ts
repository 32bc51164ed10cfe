import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The cards shipped with the zoo (packages/models/zoo/cards), one JSON file per model. */
export const SHIPPED_CARDS_DIR = path.resolve(__dirname, '..', '..', 'zoo', 'cards');

export function shippedCardFiles(dir: string = SHIPPED_CARDS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
}
