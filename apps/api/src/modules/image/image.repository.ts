import { IS_ENSEMBLE_SQL } from '@ferbench/scores';
import type { DataSource, Repository } from 'typeorm';
import { ImageEntity } from './image.entity.js';
import { PredictionEntity } from './prediction.entity.js';

export class ImageRepository {
  private readonly images: Repository<ImageEntity>;
  private readonly predictions: Repository<PredictionEntity>;

  constructor(dataSource: DataSource) {
    this.images = dataSource.getRepository(ImageEntity);
    this.predictions = dataSource.getRepository(PredictionEntity);
  }

  findById(id: string): Promise<ImageEntity | null> {
    return this.images.findOneBy({ id });
  }

  /** The image with its dataset, whose root its path is relative to. */
  findWithDataset(id: string): Promise<ImageEntity | null> {
    return this.images.findOne({ where: { id }, relations: { dataset: true } });
  }

  /** Votes per label (EMOTIONS index) over every model's prediction for the image, ensembles left out (they would count their members twice); labels nobody chose are absent. */
  voteCounts(imageId: string): Promise<{ label: number; n: number }[]> {
    return this.predictions.query(`SELECT p.label, count(*)::int AS n FROM predictions p JOIN models m ON m.id = p.model_id WHERE p.image_id = $1 AND NOT ${IS_ENSEMBLE_SQL} GROUP BY p.label`, [imageId]);
  }

  /** Every model's prediction for the image, with the model, by model id. */
  findPredictions(imageId: string): Promise<PredictionEntity[]> {
    return this.predictions.find({ where: { imageId }, relations: { model: true }, order: { modelId: 'ASC' } });
  }

  /** The face's crowd votes per category (HUMAN_VOTE_CATEGORIES index); categories nobody chose are absent. */
  humanVotes(imageId: string): Promise<{ label: number; votes: number }[]> {
    return this.predictions.query(`SELECT label, votes FROM human_votes WHERE image_id = $1 ORDER BY label`, [imageId]);
  }
}
