import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A small benchmark seeded with plain SQL, as the runner would leave it: dataset "tiny" (40 faces, 3 without a
 * gold label, no disgust or contempt gold), dataset "other" (5 faces), and three models: alpha and beta emit the
 * 7 FER2013 emotions, gamma the 8 AffectNet ones (contempt included). beta skipped 4 faces of tiny. Predictions
 * are pseudo-random but seeded, leaning towards the gold label so that agreement is not just chance.
 */

export const FER_LABELS = ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'];
export const FER_MAP = { angry: 'anger', disgust: 'disgust', fear: 'fear', happy: 'happiness', sad: 'sadness', surprise: 'surprise', neutral: 'neutral' };
const AFFECTNET_LABELS = ['neutral', 'happy', 'sad', 'surprise', 'fear', 'disgust', 'anger', 'contempt'];
const AFFECTNET_MAP = { neutral: 'neutral', happy: 'happiness', sad: 'sadness', surprise: 'surprise', fear: 'fear', disgust: 'disgust', anger: 'anger', contempt: 'contempt' };

/** A valid model card for fixture and benchmark models that never run (the file and weights do not exist). */
export function fixtureCard(id: string, labels: string[], labelMap: Record<string, string>) {
  return {
    id,
    name: `${id} net`,
    version: '1',
    file: `${id}.onnx`,
    sha256: createHash('sha256').update(id).digest('hex'),
    source: { url: `https://example.org/${id}`, licence: 'MIT' },
    trainingData: 'FER2013',
    architecture: 'CNN',
    input: { name: 'input', layout: 'NCHW', width: 48, height: 48, channels: 1, colorSpace: 'grayscale', crop: 'none', resize: 'linear', scale: 1 / 255, mean: [0], std: [1], batch: 'dynamic' },
    output: { name: 'output', kind: 'probabilities', labels, labelMap },
  };
}

const FIXTURE_MODELS = [fixtureCard('alpha', FER_LABELS, FER_MAP), fixtureCard('beta', FER_LABELS, FER_MAP), fixtureCard('gamma', AFFECTNET_LABELS, AFFECTNET_MAP)];

/** Canonical indices (EMOTIONS order) each fixture model can emit. */
const EMITS: Record<string, number[]> = { alpha: [0, 1, 2, 3, 4, 5, 6], beta: [0, 1, 2, 3, 4, 5, 6], gamma: [0, 1, 2, 3, 4, 5, 6, 7] };

/** mulberry32: a tiny seeded PRNG, so every run seeds the same rows. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeededBenchmark {
  /** The folder to give the API as its datasets root. */
  datasetsRoot: string;
  /** Every image of "tiny": id, key, bytes of its file. */
  tinyImages: { id: string; key: string; bytes: Buffer; sha256: string }[];
  cleanup(): void;
}

export async function seedSmallBenchmark(databaseUrl: string): Promise<SeededBenchmark> {
  const random = prng(20241128);
  const datasetsRoot = mkdtempSync(path.join(tmpdir(), 'ferbench-api-test-'));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const labelMap = { labels: FER_LABELS, map: FER_MAP };
    await client.query(
      `INSERT INTO datasets (id, name, format, root, label_map) VALUES ('tiny', 'Tiny', 'test-folders', 'tiny', $1), ('other', 'Other', 'test-folders', 'other', $1)`,
      [labelMap],
    );
    for (const m of FIXTURE_MODELS)
      await client.query(`INSERT INTO models (id, name, version, sha256, card) VALUES ($1, $2, $3, $4, $5)`, [m.id, m.name, m.version, m.sha256, m]);

    const images: Record<string, { id: string; key: string; bytes: Buffer; sha256: string; gold: number | null }[]> = { tiny: [], other: [] };
    const goldChoices = [0, 1, 2, 3, 4, 6]; // no disgust (5), no contempt (7)
    for (const [dataset, count] of [['tiny', 40], ['other', 5]] as const) {
      mkdirSync(path.join(datasetsRoot, dataset, 'faces'), { recursive: true });
      for (let i = 0; i < count; i++) {
        const key = `face_${String(i).padStart(3, '0')}.jpg`;
        const bytes = Buffer.from(`${dataset} face ${i} ${random()}`);
        writeFileSync(path.join(datasetsRoot, dataset, 'faces', key), bytes);
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const gold = dataset === 'tiny' && i % 13 === 5 ? null : goldChoices[Math.floor(random() * goldChoices.length)]!;
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO images (dataset_id, key, path, sha256, bytes, width, height, split, gold_label, gold_label_raw)
           VALUES ($1, $2, $3, $4, $5, 48, 48, $6, $7, $8) RETURNING id::text`,
          [dataset, key, `faces/${key}`, sha256, bytes.length, i < 30 ? 'test' : 'train', gold, gold === null ? null : String(gold)],
        );
        images[dataset]!.push({ id: rows[0]!.id, key, bytes, sha256, gold });
      }
    }

    for (const dataset of ['tiny', 'other'])
      for (const m of FIXTURE_MODELS) {
        if (dataset === 'other' && m.id === 'gamma') continue;
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO runs (model_id, dataset_id, status, device, execution_provider, ort_version, batch_size)
           VALUES ($1, $2, 'done', 'cpu', 'cpu', '1.30.0', 64) RETURNING id::text`,
          [m.id, dataset],
        );
        const runId = rows[0]!.id;
        for (const [i, image] of images[dataset]!.entries()) {
          if (m.id === 'beta' && dataset === 'tiny' && i % 10 === 3) continue;
          const probs = randomProbabilities(random, EMITS[m.id]!, image.gold, m.id === 'gamma');
          const label = probs.reduce<number>((best, p, k) => (p !== null && p > (probs[best] ?? -1) ? k : best), 0);
          await client.query(`INSERT INTO predictions (model_id, image_id, run_id, label, probs, raw) VALUES ($1, $2, $3, $4, $5, $6)`, [
            m.id,
            image.id,
            runId,
            label,
            probs,
            probs.filter((p) => p !== null),
          ]);
        }
      }
    return {
      datasetsRoot,
      tinyImages: images.tiny!.map(({ id, key, bytes, sha256 }) => ({ id, key, bytes, sha256 })),
      cleanup: () => rmSync(datasetsRoot, { recursive: true, force: true }),
    };
  } finally {
    await client.end();
  }
}

/**
 * Probabilities over the 8 canonical emotions (null where the model cannot emit one), rounded to what a real[]
 * stores, leaning to the gold label; gamma often favours contempt, which the 7-class datasets never use.
 */
function randomProbabilities(random: () => number, emits: number[], gold: number | null, likesContempt: boolean): (number | null)[] {
  const weights = Array.from({ length: 8 }, (_, k) => (emits.includes(k) ? random() : null));
  const favourite = likesContempt && random() < 0.25 ? 7 : gold !== null && random() < 0.6 ? gold : null;
  if (favourite !== null) weights[favourite] = weights[favourite]! + 1.5;
  const total = weights.reduce<number>((a, w) => a + (w ?? 0), 0);
  return weights.map((w) => (w === null ? null : Math.fround(w / total)));
}
