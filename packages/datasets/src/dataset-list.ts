import { EMOTIONS, emotionAt, formatTable } from '@ferbench/shared';
import type pg from 'pg';
import { type DuplicateCounts, duplicateCounts } from './duplicate-counts.js';

/** The label a count goes under when the published label has no canonical emotion. */
export const UNMAPPED = 'unmapped';

export interface DatasetListItem {
  id: string;
  format: string;
  root: string;
  images: number;
  /** Per split: its image count and the count per canonical emotion (UNMAPPED: published labels without one). */
  splits: Record<string, { images: number; labels: Record<string, number> }>;
  duplicates: DuplicateCounts;
}

/** Every dataset in the database with its counts per split and canonical label, and its exact duplicates. */
export async function listDatasets(pool: pg.Pool): Promise<DatasetListItem[]> {
  const { rows: datasets } = await pool.query<{ id: string; format: string; root: string }>(`SELECT id, format, root FROM datasets ORDER BY id`);
  const { rows: counts } = await pool.query<{ dataset_id: string; split: string; gold_label: number | null; n: string }>(
    `SELECT dataset_id, split, gold_label, count(*) AS n FROM images GROUP BY dataset_id, split, gold_label ORDER BY dataset_id, split, gold_label`,
  );
  const items: DatasetListItem[] = [];
  for (const d of datasets) {
    const splits: DatasetListItem['splits'] = {};
    let images = 0;
    for (const c of counts.filter((r) => r.dataset_id === d.id)) {
      const split = (splits[c.split] ??= { images: 0, labels: {} });
      const label = c.gold_label === null ? UNMAPPED : emotionAt(c.gold_label);
      split.labels[label] = Number(c.n);
      split.images += Number(c.n);
      images += Number(c.n);
    }
    items.push({ ...d, images, splits, duplicates: await duplicateCounts(pool, d.id) });
  }
  return items;
}

/** The list as text: one table per dataset, canonical labels down, splits across. */
export function formatDatasetList(items: readonly DatasetListItem[]): string {
  if (items.length === 0) return 'no datasets imported (ferbench dataset import --format <format> <path>)';
  return items
    .map((d) => {
      const splits = Object.keys(d.splits);
      const labels = [...EMOTIONS, UNMAPPED].filter((l) => splits.some((s) => d.splits[s]!.labels[l] !== undefined));
      const row = (name: string, count: (s: string) => number) => [name, ...splits.map((s) => String(count(s))), String(splits.reduce((n, s) => n + count(s), 0))];
      return [
        `${d.id} (${d.format}, ${d.root}): ${d.images} images; duplicates: ${d.duplicates.withinDataset} within, ${d.duplicates.acrossDatasets} across datasets`,
        formatTable(['label', ...splits, 'total'], [...labels.map((l) => row(l, (s) => d.splits[s]!.labels[l] ?? 0)), row('total', (s) => d.splits[s]!.images)]),
      ].join('\n');
    })
    .join('\n\n');
}
