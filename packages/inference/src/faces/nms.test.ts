import assert from 'node:assert/strict';
import { test } from 'node:test';
import { iou, nms } from './nms.js';

test('iou of overlapping, nested and disjoint boxes', () => {
  assert.equal(iou({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 0, width: 10, height: 10 }), 50 / 150);
  assert.equal(iou({ x: 0, y: 0, width: 10, height: 10 }, { x: 2, y: 2, width: 5, height: 5 }), 25 / 100);
  assert.equal(iou({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 }), 0);
});

test('nms keeps the best of each overlapping group, best first, and honours topK', () => {
  const boxes = [
    { x: 0, y: 0, width: 10, height: 10 }, // 0.8
    { x: 1, y: 0, width: 10, height: 10 }, // 0.95: suppresses 0 (IoU 90/110)
    { x: 50, y: 50, width: 10, height: 10 }, // 0.7, alone
    { x: 5, y: 0, width: 10, height: 10 }, // 0.6: IoU with 1 is 60/140 = 0.43 > 0.3
  ];
  const scores = [0.8, 0.95, 0.7, 0.6];
  assert.deepEqual(nms(boxes, scores, 0.3), [1, 2]);
  assert.deepEqual(nms(boxes, scores, 0.5), [1, 2, 3]);
  assert.deepEqual(nms(boxes, scores, 0.3, 1), [1]);
});
