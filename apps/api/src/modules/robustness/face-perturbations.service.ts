import { SUITES } from '@ferbench/inference';
import { emotionAt } from '@ferbench/shared';
import type { Public } from '../../container/public.js';
import type { ModelService } from '../model/model.service.js';
import type { FacePerturbationType } from './dto/face-perturbation.type.js';
import type { FacePerturbationsRepository, StoredFaceVote } from './face-perturbations.repository.js';

/** The default suite's order (as the README table), then any other perturbation by name. */
const SUITE_ORDER = new Map((SUITES.default ?? []).map((name, i) => [name, i]));
const rank = (name: string): number => SUITE_ORDER.get(name) ?? SUITE_ORDER.size;

// real[] can hold NaN, which GraphQL's Float cannot carry.
const finiteOrNull = (x: number | null): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** Each model's vote on one face clean and under every perturbation it was run on, marking the votes that changed. */
export class FacePerturbationsService {
  constructor(
    private readonly repository: Public<FacePerturbationsRepository>,
    private readonly models: Pick<ModelService, 'getMany'>,
  ) {}

  async underPerturbation(imageId: string): Promise<FacePerturbationType[]> {
    const votes = await this.repository.votes(imageId);
    if (votes.length === 0) return [];
    const modelIds = [...new Set(votes.map((v) => v.modelId))].sort();
    const models = new Map((await this.models.getMany(modelIds)).map((m) => [m.id, m]));
    const clean = new Map(votes.filter((v) => v.perturbation === null).map((v) => [v.modelId, v.label]));
    const columns = new Map<string | null, StoredFaceVote[]>([[null, []]]);
    for (const v of votes) {
      const column = columns.get(v.perturbation);
      if (column === undefined) columns.set(v.perturbation, [v]);
      else column.push(v);
    }
    const names = [...columns.keys()].filter((p): p is string => p !== null).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    return [null, ...names].map((perturbation) => ({
      perturbation,
      votes: columns.get(perturbation)!.map((v) => {
        const before = clean.get(v.modelId);
        return {
          model: models.get(v.modelId)!,
          label: v.label === null ? null : emotionAt(v.label),
          probability: v.label === null ? null : finiteOrNull(v.probability),
          error: v.error,
          changed: v.label === null || before === undefined || before === null ? null : v.label !== before,
        };
      }),
    }));
  }
}
