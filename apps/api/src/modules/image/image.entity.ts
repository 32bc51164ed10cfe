import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DatasetEntity } from '../dataset/dataset.entity.js';

/** The `images` table. Ids are bigserial, which pg returns as strings: they stay strings (GraphQL ID). */
@Entity('images')
export class ImageEntity {
  @PrimaryColumn('bigint')
  id!: string;

  @Column('text', { name: 'dataset_id' })
  datasetId!: string;

  @ManyToOne(() => DatasetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dataset_id' })
  dataset?: DatasetEntity;

  @Column('text')
  key!: string;

  /** File path relative to the dataset's root. */
  @Column('text')
  path!: string;

  @Column('char', { length: 64 })
  sha256!: string;

  @Column('integer')
  bytes!: number;

  @Column('integer')
  width!: number;

  @Column('integer')
  height!: number;

  @Column('text')
  split!: string;

  /** Index into EMOTIONS, null when the face has no gold label. */
  @Column('smallint', { name: 'gold_label', nullable: true })
  goldLabel!: number | null;

  @Column('text', { name: 'gold_label_raw', nullable: true })
  goldLabelRaw!: string | null;
}
