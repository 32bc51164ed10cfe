import { EMOTIONS, type Emotion } from '../taxonomy/emotions.js';
import type { EnsembleSpec, ModelCard } from './model-card.js';

/** Ensemble ids: the model-card slug. */
export const ENSEMBLE_ID = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/**
 * The card of an ensemble: a valid model card (so every reader of `models.card` keeps working) whose kind says
 * there is nothing to run; its output labels are the canonical emotions all members can emit, its sha256 the
 * hash of its rule and its members' hashes, computed by the caller (no I/O here).
 */
export function ensembleCard(id: string, spec: EnsembleSpec, first: ModelCard, labelSet: readonly Emotion[], sha256: string): ModelCard {
  const members = spec.members.join(', ');
  return {
    id,
    name: id,
    version: 'ensemble',
    file: '(ensemble: computed from stored predictions)',
    sha256,
    source: { url: 'ferbench:ensemble', licence: "its members' licences" },
    trainingData: `its members': ${members}`,
    architecture: `ensemble (${spec.rule === 'mean' ? 'mean probability' : 'majority vote'}) of ${members}`,
    // a card needs an input; an ensemble's faces are preprocessed by each member as its own card says
    input: first.input,
    output: { name: 'ensemble', kind: 'probabilities', labels: [...labelSet], labelMap: Object.fromEntries(labelSet.map((e) => [e, e])) },
    notes:
      spec.rule === 'mean'
        ? 'probabilities: the mean of the members’ probabilities over the labels all of them can emit, renormalised'
        : 'probabilities: each label’s share of the members’ votes (a member’s vote is its label within the labels all can emit); label: the most votes, ties to the higher summed probability, then canonical order',
    kind: 'ensemble',
    ensemble: { ...spec, members: [...spec.members] },
  };
}

/** What an ensemble's sha256 hashes: its rule and its members' ids and sha256s, in member order. */
export function ensembleHashInput(rule: EnsembleSpec['rule'], members: readonly { id: string; sha256: string }[]): string {
  return JSON.stringify({ rule, members: members.map((m) => [m.id, m.sha256]), taxonomy: EMOTIONS });
}
