
/** The datasets ferbench knows by folder name under a datasets root (FERBENCH_DATASETS), with the format of each. */
export const KNOWN_DATASETS = [
  { id: 'fer2013', folder: 'fer2013', format: 'imagefolder' },
  { id: 'rafdb', folder: 'rafdb', format: 'rafdb' },
  { id: 'ferplus', folder: 'ferplus', format: 'ferplus' },
  { id: 'jaffe', folder: 'jaffe', format: 'jaffe' },
] as const;
