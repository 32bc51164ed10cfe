import { fleissKappa, landisKoch } from '@ferbench/shared';
import { statValue } from '../../common/stat-value.js';
import type { Public } from '../../container/public.js';
import type { DatasetService } from '../dataset/dataset.service.js';
import { commonEmotions } from '../model/common-emotions.js';
import type { ModelService } from '../model/model.service.js';
import type { AgreementRepository } from './agreement.repository.js';
import type { AgreementType } from './dto/agreement.type.js';

export class AgreementService {
  constructor(
    private readonly repository: Public<AgreementRepository>,
    private readonly datasets: Pick<DatasetService, 'get'>,
    private readonly models: Pick<ModelService, 'getMany' | 'listPredictedOn'>,
  ) {}

  /** `modelIds` undefined: every model with predictions on the dataset. */
  async agreement(datasetId: string, modelIds: readonly string[] | undefined): Promise<AgreementType> {
    const dataset = await this.datasets.get(datasetId);
    const models = modelIds === undefined ? await this.models.listPredictedOn(datasetId) : await this.models.getMany(modelIds);
    const labelSet = commonEmotions(models.map((m) => m.emotions));
    const table = await this.repository.countTable(
      datasetId,
      models.map((m) => m.id),
      labelSet,
    );
    const kappa = statValue(fleissKappa(table, { raters: models.length }));
    return {
      dataset,
      models,
      nFaces: table.rows.length,
      nRaters: models.length,
      labelSet,
      fleissKappa: kappa.value,
      fleissKappaReason: kappa.reason,
      interpretation: kappa.value === null ? null : landisKoch(kappa.value),
    };
  }
}
