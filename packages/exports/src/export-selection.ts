import type pg from 'pg';
import { datasetContentSha256, pgRows } from '@ferbench/scores';
import { type Emotion, type ModelCard, emittableEmotions, validateModelCard } from '@ferbench/shared';
import { ExportError, ExportErrorCode } from './export-error.js';

export interface ExportedDataset {
  id: string;
  name: string;
  images: number;
  /** datasetContentSha256: the API's dataSha256. */
  contentSha256: string;
}

export interface ExportedModel {
  id: string;
  name: string;
  version: string;
  /** sha256 of the ONNX file. */
  sha256: string;
  card: ModelCard;
  emotions: Emotion[];
}

export interface ExportSelection {
  datasets: ExportedDataset[];
  models: ExportedModel[];
}

async function knownIds(pool: pg.Pool, table: 'datasets' | 'models'): Promise<string[]> {
  return (await pool.query<{ id: string }>(`SELECT id FROM ${table} ORDER BY id`)).rows.map((r) => r.id);
}

function pick(known: string[], wanted: readonly string[] | 'all', what: 'dataset' | 'model'): string[] {
  if (wanted === 'all') return known;
  const unknown = wanted.filter((id) => !known.includes(id));
  if (unknown.length > 0)
    throw new ExportError(
      what === 'dataset' ? ExportErrorCode.UnknownDataset : ExportErrorCode.UnknownModel,
      `--${what === 'dataset' ? 'dataset' : 'models'}: unknown ${what}(s) ${unknown.join(', ')} (registered: ${known.join(', ') || 'none'})`,
    );
  return [...new Set(wanted)].sort();
}

/** The datasets and models of an export, in id order, with the hashes the manifest records. */
export async function resolveSelection(pool: pg.Pool, datasets: readonly string[] | 'all', models: readonly string[] | 'all'): Promise<ExportSelection> {
  const datasetIds = pick(await knownIds(pool, 'datasets'), datasets, 'dataset');
  const modelIds = pick(await knownIds(pool, 'models'), models, 'model');
  const rows = pgRows(pool);
  const exportedDatasets: ExportedDataset[] = [];
  for (const id of datasetIds) {
    const { rows: found } = await pool.query<{ name: string; images: number }>(
      'SELECT d.name, (SELECT count(*)::int FROM images i WHERE i.dataset_id = d.id) AS images FROM datasets d WHERE d.id = $1',
      [id],
    );
    exportedDatasets.push({ id, name: found[0]!.name, images: found[0]!.images, contentSha256: await datasetContentSha256(rows, id) });
  }
  const { rows: registered } = await pool.query<{ id: string; name: string; version: string; sha256: string; card: unknown }>(
    'SELECT id, name, version, sha256, card FROM models WHERE id = ANY($1) ORDER BY id',
    [modelIds],
  );
  const exportedModels = registered.map((m) => {
    const card = validateModelCard(m.card, `models.card of ${m.id}`);
    return { id: m.id, name: m.name, version: m.version, sha256: m.sha256, card, emotions: emittableEmotions({ labels: card.output.labels, map: card.output.labelMap }) };
  });
  return { datasets: exportedDatasets, models: exportedModels };
}
