import { EXPORT_TABLES, type ExportFormat, FORMAT_EXTENSION, MANIFEST_FILE } from '@ferbench/exports';

/** The formats a dataset page offers. */
export const DOWNLOAD_FORMATS: readonly ExportFormat[] = ['csv', 'parquet'];

/** Every file a dataset's download offers: each table in each format, and the manifest. */
export const DOWNLOAD_FILES: readonly string[] = [...EXPORT_TABLES.flatMap((t) => DOWNLOAD_FORMATS.map((f) => `${t.name}.${FORMAT_EXTENSION[f]}`)), MANIFEST_FILE];

export const downloadPath = (datasetId: string, file: string): string => `/datasets/${encodeURIComponent(datasetId)}/downloads/${encodeURIComponent(file)}`;
