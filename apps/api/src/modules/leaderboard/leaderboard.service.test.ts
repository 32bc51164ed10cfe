import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConfusionMatrix, Emotion } from '@ferbench/shared';
import { FAKE_DATASET, fakeModel } from '../../testing/fake-views.js';
import { LeaderboardService } from './leaderboard.service.js';

test('entries: each model scored over gold ∩ its emotions, best accuracy first, a model with no scored faces last with reasons', async () => {
  const gold: Emotion[] = ['neutral', 'happiness', 'contempt'];
  const confusions: Record<string, number[][]> = {
    weak: [
      [1, 1],
      [1, 1],
    ],
    strong: [
      [2, 0, 0],
      [0, 1, 1],
      [0, 0, 0],
    ],
    idle: [
      [0, 0],
      [0, 0],
    ],
  };
  const asked: Record<string, readonly Emotion[]> = {};
  const leaderboard = new LeaderboardService(
    {
      goldEmotions: async () => gold,
      confusion: async (_d, modelId, labelSet): Promise<ConfusionMatrix> => {
        asked[modelId] = labelSet;
        return { categories: labelSet, counts: confusions[modelId]! };
      },
    },
    { get: async () => FAKE_DATASET },
    {
      listPredictedOn: async () => [
        fakeModel('idle', ['neutral', 'happiness']),
        fakeModel('weak', ['neutral', 'happiness', 'sadness']),
        fakeModel('strong', ['neutral', 'happiness', 'contempt']),
      ],
    },
  );
  const { entries } = await leaderboard.leaderboard('d');
  assert.deepEqual(asked, { idle: ['neutral', 'happiness'], weak: ['neutral', 'happiness'], strong: ['neutral', 'happiness', 'contempt'] });
  assert.deepEqual(entries.map((e) => [e.model.id, e.n, e.accuracy]), [
    ['strong', 4, 0.75],
    ['weak', 4, 0.5],
    ['idle', 0, null],
  ]);
  assert.ok(entries[2]!.accuracyReason && entries[2]!.macroF1Reason);
  assert.equal(entries[0]!.accuracyReason, null);
  // strong: F1 neutral 1, happiness 2/3, contempt 0 (predicted once, never gold).
  assert.ok(Math.abs(entries[0]!.macroF1! - (1 + 2 / 3 + 0) / 3) < 1e-12);
});
