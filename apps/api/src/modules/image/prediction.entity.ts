import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ModelEntity } from '../model/model.entity.js';

/** The `predictions` table: one model's answer for one face. */
@Entity('predictions')
export class PredictionEntity {
  @PrimaryColumn('text', { name: 'model_id' })
  modelId!: string;

  @PrimaryColumn('bigint', { name: 'image_id' })
  imageId!: string;

  @ManyToOne(() => ModelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'model_id' })
  model?: ModelEntity;

  @Column('bigint', { name: 'run_id' })
  runId!: string;

  /** Index into EMOTIONS. */
  @Column('smallint')
  label!: number;

  /** One probability per canonical emotion, in EMOTIONS order; null where the model cannot emit that emotion. */
  @Column('real', { array: true })
  probs!: (number | null)[];
}
