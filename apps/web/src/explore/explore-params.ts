import { isEmotion } from '@ferbench/shared';
import type { ImageFilter, ImageOrderField, OrderDirection } from '../gql/graphql';

/**
 * The explorer's state lives in its URL, so every view can be linked to:
 * `?disagree=A&disagree=B&gold=happiness&predictedBy=M&predicted=anger&minEntropy=0.5&minHumanEntropy=1&duplicates=1
 *  &order=model-entropy&dir=desc&after=…`.
 * Parsed here once; a value that cannot be used is reported by name with what was expected, never silently dropped.
 */
export type SearchParams = Record<string, string | string[] | undefined>;

export const ORDER_FIELDS = {
  'model-entropy': 'MODEL_ENTROPY',
  'p-i': 'FLEISS_P_I',
  'human-entropy': 'HUMAN_ENTROPY',
  id: 'ID',
} as const satisfies Record<string, ImageOrderField>;

export type OrderParam = keyof typeof ORDER_FIELDS;

export const ORDER_NAMES: Record<OrderParam, string> = {
  'model-entropy': 'model vote entropy',
  'p-i': "Fleiss' P_i",
  'human-entropy': 'human vote entropy',
  id: 'import order',
};

export interface ExploreState {
  disagree: [string, string] | null;
  gold: string | null;
  predictedBy: string | null;
  predicted: string | null;
  minEntropy: number | null;
  minHumanEntropy: number | null;
  duplicates: boolean;
  order: OrderParam;
  dir: 'asc' | 'desc';
  after: string | null;
}

/** Most disagreement first: the explorer's reason to exist. */
export const DEFAULT_STATE: ExploreState = {
  disagree: null,
  gold: null,
  predictedBy: null,
  predicted: null,
  minEntropy: null,
  minHumanEntropy: null,
  duplicates: false,
  order: 'model-entropy',
  dir: 'desc',
  after: null,
};

function all(params: SearchParams, name: string): string[] {
  const value = params[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => v.trim()).filter((v) => v !== '');
}

function one(params: SearchParams, name: string, problems: string[]): string | null {
  const values = all(params, name);
  if (values.length > 1) problems.push(`${name}: expected one value, got ${values.length}`);
  return values[0] ?? null;
}

function bits(params: SearchParams, name: string, problems: string[]): number | null {
  const raw = one(params, name, problems);
  if (raw === null) return null;
  const value = Number(raw);
  if (Number.isFinite(value) && value >= 0) return value;
  problems.push(`${name}: expected a number of bits ≥ 0, got "${raw}"`);
  return null;
}

export function parseExploreParams(params: SearchParams): { state: ExploreState; problems: string[] } {
  const problems: string[] = [];
  const state: ExploreState = { ...DEFAULT_STATE };

  const disagree = all(params, 'disagree');
  if (disagree.length === 2) state.disagree = [disagree[0]!, disagree[1]!];
  else if (disagree.length !== 0) problems.push(`disagree: expected two model ids (disagree=A&disagree=B), got ${disagree.length}`);

  const gold = one(params, 'gold', problems);
  if (gold !== null && !isEmotion(gold)) problems.push(`gold: expected a canonical emotion, got "${gold}"`);
  else state.gold = gold;

  state.predictedBy = one(params, 'predictedBy', problems);
  const predicted = one(params, 'predicted', problems);
  if (predicted !== null && !isEmotion(predicted)) problems.push(`predicted: expected a canonical emotion, got "${predicted}"`);
  else state.predicted = predicted;
  if ((state.predictedBy === null) !== (state.predicted === null)) problems.push('predictedBy and predicted: expected both (a model and the label it gave) or neither');

  state.minEntropy = bits(params, 'minEntropy', problems);
  state.minHumanEntropy = bits(params, 'minHumanEntropy', problems);
  const duplicates = one(params, 'duplicates', problems);
  if (duplicates !== null && duplicates !== '1') problems.push(`duplicates: expected 1 (only faces whose file occurs more than once), got "${duplicates}"`);
  state.duplicates = duplicates === '1';

  const order = one(params, 'order', problems);
  if (order !== null) {
    if (order in ORDER_FIELDS) state.order = order as OrderParam;
    else problems.push(`order: expected one of ${Object.keys(ORDER_FIELDS).join(', ')}, got "${order}"`);
  }
  const dir = one(params, 'dir', problems);
  if (dir !== null) {
    if (dir === 'asc' || dir === 'desc') state.dir = dir;
    else problems.push(`dir: expected asc or desc, got "${dir}"`);
  }
  state.after = one(params, 'after', problems);
  return { state, problems };
}

/** The API's filter for a state; null when nothing filters. */
export function toImageFilter(state: ExploreState): ImageFilter | null {
  const filter: ImageFilter = {
    disagree: state.disagree ? { modelA: state.disagree[0], modelB: state.disagree[1] } : null,
    goldLabel: state.gold,
    predicted: state.predictedBy !== null && state.predicted !== null ? { model: state.predictedBy, label: state.predicted } : null,
    minModelEntropy: state.minEntropy,
    minHumanEntropy: state.minHumanEntropy,
    duplicatesOnly: state.duplicates ? true : null,
  };
  return Object.values(filter).some((v) => v !== null) ? filter : null;
}

export function toImageOrder(state: ExploreState): { field: ImageOrderField; direction: OrderDirection } {
  return { field: ORDER_FIELDS[state.order], direction: state.dir === 'asc' ? 'ASC' : 'DESC' };
}

/** The explorer URL of a state; defaults are left out so links stay short. */
export function exploreHref(datasetId: string, state: Partial<ExploreState>): string {
  const full = { ...DEFAULT_STATE, ...state };
  const query = new URLSearchParams();
  if (full.disagree) for (const model of full.disagree) query.append('disagree', model);
  if (full.gold !== null) query.set('gold', full.gold);
  if (full.predictedBy !== null && full.predicted !== null) {
    query.set('predictedBy', full.predictedBy);
    query.set('predicted', full.predicted);
  }
  if (full.minEntropy !== null) query.set('minEntropy', String(full.minEntropy));
  if (full.minHumanEntropy !== null) query.set('minHumanEntropy', String(full.minHumanEntropy));
  if (full.duplicates) query.set('duplicates', '1');
  if (full.order !== DEFAULT_STATE.order) query.set('order', full.order);
  if (full.dir !== DEFAULT_STATE.dir) query.set('dir', full.dir);
  if (full.after !== null) query.set('after', full.after);
  const search = query.toString();
  return `/datasets/${encodeURIComponent(datasetId)}/explore${search ? `?${search}` : ''}`;
}
