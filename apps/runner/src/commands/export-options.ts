import { EXPORT_FORMATS, type ExportFormat } from '@ferbench/exports';
import { loadZooManifest } from '@ferbench/models';
import { InvalidArgumentError } from 'commander';
import type pg from 'pg';
import { idList } from './parse-options.js';

/** "csv", "parquet", "json" or several, comma-separated. */
export function formatList(value: string): ExportFormat[] {
  const formats = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const bad = formats.filter((f) => !(EXPORT_FORMATS as readonly string[]).includes(f));
  if (formats.length === 0 || bad.length > 0) throw new InvalidArgumentError(`expected ${EXPORT_FORMATS.join(', ')} or several of them comma-separated, got "${value}"`);
  return [...new Set(formats as ExportFormat[])];
}

export type ModelChoice = string[] | 'all' | 'zoo';

export const modelChoice = (value: string): ModelChoice => (value === 'zoo' ? 'zoo' : idList(value));

/** "zoo": the registered models of the zoo manifest; otherwise as given. */
export async function resolveModelChoice(pool: pg.Pool, models: ModelChoice): Promise<string[] | 'all'> {
  if (models !== 'zoo') return models;
  const zoo = (await loadZooManifest()).models.map((m) => m.card.id);
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM models WHERE id = ANY($1) ORDER BY id', [zoo]);
  if (rows.length === 0) throw new InvalidArgumentError('--models zoo: no zoo model is registered (ferbench zoo install)');
  return rows.map((r) => r.id);
}

export function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number ≥ 0, got "${value}"`);
  return n;
}
