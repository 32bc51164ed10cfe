import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The `datasets` table (migrations/…-initial.ts); the schema belongs to the migrations, never synchronised. */
@Entity('datasets')
export class DatasetEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  format!: string;

  /** Folder of the dataset's files, relative to the configured datasets root (or absolute). */
  @Column('text')
  root!: string;

  @Column('jsonb', { name: 'label_map' })
  labelMap!: unknown;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
