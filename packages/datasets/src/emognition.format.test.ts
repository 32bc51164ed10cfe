import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { emittableEmotions, labelMapProblems } from '@ferbench/shared';
import { repoRoot, testDatabaseHooks } from '@ferbench/testkit';
import { drawnFaceJpeg } from './drawn-face.js';
import { EMOGNITION_LABELS } from './emognition.format.js';
import { importDataset } from './import-dataset.js';

const db = testDatabaseHooks('runner_emognition');
let root: string;
const fixtures = path.join(repoRoot(), 'packages', 'datasets', 'test-fixtures', 'emognition');
// Frames as a user would extract them from each participant's video of each film.
const FRAMES: Record<string, Record<string, number>> = {
  '22': { AMUSEMENT: 2, AWE: 1, NEUTRAL: 1, BASELINE: 1, SADNESS: 1 },
  '23': { FEAR: 1, AMUSEMENT: 1, BOREDOM: 1, SURPRISE: 1 },
  '24': { ANGER: 1 },
};
before(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'ferbench-emognition-'));
  cpSync(fixtures, root, { recursive: true });
  let seed = 0;
  for (const [participant, films] of Object.entries(FRAMES))
    for (const [film, n] of Object.entries(films)) {
      mkdirSync(path.join(root, participant, 'frames', film), { recursive: true });
      for (let i = 1; i <= n; i++) writeFileSync(path.join(root, participant, 'frames', film, `${String(i).padStart(5, '0')}.jpg`), await drawnFaceJpeg(++seed));
    }
});
after(async () => {
  rmSync(root, { recursive: true, force: true });
});

test('Emognition films: six map to a canonical emotion (amusement → happiness); awe, enthusiasm, liking and the baseline stay unmapped', () => {
  assert.deepEqual(labelMapProblems(EMOGNITION_LABELS, 'emognition'), []);
  assert.deepEqual(emittableEmotions(EMOGNITION_LABELS), ['neutral', 'happiness', 'sadness', 'surprise', 'fear', 'disgust', 'anger']);
  assert.deepEqual(EMOGNITION_LABELS.labels.filter((l) => EMOGNITION_LABELS.map[l] === null), ['BASELINE', 'AWE', 'ENTHUSIASM', 'LIKING']);
});

test("Emognition frames + self-reports: the film's target is the label, the participant's self-report for it the annotation; problems named", async () => {
  const summary = await importDataset(db.pool, { format: 'emognition', root });
  assert.equal(summary.inserted, 10);
  assert.deepEqual(summary.skipped.map((s) => s.name), [
    '23/23_QUESTIONNAIRES.json: questionnaires[2].emotions.AMUSEMENT is 6, expected an integer 1–5; entry ignored',
    '23/23_QUESTIONNAIRES.json: no self-report for AMUSEMENT; its frames carry none',
    '23/frames/BOREDOM/: unknown film "BOREDOM" (expected one of BASELINE, NEUTRAL, AMUSEMENT, AWE, ENTHUSIASM, LIKING, SURPRISE, ANGER, DISGUST, FEAR, SADNESS), skipped',
    '23/23_QUESTIONNAIRES.json: no self-report for FEAR; its frames carry none',
    '24/24_QUESTIONNAIRES.json: missing, so the frames of participant 24 carry no self-report',
  ]);
  assert.deepEqual(
    summary.counts.map((c) => `${c.split} ${c.labelRaw} ${c.emotion} ${c.count}`),
    ['all NEUTRAL neutral 1', 'all AMUSEMENT happiness 3', 'all SADNESS sadness 1', 'all SURPRISE surprise 1', 'all FEAR fear 1', 'all ANGER anger 1', 'all AWE null 1', 'all BASELINE null 1'],
  );
  const published = JSON.parse(readFileSync(path.join(fixtures, '22', '22_QUESTIONNAIRES.json'), 'utf8')) as { questionnaires: { movie: string }[] };
  const { rows } = await db.pool.query<{ key: string; annotations: unknown }>(`SELECT key, annotations FROM images WHERE dataset_id = 'emognition' ORDER BY key`);
  const byKey = Object.fromEntries(rows.map((r) => [r.key, r.annotations]));
  const { movie: _, ...amusement } = published.questionnaires.find((q) => q.movie === 'AMUSEMENT')!;
  assert.deepEqual(byKey['22/frames/AMUSEMENT/00002.jpg'], { participant: '22', film: 'AMUSEMENT', selfReport: amusement });
  assert.deepEqual(byKey['23/frames/FEAR/00001.jpg'], { participant: '23', film: 'FEAR', selfReport: null });
  assert.deepEqual(byKey['24/frames/ANGER/00001.jpg'], { participant: '24', film: 'ANGER', selfReport: null });

  const again = await importDataset(db.pool, { format: 'emognition', root });
  assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, 10]);
});
