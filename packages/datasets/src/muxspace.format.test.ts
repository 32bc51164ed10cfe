import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { canonicalIndices, EMOTIONS } from '@ferbench/shared';
import { fixture } from '@ferbench/testkit';
import { MUXSPACE_LABELS, muxspaceFormat } from './muxspace.format.js';

test('muxspace legend.csv: all 870 images of the sample (SOURCE.txt), mixed-case labels normalised, raw spelling kept', async (t) => {
  const root = fixture(t, 'data', 'muxspace-sample');
  if (root === undefined) return;
  const listing = await muxspaceFormat.list(root, undefined, {});
  assert.deepEqual(listing.problems, []);
  assert.equal(listing.entries.length, 870);
  assert.ok(listing.entries.every((e) => e.split === 'all' && e.key === `images/${path.basename(e.file)}`));
  const map = listing.labelMap;
  assert.ok(map !== undefined);
  assert.equal(map.map['ANGER'], 'anger');
  assert.equal(map.map['anger'], 'anger');
  assert.equal(map.map['HAPPINESS'], 'happiness');
  const canonical = canonicalIndices(map);
  const counts = Object.fromEntries(EMOTIONS.map((e) => [e, 0]));
  for (const e of listing.entries) counts[EMOTIONS[canonical[map.labels.indexOf(e.labelRaw)] as number] as string]! += 1;
  // per label, upper and lower case together (legend.csv at the commit SOURCE.txt names)
  assert.deepEqual(counts, { neutral: 300, happiness: 300, sadness: 60, surprise: 60, fear: 21, disgust: 60, anger: 60, contempt: 9 });
  const first = listing.entries.find((e) => e.key === 'images/Dwarakish_166.jpg');
  assert.equal(first?.labelRaw, 'ANGER');
  assert.deepEqual(MUXSPACE_LABELS.labels.map((l) => MUXSPACE_LABELS.map[l]).sort(), [...EMOTIONS].sort());
});

test('muxspace legend.csv: unknown labels, repeated images and a missing header are named by line', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-muxspace-'));
  try {
    mkdirSync(path.join(dir, 'data'));
    const legend = path.join(dir, 'data', 'legend.csv');
    writeFileSync(legend, 'user.id,image,emotion\na,x.jpg,Anger\nb,y.jpg,joy\nc,x.jpg,sadness\nd,"z,1.jpg",SURPRISE\ne,,neutral\n');
    const listing = await muxspaceFormat.list(dir, undefined, {});
    assert.deepEqual(
      listing.entries.map((e) => [e.key, e.labelRaw]),
      [
        ['images/x.jpg', 'Anger'],
        ['images/z,1.jpg', 'SURPRISE'],
      ],
    );
    assert.deepEqual(listing.problems, [
      'data/legend.csv:3: unknown label "joy" (known, in any case: neutral, happiness, surprise, sadness, anger, disgust, fear, contempt), skipped',
      'data/legend.csv:4: x.jpg is listed again (first on line 2), skipped',
      'data/legend.csv:6: expected user.id,image,emotion, got "e,,neutral", skipped',
    ]);
    assert.deepEqual(listing.labelMap, { labels: ['Anger', 'SURPRISE'], map: { Anger: 'anger', SURPRISE: 'surprise' } });
    assert.equal((await muxspaceFormat.list(dir, 'test', {})).entries.length, 0);
    writeFileSync(legend, 'a,x.jpg,anger\n');
    await assert.rejects(muxspaceFormat.list(dir, undefined, {}), /legend\.csv:1: expected a header naming the columns image and emotion \(user\.id,image,emotion\), got "a,x\.jpg,anger"/);
    await assert.rejects(muxspaceFormat.list(path.join(dir, 'nothing'), undefined, {}), /not a muxspace folder: .*nothing\/data\/legend\.csv does not exist/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
