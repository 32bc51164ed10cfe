import { createHash } from 'node:crypto';
import {
  ENSEMBLE_ID,
  type EnsembleRule,
  type EnsembleSpec,
  type ModelCard,
  commonEmotions,
  emittableEmotions,
  ensembleCard,
  ensembleHashInput,
  isEnsembleCard,
  validateModelCard,
} from '@ferbench/shared';
import type { SqlRows } from '../sql-rows.js';
import { EnsembleError, EnsembleErrorCode } from './ensemble-error.js';
import { insertEnsemblePredictions } from './ensemble-predictions.sql.js';
import type { Transaction } from './transaction.js';

/** The built-in ensembles: every registered zoo model, by mean probability and by majority vote. */
export const BUILTIN_ENSEMBLES: readonly { id: string; rule: EnsembleRule }[] = [
  { id: 'zoo-mean', rule: 'mean' },
  { id: 'zoo-vote', rule: 'vote' },
];

/** SQL condition on a models row (alias m): it is an ensemble. */
export const IS_ENSEMBLE_SQL = `(coalesce(m.card->>'kind', '') = 'ensemble')`;

export interface EnsembleSummary {
  id: string;
  rule: EnsembleRule;
  members: string[];
  builtin: boolean;
  sha256: string;
  /** Faces written per dataset by the refresh (datasets where some member has not predicted are left out). */
  datasets: { datasetId: string; faces: number }[];
}

interface ModelRow {
  id: string;
  sha256: string;
  card: ModelCard;
}

async function modelRows(rows: SqlRows, ids: readonly string[] | null): Promise<ModelRow[]> {
  const found = await rows<{ id: string; sha256: string; card: unknown }>(
    `SELECT id, sha256, card FROM models WHERE $1::text[] IS NULL OR id = ANY($1::text[]) ORDER BY id`,
    [ids],
  );
  return found.map((r) => ({ id: r.id, sha256: r.sha256.trim(), card: validateModelCard(r.card, `models.card of ${r.id}`) }));
}

/** The members of a spec as registered models, checked: at least 2, all registered, none an ensemble, a shared label. */
async function checkedMembers(rows: SqlRows, members: readonly string[]): Promise<ModelRow[]> {
  const distinct = [...new Set(members)];
  if (distinct.length < 2) throw new EnsembleError(EnsembleErrorCode.TooFewMembers, `models: expected at least 2 distinct model ids, got ${distinct.length} (${distinct.join(', ') || 'none'})`);
  const found = new Map((await modelRows(rows, distinct)).map((m) => [m.id, m]));
  const unknown = distinct.filter((id) => !found.has(id));
  if (unknown.length > 0) throw new EnsembleError(EnsembleErrorCode.UnknownMembers, `models: unknown model(s) ${unknown.join(', ')}`, unknown);
  const nested = distinct.filter((id) => isEnsembleCard(found.get(id)!.card));
  if (nested.length > 0) throw new EnsembleError(EnsembleErrorCode.MemberIsEnsemble, `models: ${nested.join(', ')} ${nested.length === 1 ? 'is an ensemble' : 'are ensembles'}; list the models themselves`, nested);
  return distinct.map((id) => found.get(id)!);
}

function labelSetOf(members: readonly ModelRow[]) {
  return commonEmotions(members.map((m) => emittableEmotions({ labels: m.card.output.labels, map: m.card.output.labelMap })));
}

/** Writes (or rewrites) the ensemble's models row from its members' cards. */
async function saveCard(rows: SqlRows, id: string, spec: EnsembleSpec, members: readonly ModelRow[]): Promise<ModelCard> {
  const labelSet = labelSetOf(members);
  if (labelSet.length < 2) throw new EnsembleError(EnsembleErrorCode.NoCommonLabels, `models: ${spec.members.join(', ')} share ${labelSet.length} emittable emotion(s); an ensemble needs at least 2`);
  const sha256 = createHash('sha256').update(ensembleHashInput(spec.rule, members)).digest('hex');
  const card = ensembleCard(id, spec, members[0]!.card, labelSet, sha256);
  await rows(
    `INSERT INTO models (id, name, version, sha256, card) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET sha256 = EXCLUDED.sha256, card = EXCLUDED.card`,
    [id, card.name, card.version, card.sha256, JSON.stringify(card)],
  );
  return card;
}

/** Recomputes the ensemble's predictions on every dataset all its members predicted (the rows before are replaced). */
async function materialise(rows: SqlRows, card: ModelCard & { ensemble: EnsembleSpec }): Promise<EnsembleSummary['datasets']> {
  await rows(`DELETE FROM runs WHERE model_id = $1`, [card.id]); // cascades to its predictions
  const datasets = await rows<{ dataset_id: string }>(
    `SELECT r.dataset_id FROM runs r WHERE r.model_id = ANY($1::text[]) AND r.status = 'done'
      GROUP BY r.dataset_id HAVING count(DISTINCT r.model_id) = cardinality($1::text[]) ORDER BY 1`,
    [card.ensemble.members],
  );
  const labelSet = card.output.labels as ReturnType<typeof labelSetOf>;
  const written: EnsembleSummary['datasets'] = [];
  for (const { dataset_id: datasetId } of datasets) {
    const [run] = await rows<{ id: string }>(
      `INSERT INTO runs (model_id, dataset_id, status, device, execution_provider, ort_version, batch_size, n_images, started_at)
       VALUES ($1, $2, 'running', 'sql', 'ensemble', '-', 0, 0, now()) RETURNING id`,
      [card.id, datasetId],
    );
    const faces = await insertEnsemblePredictions(rows, { ensembleId: card.id, datasetId, runId: run!.id, rule: card.ensemble.rule, members: card.ensemble.members, labelSet });
    await rows(`UPDATE runs SET status = 'done', finished_at = now(), n_images = $2, n_predicted = $2 WHERE id = $1`, [run!.id, faces]);
    written.push({ datasetId, faces });
  }
  return written;
}

function summary(card: ModelCard & { ensemble: EnsembleSpec }, datasets: EnsembleSummary['datasets']): EnsembleSummary {
  return { id: card.id, rule: card.ensemble.rule, members: card.ensemble.members, builtin: card.ensemble.builtin === true, sha256: card.sha256, datasets };
}

/** Registers a new ensemble and computes its predictions; every bad argument is an EnsembleError naming the field. */
export async function createEnsemble(transaction: Transaction, args: { id: string; rule: string; members: readonly string[] }): Promise<EnsembleSummary> {
  if (!ENSEMBLE_ID.test(args.id)) throw new EnsembleError(EnsembleErrorCode.InvalidId, `id: expected a slug of lowercase letters, digits, ".", "_" or "-", got "${args.id}"`);
  if (args.rule !== 'mean' && args.rule !== 'vote') throw new EnsembleError(EnsembleErrorCode.InvalidRule, `rule: expected "mean" or "vote", got "${args.rule}"`);
  const rule = args.rule;
  return transaction(async (rows) => {
    const taken = await rows<{ id: string }>(`SELECT id FROM models WHERE id = $1`, [args.id]);
    if (taken.length > 0) throw new EnsembleError(EnsembleErrorCode.IdTaken, `id: a model "${args.id}" is already registered`);
    const members = await checkedMembers(rows, args.members);
    const card = (await saveCard(rows, args.id, { rule, members: members.map((m) => m.id) }, members)) as ModelCard & { ensemble: EnsembleSpec };
    return summary(card, await materialise(rows, card));
  });
}

/**
 * Refreshes ensembles: the built-ins first (created when missing, their members re-read as the registered zoo
 * models, at least 2 needed), then the others; `only`, when given, limits it to the ensembles having one of
 * those ids or members (none matching: nothing to do, not an error). Each ensemble in its own transaction.
 */
export async function refreshEnsembles(transaction: Transaction, options: { zooIds: ReadonlySet<string>; only?: readonly string[] }): Promise<EnsembleSummary[]> {
  const done: EnsembleSummary[] = [];
  const zoo = await transaction(async (rows) => (await modelRows(rows, [...options.zooIds])).filter((m) => !isEnsembleCard(m.card)).map((m) => m.id));
  for (const builtin of BUILTIN_ENSEMBLES) {
    if (zoo.length < 2) break;
    if (options.only !== undefined && !options.only.some((id) => id === builtin.id || zoo.includes(id))) continue;
    done.push(
      await transaction(async (rows) => {
        const members = await checkedMembers(rows, zoo);
        const card = (await saveCard(rows, builtin.id, { rule: builtin.rule, members: zoo, builtin: true }, members)) as ModelCard & { ensemble: EnsembleSpec };
        return summary(card, await materialise(rows, card));
      }),
    );
  }
  const others = await transaction(async (rows) => (await modelRows(rows, null)).filter((m) => isEnsembleCard(m.card) && m.card.ensemble?.builtin !== true));
  for (const { card } of others) {
    const spec = card.ensemble!;
    if (options.only !== undefined && !options.only.some((id) => id === card.id || spec.members.includes(id))) continue;
    done.push(
      await transaction(async (rows) => {
        const saved = (await saveCard(rows, card.id, spec, await checkedMembers(rows, spec.members))) as ModelCard & { ensemble: EnsembleSpec };
        return summary(saved, await materialise(rows, saved));
      }),
    );
  }
  return done;
}

/** Every registered ensemble, by id. */
export async function listEnsembles(rows: SqlRows): Promise<(EnsembleSpec & { id: string; sha256: string })[]> {
  return (await modelRows(rows, null)).flatMap((m) => (isEnsembleCard(m.card) ? [{ id: m.id, sha256: m.sha256, ...m.card.ensemble }] : []));
}
