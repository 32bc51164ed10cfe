import { stat } from 'node:fs/promises';
import { sha256File } from '@ferbench/inference';

/** A file on disk and the size and sha256 a manifest records for it. */
export interface ExpectedFile {
  path: string;
  size: number;
  sha256: string;
}

/**
 * Compares each file with its recorded size and sha256; returns one sentence per file that is missing or differs,
 * naming the file, the expected and the actual hash (empty when all match).
 */
export async function fileMismatches(files: readonly ExpectedFile[]): Promise<string[]> {
  const problems: string[] = [];
  for (const file of files) {
    const size = await stat(file.path).then((s) => (s.isFile() ? s.size : undefined), () => undefined);
    if (size === undefined) {
      problems.push(`${file.path} is missing (expected ${file.size} bytes, sha256 ${file.sha256})`);
      continue;
    }
    const sha256 = await sha256File(file.path);
    if (size !== file.size || sha256 !== file.sha256)
      problems.push(`${file.path}: sha256 ${sha256} (${size} bytes), expected ${file.sha256} (${file.size} bytes)`);
  }
  return problems;
}
