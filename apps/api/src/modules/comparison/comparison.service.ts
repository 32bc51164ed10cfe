import { type Emotion, classificationMetrics, mcnemarTest } from '@ferbench/shared';
import { statValue } from '../../common/stat-value.js';
import type { Public } from '../../container/public.js';
import { toCohenKappa } from '../agreement/cohen-kappa.mapper.js';
import { chooseLabelSet } from '../agreement/label-set.js';
import type { DatasetService } from '../dataset/dataset.service.js';
import type { ModelService } from '../model/model.service.js';
import { ComparisonError, ComparisonErrorCode } from './comparison.error.js';
import type { ComparisonRepository, PairedCell } from './comparison.repository.js';
import type { AccuracyType } from './dto/accuracy.type.js';
import type { ComparisonType } from './dto/comparison.type.js';

const square = (q: number) => Array.from({ length: q }, () => new Array<number>(q).fill(0));

function accuracy(labelSet: readonly Emotion[], cells: readonly PairedCell[], model: 'a' | 'b'): AccuracyType {
  const counts = square(labelSet.length);
  for (const cell of cells) if (cell.gold !== null) counts[labelSet.indexOf(cell.gold)]![labelSet.indexOf(cell[model])]! += cell.n;
  const metrics = classificationMetrics({ categories: labelSet, counts });
  return { ...statValue(metrics.accuracy), n: metrics.n };
}

export class ComparisonService {
  constructor(
    private readonly repository: Public<ComparisonRepository>,
    private readonly datasets: Pick<DatasetService, 'get'>,
    private readonly models: Pick<ModelService, 'getMany'>,
  ) {}

  /** Both accuracies, Cohen's κ between the two, McNemar, and how often they differ, from one count query. */
  async compare(modelAId: string, modelBId: string, datasetId: string, requestedLabels: readonly string[] | undefined): Promise<ComparisonType> {
    if (modelAId === modelBId) throw new ComparisonError(ComparisonErrorCode.SameModel, { id: modelAId });
    const dataset = await this.datasets.get(datasetId);
    const models = await this.models.getMany([modelAId, modelBId]);
    const labelSet = chooseLabelSet(models, requestedLabels);
    const cells = await this.repository.pairedCells(datasetId, modelAId, modelBId, labelSet);

    const pairTable = square(labelSet.length);
    let nDiffer = 0;
    let b = 0;
    let c = 0;
    for (const cell of cells) {
      pairTable[labelSet.indexOf(cell.a)]![labelSet.indexOf(cell.b)]! += cell.n;
      if (cell.a !== cell.b) nDiffer += cell.n;
      if (cell.gold === null) continue;
      if (cell.a === cell.gold && cell.b !== cell.gold) b += cell.n;
      if (cell.a !== cell.gold && cell.b === cell.gold) c += cell.n;
    }
    const kappa = toCohenKappa(pairTable);
    const accuracyA = accuracy(labelSet, cells, 'a');
    return {
      dataset,
      modelA: models[0]!,
      modelB: models[1]!,
      labelSet,
      nFaces: kappa.n,
      nDiffer,
      kappa,
      accuracyA,
      accuracyB: accuracy(labelSet, cells, 'b'),
      mcnemar: { ...mcnemarTest(b, c), n: accuracyA.n },
    };
  }
}
