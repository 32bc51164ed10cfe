import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum PairStatus {
  QUEUED = 'queued',
  RUNNING = 'running',
  DONE = 'done',
  FAILED = 'failed',
}
registerEnumType(PairStatus, { name: 'PairStatus', description: 'Where one model × dataset stands.' });

@ObjectType('BootstrapStatus', { description: "What `ferbench bootstrap` (npm start's background data step) is doing or last did." })
export class BootstrapStatusType {
  @Field({ description: 'importing, installing, running, done or failed.' })
  phase!: string;

  @Field()
  detail!: string;

  @Field()
  startedAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

@ObjectType('PairProgress', { description: 'One registered model on one dataset: faces done of total, and the speed of its latest run.' })
export class PairProgressType {
  @Field(() => ID)
  modelId!: string;

  @Field()
  modelName!: string;

  @Field(() => ID)
  datasetId!: string;

  @Field(() => PairStatus)
  status!: PairStatus;

  @Field(() => Int, { description: 'Faces of the dataset this model has a prediction (or a recorded failure) for.' })
  facesDone!: number;

  @Field(() => Int, { description: 'Faces in the dataset.' })
  facesTotal!: number;

  @Field(() => Float, { nullable: true, description: 'Faces per second of the latest run (so far, while it runs); null before any run.' })
  facesPerSecond!: number | null;

  @Field(() => String, { nullable: true, description: "The latest run's error, when it failed." })
  error!: string | null;
}

@ObjectType('RunStatus', { description: 'Progress of the runs, for the status page.' })
export class RunStatusType {
  @Field(() => BootstrapStatusType, { nullable: true, description: 'null where no bootstrap ever ran against this database.' })
  bootstrap!: BootstrapStatusType | null;

  @Field({ description: 'True while the bootstrap is not finished or any run is going on.' })
  active!: boolean;

  @Field(() => [PairProgressType], { description: 'Every registered model × every dataset, by dataset then model.' })
  pairs!: PairProgressType[];
}
