import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fixture } from '@ferbench/testkit';
import { JAFFE_LABELS, jaffeFormat, parseJaffeFileName } from './jaffe.format.js';

test('JAFFE listing: 213 photos, per expression and per subject as SOURCE.txt says; 6 ratings rows without a photo noted', async (t) => {
  const root = fixture(t, 'data', 'jaffe');
  if (root === undefined) return;
  const listing = await jaffeFormat.list(root, undefined, {});
  assert.deepEqual(listing.problems, []);
  assert.equal(listing.entries.length, 213);
  const tally = (of: (e: (typeof listing.entries)[number]) => string) =>
    Object.fromEntries([...listing.entries.reduce((m, e) => m.set(of(e), (m.get(of(e)) ?? 0) + 1), new Map<string, number>())].sort());
  assert.deepEqual(tally((e) => e.labelRaw), { AN: 30, DI: 29, FE: 32, HA: 31, NE: 30, SA: 31, SU: 30 });
  assert.deepEqual(tally((e) => String(e.annotations?.['subject'])), { KA: 23, KL: 22, KM: 22, KR: 20, MK: 21, NA: 21, NM: 20, TM: 21, UY: 21, YM: 22 });
  // The ratings file has 219 rows for 213 photos: every photo joins, six rows rate photos the folder does not hold.
  assert.ok(listing.entries.every((e) => e.humanRatings?.means.length === 6 && e.humanRatings.raters === 60));
  assert.deepEqual(
    listing.notes?.map((n) => n.replace(/^JAFFE_semantic_ratings\.txt:\d+: (\S+) .*$/, '$1')).sort(),
    ['KM-DI2', 'KM-HA5', 'KM-SA4', 'KR-HA3', 'NM-DI2', 'TM-HA4'],
  );
  // Line 1 of the ratings file: "1 2.87 2.52 2.10 1.97 1.97 2.06 KM-NE1".
  const km = listing.entries.find((e) => e.annotations?.['photo'] === 'KM-NE1');
  assert.equal(km?.key, 'images/KM.NE1.1.tiff');
  assert.deepEqual(km?.humanRatings?.means, [
    { emotion: 'happiness', mean: 2.87 },
    { emotion: 'sadness', mean: 2.52 },
    { emotion: 'surprise', mean: 2.1 },
    { emotion: 'anger', mean: 1.97 },
    { emotion: 'disgust', mean: 1.97 },
    { emotion: 'fear', mean: 2.06 },
  ]);
  assert.deepEqual(Object.keys(JAFFE_LABELS.map).sort(), [...JAFFE_LABELS.labels].sort());
});

test('JAFFE file names: a name off the pattern or with an unknown expression is named and skipped; bad ratings lines are named', async () => {
  assert.deepEqual(parseJaffeFileName('KA.AN1.39.tiff'), { subject: 'KA', expression: 'AN', photo: 'KA-AN1' });
  const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-jaffe-'));
  try {
    mkdirSync(path.join(dir, 'images'));
    for (const name of ['KA.AN1.39.tiff', 'KA.AN1.42.tiff', 'KA_AN2_40.tiff', 'KA.XX1.41.tiff', 'KB.HA1.1.tiff']) writeFileSync(path.join(dir, 'images', name), '');
    writeFileSync(path.join(dir, 'JAFFE_semantic_ratings.txt'), '1 1 1 1 1 1 1 KA-AN1\n2 1 1 7 1 1 1 KB-HA1\n3 1 1 1 KA-SU1\n4 2 2 2 2 2 2 KA-AN1\n5 1 1 1 1 1 1 ZZ-NE1\n');
    const listing = await jaffeFormat.list(dir, undefined, {});
    assert.deepEqual(
      listing.entries.map((e) => e.key),
      ['images/KA.AN1.39.tiff', 'images/KB.HA1.1.tiff'],
    );
    assert.deepEqual(listing.problems, [
      'JAFFE_semantic_ratings.txt:2: SUR mean 7 is off the 1..5 scale, skipped',
      'JAFFE_semantic_ratings.txt:3: expected "index HAP SAD SUR ANG DIS FEA photo-id" (6 means), got "3 1 1 1 KA-SU1", skipped',
      'JAFFE_semantic_ratings.txt:4: KA-AN1 is rated again (first on line 1), skipped',
      "images/KA.AN1.42.tiff: photo id KA-AN1 is already images/KA.AN1.39.tiff's and the ratings file cannot tell the two apart, skipped",
      'images/KA.XX1.41.tiff: unknown expression "XX" in the file name (known: AN, DI, FE, HA, NE, SA, SU), skipped',
      'images/KA_AN2_40.tiff: file name does not follow <subject>.<EXPR><n>.<number>.tiff (e.g. KA.AN1.39.tiff), skipped',
    ]);
    assert.deepEqual(listing.notes, [
      'images/KB.HA1.1.tiff: photo KB-HA1 has no row in JAFFE_semantic_ratings.txt',
      'JAFFE_semantic_ratings.txt:5: ZZ-NE1 is rated but no image has that photo id (not imported)',
    ]);
    assert.equal((await jaffeFormat.list(dir, 'test', {})).entries.length, 0);
    await assert.rejects(jaffeFormat.list(path.join(dir, 'nothing'), undefined, {}), /not a JAFFE folder: .*nothing\/images does not exist/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
