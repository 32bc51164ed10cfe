import type { DatasetKappa } from '@ferbench/scores';
import type { ZooScores } from './zoo-scores.js';

const fixed = (x: number | null) => (x === null ? '–' : x.toFixed(3));
const cell = (text: string) => text.replace(/\|/g, '\\|');

/**
 * The zoo table as Markdown: per model its ONNX sha256 (12 hex), training data, preprocessing, and per dataset
 * accuracy, macro-F1 and n; then each dataset's image count, content hash and the Fleiss κ of all zoo models on it.
 */
export function zooTableMarkdown(scores: ZooScores, kappas: readonly DatasetKappa[] = []): string {
  const header = ['model', 'ONNX sha256', 'trained on', 'preprocessing (as the card feeds it)', ...scores.datasets.flatMap((d) => [`${d.id} acc`, `${d.id} macro-F1`, `${d.id} n`])];
  const rows = scores.models.map((m) => [
    `\`${m.id}\``,
    `\`${m.sha256.slice(0, 12)}\``,
    cell(m.trainingData),
    cell(m.preprocessing),
    ...scores.datasets.flatMap((d) => {
      const s = m.scores[d.id];
      return s === undefined ? ['not run', '', ''] : [fixed(s.accuracy), fixed(s.macroF1), String(s.n)];
    }),
  ]);
  const line = (row: readonly string[]) => `| ${row.join(' | ')} |`;
  const align = header.map((_, i) => (i < 4 ? '---' : '---:'));
  const datasets = scores.datasets.map((d) => {
    const k = kappas.find((x) => x.datasetId === d.id);
    const kappa =
      k === undefined
        ? ''
        : k.kappa === null
          ? `; Fleiss κ of all ${k.nRaters} zoo models undefined (${k.reason})`
          : `; Fleiss κ of all ${k.nRaters} zoo models ${k.kappa.toFixed(3)} (SE ${k.se?.toFixed(4)}, ${k.ci.level * 100}% CI ${fixed(k.ci.low)}–${fixed(k.ci.high)} from ${k.ci.resamples} bootstrap resamples, seed ${k.ci.seed}; ${k.nFaces} faces; labels ${k.labelSet.join(', ')})`;
    return `- \`${d.id}\`: ${d.images} images, content sha256 \`${d.contentSha256}\`${kappa}`;
  });
  return [line(header), line(align), ...rows.map(line), '', ...datasets].join('\n');
}

/** Replaces what lies between the start and end markers (kept) in `text`; throws naming the missing marker. */
export function replaceBetweenMarkers(text: string, name: string, replacement: string, where: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1 || to < from) throw new Error(`${where}: expected the markers ${start} and ${end}, in that order`);
  return `${text.slice(0, from + start.length)}\n${replacement}\n${text.slice(to)}`;
}
