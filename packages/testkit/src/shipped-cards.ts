import path from 'node:path';
import { repoRoot } from './repo-root.js';

/**
 * A card shipped with the zoo (packages/models/zoo/cards/<name>), for tests below the models package that need a
 * real card for a real model file without depending on the package that owns the cards.
 */
export function shippedCardFile(name: string): string {
  return path.join(repoRoot(), 'packages', 'models', 'zoo', 'cards', name);
}
