import type { ModelCard } from '@ferbench/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The `models` table; `card` is the validated model card the runner stored. */
@Entity('models')
export class ModelEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  version!: string;

  @Column('char', { length: 64 })
  sha256!: string;

  @Column('jsonb')
  card!: ModelCard;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
