import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalIndices, emittableEmotions, EMOTIONS, labelMapProblems } from '@ferbench/shared';
import { FER2013_CSV_LABELS } from './fer2013.format.js';
import { FERPLUS_LABELS } from './ferplus.format.js';
import { FER2013_FOLDER_LABELS } from './image-folder.format.js';
import { RAFDB_LABELS } from './rafdb.format.js';

test('FER2013 folder names map to the canonical emotions, in the original CSV index order', () => {
  assert.deepEqual(labelMapProblems(FER2013_FOLDER_LABELS, 'fer2013'), []);
  assert.deepEqual(FER2013_FOLDER_LABELS.labels, ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral']);
  assert.deepEqual(
    canonicalIndices(FER2013_FOLDER_LABELS).map((i) => (i === null ? null : EMOTIONS[i])),
    ['anger', 'disgust', 'fear', 'happiness', 'sadness', 'surprise', 'neutral'],
  );
  assert.ok(!emittableEmotions(FER2013_FOLDER_LABELS).includes('contempt'));
});

test("RAF-DB's 1..7 follow the authors' README: Surprise, Fear, Disgust, Happiness, Sadness, Anger, Neutral", () => {
  assert.deepEqual(labelMapProblems(RAFDB_LABELS, 'rafdb'), []);
  assert.deepEqual(
    RAFDB_LABELS.labels.map((l) => RAFDB_LABELS.map[l]),
    ['surprise', 'fear', 'disgust', 'happiness', 'sadness', 'anger', 'neutral'],
  );
});

test("fer2013.csv's emotion codes 0–6 are the folder names' emotions, in the same order (the challenge's README)", () => {
  assert.deepEqual(labelMapProblems(FER2013_CSV_LABELS, 'fer2013.csv'), []);
  assert.deepEqual(
    FER2013_CSV_LABELS.labels.map((l) => FER2013_CSV_LABELS.map[l]),
    FER2013_FOLDER_LABELS.labels.map((l) => FER2013_FOLDER_LABELS.map[l]),
  );
});

test('FER+ vote columns map to the emotion of the same name; unknown, NF and no-majority map to none', () => {
  assert.deepEqual(labelMapProblems(FERPLUS_LABELS, 'ferplus'), []);
  assert.deepEqual(
    canonicalIndices(FERPLUS_LABELS).map((i) => (i === null ? null : EMOTIONS[i])),
    ['neutral', 'happiness', 'surprise', 'sadness', 'anger', 'disgust', 'fear', 'contempt', null, null, null],
  );
  assert.deepEqual(FERPLUS_LABELS.labels.slice(8), ['unknown', 'NF', 'no-majority']);
});
