import { affectnetFormat } from './affectnet.format.js';
import { csvFormat } from './csv.format.js';
import type { DatasetFormat } from './dataset-format.js';
import { DatasetImportError, DatasetImportErrorCode } from './dataset-import-error.js';
import { emognitionFormat } from './emognition.format.js';
import { fer2013Format } from './fer2013.format.js';
import { ferplusFormat } from './ferplus.format.js';
import { imageFolderFormat } from './image-folder.format.js';
import { jaffeFormat } from './jaffe.format.js';
import { muxspaceFormat } from './muxspace.format.js';
import { rafdbFormat } from './rafdb.format.js';

/** Every layout `dataset import --format` accepts. */
export const DATASET_FORMATS: readonly DatasetFormat[] = [
  fer2013Format,
  rafdbFormat,
  ferplusFormat,
  affectnetFormat,
  emognitionFormat,
  muxspaceFormat,
  jaffeFormat,
  imageFolderFormat,
  csvFormat,
];

export function datasetFormat(name: string): DatasetFormat {
  const format = DATASET_FORMATS.find((f) => f.name === name);
  if (format === undefined)
    throw new DatasetImportError(DatasetImportErrorCode.DatasetLayout, `unknown dataset format "${name}" (known: ${DATASET_FORMATS.map((f) => f.name).join(', ')})`);
  return format;
}
