import { type Emotion, emotionIndex, itemAgreement } from '@ferbench/shared';
import type { DatasetService } from '../dataset/dataset.service.js';
import type { ImageService } from '../image/image.service.js';
import { commonEmotions } from '../model/common-emotions.js';
import type { ModelService } from '../model/model.service.js';
import type { Public } from '../../container/public.js';
import type { ImageType } from '../image/dto/image.type.js';
import type { ImageConnectionType } from './dto/image-connection.type.js';
import type { ImageEdgeType } from './dto/image-edge.type.js';
import type { ImageFilterInput } from './dto/image-filter.input.js';
import { ImageOrderField, OrderDirection } from './dto/image-order.input.js';
import type { ImagesArgs } from './dto/images.args.js';
import { ExploreError, ExploreErrorCode } from './explore.error.js';
import type { ExploreRepository, FacePageQuery, FaceRow, FaceSortKey } from './explore.repository.js';
import { decodeImageCursor, encodeImageCursor } from './image-cursor.js';

const SORT_KEYS: Record<ImageOrderField, FaceSortKey> = {
  [ImageOrderField.MODEL_ENTROPY]: 'entropy',
  [ImageOrderField.HUMAN_ENTROPY]: 'human_entropy',
  [ImageOrderField.FLEISS_P_I]: 'p_i',
  [ImageOrderField.ID]: null,
};

/** The faces of a dataset, filtered and sorted by how much the models (and people) agree on them. */
export class ExploreService {
  constructor(
    private readonly repository: Public<ExploreRepository>,
    private readonly datasets: Pick<DatasetService, 'get'>,
    private readonly models: Pick<ModelService, 'getMany' | 'listPredictedOn'>,
    /** The faces themselves, exactly as image(id) shows them. */
    private readonly faces: Pick<ImageService, 'find'>,
  ) {}

  async images(args: ImagesArgs): Promise<ImageConnectionType> {
    await this.datasets.get(args.dataset);
    const models = args.models ? await this.models.getMany(args.models) : await this.models.listPredictedOn(args.dataset);
    const labelSet = commonEmotions(models.map((m) => m.emotions));
    const field = args.orderBy?.field ?? ImageOrderField.ID;
    const direction = args.orderBy?.direction ?? OrderDirection.ASC;
    const filter = args.filter ?? {};
    if (field === ImageOrderField.HUMAN_ENTROPY || typeof filter.minHumanEntropy === 'number')
      if (!(await this.repository.hasHumanVotes(args.dataset))) throw new ExploreError(ExploreErrorCode.NoHumanVotes, { datasetId: args.dataset });
    const order = `${field}:${direction}`;
    const { rows, total } = await this.repository.page({
      datasetId: args.dataset,
      modelIds: models.map((m) => m.id),
      labelSet: labelSet.map(emotionIndex),
      filter: await this.pageFilter(filter),
      order: { key: SORT_KEYS[field], descending: direction === OrderDirection.DESC },
      after: args.after ? decodeImageCursor(args.after, order) : undefined,
      // One more than asked for says whether there is a next page.
      limit: args.first + 1,
    });
    const edges = await Promise.all(
      rows.slice(0, args.first).map(async (row) => {
        const node = await this.faces.find(row.id);
        if (node === null) throw new Error(`image ${row.id} vanished while its page was read`);
        return toEdge(row, node, labelSet, order);
      }),
    );
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: total,
      models,
      labelSet,
    };
  }

  private async pageFilter(filter: ImageFilterInput): Promise<FacePageQuery['filter']> {
    const result: FacePageQuery['filter'] = {
      goldLabel: filter.goldLabel ? emotionIndex(filter.goldLabel as Emotion) : undefined,
      minModelEntropy: filter.minModelEntropy ?? undefined,
      minHumanEntropy: filter.minHumanEntropy ?? undefined,
      duplicatesOnly: filter.duplicatesOnly ?? undefined,
    };
    if (filter.predicted) {
      const [model] = await this.models.getMany([filter.predicted.model]);
      result.predicted = { modelId: model!.id, label: emotionIndex(filter.predicted.label as Emotion) };
    }
    if (filter.disagree) {
      const { modelA, modelB } = filter.disagree;
      if (modelA === modelB) throw new ExploreError(ExploreErrorCode.SameModelTwice, { modelId: modelA });
      const [a, b] = await this.models.getMany([modelA, modelB]);
      result.disagree = { modelA, modelB, labelSet: commonEmotions([a!.emotions, b!.emotions]).map(emotionIndex) };
    }
    return result;
  }
}

/** Vote counts per label of the label set; majority and ties from the same pure function as every other statistic. */
function toEdge(row: FaceRow, node: ImageType, labelSet: readonly Emotion[], order: string): ImageEdgeType {
  const votes = labelSet.map((emotion) => {
    const k = row.voteLabels.indexOf(emotionIndex(emotion));
    return k === -1 ? 0 : row.voteCounts[k]!;
  });
  const item = itemAgreement(labelSet, votes);
  return {
    cursor: encodeImageCursor(order, { isNull: row.sortNull, key: row.sortKey, id: row.id }),
    node,
    agreement: {
      votes: row.ratings,
      voteCounts: votes,
      majority: item.majority === null ? null : { label: item.majority, tied: item.tied, tiedLabels: [...item.tiedLabels] },
      entropyBits: row.entropy,
      pI: row.pI,
      humanVotes: row.humanVotes,
      humanEntropyBits: row.humanEntropy,
      sameFileCount: row.sameFile,
    },
  };
}
