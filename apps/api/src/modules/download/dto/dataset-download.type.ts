import { Field, ObjectType } from 'type-graphql';

@ObjectType('DatasetDownload', { description: "One file of a dataset's export, served by GET `path` with its sha256 as ETag." })
export class DatasetDownloadType {
  @Field({ description: 'predictions, images, models, leaderboard, agreement or manifest.' })
  table!: string;

  @Field({ description: 'csv, parquet or json (the manifest).' })
  format!: string;

  @Field({ description: 'File name, e.g. predictions.parquet.' })
  file!: string;

  @Field({ description: 'Path on the API server, e.g. /datasets/rafdb/downloads/predictions.parquet.' })
  path!: string;
}
