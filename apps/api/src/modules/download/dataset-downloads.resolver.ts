import { FieldResolver, Resolver, Root } from 'type-graphql';
import { DatasetType } from '../dataset/dto/dataset.type.js';
import { DOWNLOAD_FILES, downloadPath } from './download-files.js';
import { DatasetDownloadType } from './dto/dataset-download.type.js';

/** Dataset.downloads: where each file of the dataset's export is fetched (written on the first request). */
@Resolver(() => DatasetType)
export class DatasetDownloadsResolver {
  @FieldResolver(() => [DatasetDownloadType], {
    description: "The dataset's export: every table as CSV and Parquet, and manifest.json with each file's sha256 and row count.",
  })
  downloads(@Root() dataset: DatasetType): DatasetDownloadType[] {
    return DOWNLOAD_FILES.map((file) => {
      const [table, extension] = file.split('.') as [string, string];
      return { table: table === 'manifest' ? 'manifest' : table, format: extension, file, path: downloadPath(dataset.id, file) };
    });
  }
}
