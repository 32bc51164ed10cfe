import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { importDataset } from '@ferbench/datasets';
import { type PooledDatabase, poolDatabase } from '@ferbench/db';
import { addModel, shippedCardFiles } from '@ferbench/models';
import { readModelCard } from '@ferbench/inference';
import { runModels } from '@ferbench/runs';
import { type TestDatabase, createTestDatabase, fer2013Subset, ferplusSubset, fixture, writeRafdbSubset } from '@ferbench/testkit';

/** The two zoo models published as ONNX (no conversion needed): a FER2013 CNN and RAF-DB's MobileFaceNet. */
export const EXPORT_TEST_MODELS = ['mini-xception-119', 'mobilefacenet-int8'] as const;

export interface RealBenchmark {
  db: PooledDatabase;
  work: string;
  /** Faces per dataset, as imported. */
  faces: Record<string, number>;
  close(): Promise<void>;
}

/**
 * Small real subsets of FER2013 (4 faces per emotion folder), RAF-DB (4 test faces per label) and FER+ (40 faces,
 * with their crowd votes) imported into a throwaway database and predicted by both EXPORT_TEST_MODELS through the
 * runner library. Undefined (the test skipped, saying why) without ../shared.
 */
export async function realBenchmark(t: TestContext, name: string): Promise<RealBenchmark | undefined> {
  const [fer2013, rafdb, ferplus, modelsDir] = [fixture(t, 'data', 'fer2013'), fixture(t, 'data', 'rafdb'), fixture(t, 'data', 'ferplus'), fixture(t, 'models')];
  if (fer2013 === undefined || rafdb === undefined || ferplus === undefined || modelsDir === undefined) return undefined;
  const work = mkdtempSync(path.join(tmpdir(), `ferbench-${name}-`));
  const testDb: TestDatabase = await createTestDatabase(name);
  const db = poolDatabase(testDb.url);
  const plus = ferplusSubset(ferplus, 40);
  const close = async () => {
    await db.close();
    await testDb.drop();
    plus.cleanup();
    rmSync(work, { recursive: true, force: true });
  };
  try {
    const faces: Record<string, number> = {};
    faces.fer2013 = (await importDataset(db.pool, { format: 'imagefolder', root: fer2013Subset(fer2013, work, 4), id: 'fer2013' })).inserted;
    faces.rafdb = (await importDataset(db.pool, { format: 'rafdb', root: writeRafdbSubset(rafdb, path.join(work, 'rafdb'), 4), id: 'rafdb', split: 'test' })).inserted;
    faces.ferplus = (await importDataset(db.pool, { format: 'ferplus', root: plus.root, id: 'ferplus' })).inserted;
    const cards = await Promise.all(shippedCardFiles().map((file) => readModelCard(file)));
    for (const id of EXPORT_TEST_MODELS) {
      const card = cards.find((c) => c.id === id)!;
      await addModel(db.pool, { onnxFile: path.resolve(modelsDir, card.file), card });
    }
    const runs = await runModels(db.pool, { datasets: 'all', models: [...EXPORT_TEST_MODELS], modelsDir, device: 'cpu', workers: 1, progress: false, refreshEnsembles: false });
    const failed = runs.filter((r) => r.status !== 'done');
    if (failed.length > 0) throw new Error(`runs failed: ${JSON.stringify(failed)}`);
    return { db, work, faces, close };
  } catch (error) {
    await close();
    throw error;
  }
}
