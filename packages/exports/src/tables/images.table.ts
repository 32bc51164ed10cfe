import { EMOTIONS, HUMAN_VOTE_CATEGORIES } from '@ferbench/shared';
import { cursorBatches } from '../cursor-batches.js';
import { type Column, type Row, column } from '../writers/columns.js';
import type { ExportContext, ExportTable } from './export-table.js';

/** One crowd-vote count column per human vote category: votes_neutral … votes_contempt, votes_unknown, votes_not_a_face. */
export const VOTE_COLUMNS = HUMAN_VOTE_CATEGORIES.map((c) => `votes_${c.replace(/-/g, '_')}`);

function columns({ omitImagePaths }: ExportContext): Column[] {
  return [
    column('dataset', 'string'),
    column('image_id', 'bigint'),
    ...(omitImagePaths ? [] : [column('key', 'string'), column('path', 'string')]),
    column('sha256', 'string'),
    column('bytes', 'int'),
    column('width', 'int'),
    column('height', 'int'),
    column('split', 'string'),
    column('gold_label', 'string', true),
    column('gold_label_raw', 'string', true),
    ...VOTE_COLUMNS.map((name) => column(name, 'int', true)),
    column('annotations', 'json', true),
  ];
}

const VOTE_SUMS = HUMAN_VOTE_CATEGORIES.map((_, k) => `CASE WHEN hv.n = 0 THEN NULL ELSE coalesce(hv.v${k}, 0) END`).join(', ');
const VOTE_FILTERS = HUMAN_VOTE_CATEGORIES.map((_, k) => `sum(h.votes) FILTER (WHERE h.label = ${k})::int AS v${k}`).join(', ');

/**
 * Every image of the chosen datasets with its crowd votes (null where the dataset has none for the face, 0 for a
 * category nobody chose) and the annotations its dataset publishes. With omitImagePaths the key and path columns
 * are left out; hashes, votes and attributes stay.
 */
export const imagesTable: ExportTable = {
  name: 'images',
  columns,
  async *rows(context: ExportContext): AsyncIterable<Row[]> {
    const { pool, selection, omitImagePaths } = context;
    const sql = `SELECT i.dataset_id, i.id::text, i.key, i.path, i.sha256, i.bytes, i.width, i.height, i.split, i.gold_label, i.gold_label_raw, ${VOTE_SUMS}, i.annotations
                   FROM images i
                   LEFT JOIN LATERAL (SELECT count(*) AS n, ${VOTE_FILTERS} FROM human_votes h WHERE h.image_id = i.id) hv ON true
                  WHERE i.dataset_id = $1
                  ORDER BY i.id`;
    for (const dataset of selection.datasets)
      for await (const batch of cursorBatches(pool, sql, [dataset.id]))
        yield batch.map((r) => {
          const [datasetId, id, key, path, ...rest] = r;
          const gold = rest[5] as number | null;
          const row = [datasetId, id, ...(omitImagePaths ? [] : [key, path]), ...rest.slice(0, 5), gold === null ? null : EMOTIONS[gold]!, ...rest.slice(6)];
          return row as Row;
        });
  },
};
