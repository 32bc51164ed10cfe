import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where a package's tarball and its extracted files are kept, under the zoo cache. */
export function npmPackageDir(cacheDir: string, name: string, version: string): string {
  return path.join(cacheDir, 'npm', `${name.replace(/^@/, '').replace(/\//g, '__')}@${version}`);
}

/**
 * Fetches `name@version` with `npm pack` (the user's npm, registry and cache) into the cache folder and extracts
 * just `paths` (relative to the package root) with tar; returns the folder the paths are under. Only on demand:
 * these packages are not dependencies, so a plain `npm install` never downloads them (human-models is 144 MB).
 * A tarball already in the cache is not fetched again.
 */
export async function fetchNpmFiles(cacheDir: string, name: string, version: string, paths: readonly string[], log: (line: string) => void): Promise<string> {
  const dir = npmPackageDir(cacheDir, name, version);
  const tarball = path.join(dir, 'package.tgz');
  await mkdir(dir, { recursive: true });
  if (!existsSync(tarball)) {
    log(`zoo: npm pack ${name}@${version}`);
    const fetched = path.join(dir, 'fetch');
    await rm(fetched, { recursive: true, force: true });
    await mkdir(fetched);
    let stdout: string;
    try {
      ({ stdout } = await run('npm', ['pack', `${name}@${version}`, '--json', '--pack-destination', fetched], { cwd: fetched, maxBuffer: 64 * 1024 * 1024 }));
    } catch (error) {
      throw new Error(`npm pack ${name}@${version} failed: ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`);
    }
    const filename = (JSON.parse(stdout) as { filename: string }[])[0]?.filename;
    if (filename === undefined) throw new Error(`npm pack ${name}@${version} named no tarball`);
    await rename(path.join(fetched, filename), tarball);
    await rm(fetched, { recursive: true, force: true });
  }
  const root = path.join(dir, 'files');
  await rm(root, { recursive: true, force: true });
  await mkdir(root);
  try {
    await run('tar', ['-xzf', tarball, '-C', root, ...paths.map((p) => `package/${p}`)]);
  } catch (error) {
    throw new Error(`${tarball} (${name}@${version}) lacks ${paths.join(', ')}: ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`);
  }
  return path.join(root, 'package');
}
