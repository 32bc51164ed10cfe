import { type Column, type Row, column } from '../writers/columns.js';
import type { ExportTable } from './export-table.js';

const LEADERBOARD: Column[] = [
  column('dataset', 'string'),
  column('dataset_sha256', 'string'),
  column('model_id', 'string'),
  column('model_sha256', 'string'),
  column('n', 'int'),
  column('accuracy', 'float64', true),
  column('macro_f1', 'float64', true),
  column('label_set', 'json'),
];

/** The leaderboard of each dataset, in the API's order (accuracy, then model id). */
export const leaderboardTable: ExportTable = {
  name: 'leaderboard',
  columns: () => LEADERBOARD,
  async *rows({ figures }): AsyncIterable<Row[]> {
    yield figures.leaderboard.map((e) => [e.datasetId, e.datasetSha256, e.modelId, e.modelSha256, e.n, e.accuracy, e.macroF1, e.labelSet]);
  },
};

const AGREEMENT: Column[] = [
  column('dataset', 'string'),
  column('dataset_sha256', 'string'),
  column('models', 'json'),
  column('n_raters', 'int'),
  column('n_faces', 'int'),
  column('label_set', 'json'),
  column('fleiss_kappa', 'float64', true),
  column('fleiss_kappa_se', 'float64', true),
  column('ci_low', 'float64', true),
  column('ci_high', 'float64', true),
  column('ci_level', 'float64'),
  column('resamples', 'int'),
  column('seed', 'int'),
  column('reason', 'string', true),
];

/** Fleiss' κ of the exported models per dataset, with its n, SE and seeded bootstrap CI. */
export const agreementTable: ExportTable = {
  name: 'agreement',
  columns: () => AGREEMENT,
  async *rows({ figures }): AsyncIterable<Row[]> {
    yield figures.agreement.map((a) => [a.datasetId, a.datasetSha256, a.models, a.nRaters, a.nFaces, a.labelSet, a.kappa, a.se, a.ci.low, a.ci.high, a.ci.level, a.ci.resamples, a.ci.seed, a.reason]);
  },
};
