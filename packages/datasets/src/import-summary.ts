import { formatTable } from '@ferbench/shared';
import type { ImportSummary } from './import-dataset.js';

function formatDuplicates(d: ImportSummary['duplicates']): string {
  if (d.any === 0) return 'duplicates: none (no two images share a sha256)';
  return (
    `duplicates: ${d.any} images are exact copies (same sha256) of another — ${d.withinDataset} within this dataset, ` +
    `${d.acrossDatasets} of images in ${d.otherDatasets.length === 0 ? 'other datasets' : d.otherDatasets.join(', ')}`
  );
}

/** The import's outcome: a line of totals, every problem and skipped image by name, duplicates, and a label × split table. */
export function formatImportSummary(summary: ImportSummary): string {
  const splits = [...new Set(summary.counts.map((c) => c.split))];
  const labelOf = (c: ImportSummary['counts'][number]) => `${c.labelRaw ?? '?'} (${c.emotion ?? 'none'})`;
  const labels = [...new Set(summary.counts.map(labelOf))];
  const count = (label: string | null, split: string) =>
    summary.counts.filter((c) => c.split === split && (label === null || labelOf(c) === label)).reduce((n, c) => n + c.count, 0);
  const row = (name: string, label: string | null) => {
    const cells = splits.map((s) => count(label, s));
    return [name, ...cells.map(String), String(cells.reduce((a, b) => a + b, 0))];
  };
  return [
    `dataset ${summary.datasetId} (${summary.format}, ${summary.root}): ${summary.listed} listed, ${summary.inserted} new, ` +
      `${summary.updated} changed, ${summary.unchanged} unchanged, ${summary.skipped.length} problems` +
      (summary.humanVotesWritten > 0 ? `; human votes written for ${summary.humanVotesWritten} faces` : '') +
      (summary.humanRatingsWritten > 0 ? `; human ratings written for ${summary.humanRatingsWritten} faces` : ''),
    // A layout problem's text says itself what became of the item; an image that could not be read was skipped.
    ...summary.skipped.map((s) => (s.reason === 'layout' ? `  ${s.name}` : `  skipped ${s.name}: ${s.reason}`)),
    ...summary.notes.map((n) => `  note: ${n}`),
    formatDuplicates(summary.duplicates),
    formatTable(['label', ...splits, 'total'], [...labels.map((l) => row(l, l)), row('total', null)]),
  ].join('\n');
}
