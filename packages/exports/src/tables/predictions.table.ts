import { EMOTIONS } from '@ferbench/shared';
import { cursorBatches } from '../cursor-batches.js';
import { type Column, type Row, column } from '../writers/columns.js';
import type { ExportContext, ExportTable } from './export-table.js';

const label = (index: number | null): string | null => (index === null ? null : EMOTIONS[index]!);

/** One probability column per canonical emotion, in EMOTIONS order: p_neutral … p_contempt. */
export const PROBABILITY_COLUMNS = EMOTIONS.map((e) => `p_${e}`);

const COLUMNS: Column[] = [
  column('dataset', 'string'),
  column('image_id', 'bigint'),
  column('image_sha256', 'string'),
  column('split', 'string'),
  column('gold_label', 'string', true),
  column('model_id', 'string'),
  column('model_sha256', 'string'),
  column('predicted_label', 'string'),
  ...PROBABILITY_COLUMNS.map((name) => column(name, 'float32', true)),
  column('run_id', 'bigint'),
];

// One text column instead of eight real ones: pg's per-column parsing was the largest cost of streaming.
const PROBS = `array_to_string(p.probs, ',', '')`;
const probabilities = (text: string): (number | null)[] => text.split(',').map((p) => (p === '' ? null : Number(p)));

/**
 * Every stored prediction of the chosen models on the chosen datasets, one row per (face, model), ordered by
 * dataset, image id and model id; a probability is empty where the model cannot emit that emotion.
 */
export const predictionsTable: ExportTable = {
  name: 'predictions',
  columns: () => COLUMNS,
  async *rows({ pool, selection }: ExportContext): AsyncIterable<Row[]> {
    const models = selection.models.map((m) => m.id);
    const sha = new Map(selection.models.map((m) => [m.id, m.sha256]));
    for (const dataset of selection.datasets) {
      const sql = `SELECT i.id::text, i.sha256, i.split, i.gold_label, p.model_id, p.label, ${PROBS}, p.run_id::text
                     FROM predictions p JOIN images i ON i.id = p.image_id
                    WHERE i.dataset_id = $1 AND p.model_id = ANY($2)
                    ORDER BY i.id, p.model_id`;
      for await (const batch of cursorBatches(pool, sql, [dataset.id, models])) {
        yield batch.map((r) => {
          const [imageId, imageSha, split, gold, modelId, predicted, probs, runId] = r as [string, string, string, number | null, string, number, string, string];
          return [dataset.id, imageId, imageSha, split, label(gold), modelId, sha.get(modelId)!, label(predicted), ...probabilities(probs), runId];
        });
      }
    }
  },
};
