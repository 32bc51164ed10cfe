import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyPerturbation, decodeImage, parsePerturbation } from '@ferbench/inference';
import { pairedKappaBootstrap, pairedPatterns } from '@ferbench/scores';
import { EMOTIONS, countTableFromRatings } from '@ferbench/shared';
import { fixture } from '@ferbench/testkit';
import pg from 'pg';
import { graphqlData, graphqlRequest } from '../../testing/graphql-request.js';
import { type SeededApi, startSeededApi } from '../../testing/seeded-api.js';
import { indicesOf, labelWithin, readStoredPredictions } from '../../testing/stored-predictions.js';
import { textbookFleissKappa } from '../../testing/textbook-fleiss.js';

let api: SeededApi;
before(async () => {
  api = await startSeededApi('api_robustness');
  // As `ferbench robustness run` would leave them: an identity perturbation with every clean prediction as it is,
  // and hflip with alpha's label moved one class along on every third face (the others unchanged).
  const client = new pg.Client({ connectionString: api.db.url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO perturbed_predictions (model_id, image_id, perturbation, label, probs, raw)
       SELECT model_id, image_id, 'blur(sigma=0)', label, probs, raw FROM predictions
       UNION ALL
       SELECT model_id, image_id, 'hflip', CASE WHEN model_id = 'alpha' AND image_id % 3 = 0 THEN (label + 1) % 7 ELSE label END, probs, raw FROM predictions`,
    );
  } finally {
    await client.end();
  }
});
after(() => api?.stop());

interface Kappa {
  value: number | null;
  n: number;
  ciLow: number | null;
  ciHigh: number | null;
  ciReason: string | null;
  resamples: number;
  seed: number;
}

interface Robustness {
  dataSha256: string;
  models: { id: string }[];
  labelSet: string[];
  perturbations: {
    perturbation: string;
    nFaces: number;
    kappaClean: Kappa;
    kappa: Kappa;
    deltaKappa: Kappa;
    models: { modelId: string; accuracy: { value: number | null; n: number; clean: number | null; perturbed: number | null; ciLow: number | null; ciHigh: number | null }; flips: { flips: number; n: number; value: number | null } }[];
  }[];
}

const ROBUSTNESS = `query ($dataset: ID!, $models: [ID!], $perturbations: [String!], $resamples: Int! = 1000, $seed: Int! = 1) {
  robustness(dataset: $dataset, models: $models, perturbations: $perturbations, resamples: $resamples, seed: $seed) {
    dataSha256 models { id } labelSet
    perturbations { perturbation nFaces
      kappaClean { ...K } kappa { ...K } deltaKappa { ...K }
      models { modelId accuracy { value n clean perturbed ciLow ciHigh } flips { flips n value } } }
  }
}
fragment K on KappaValue { value n ciLow ciHigh ciReason resamples seed }`;

test('robustness on tiny: the identity leaves κ (= the agreement query’s) and accuracy as they are; hflip’s flips, accuracies and κ as recomputed from the rows', async () => {
  const { robustness } = await graphqlData<{ robustness: Robustness }>(api.server.url, ROBUSTNESS, { dataset: 'tiny', perturbations: ['blur(0)', 'hflip()'] });
  assert.deepEqual(robustness.models.map((m) => m.id), ['alpha', 'beta', 'gamma']);
  assert.deepEqual(robustness.labelSet, ['neutral', 'happiness', 'sadness', 'surprise', 'fear', 'disgust', 'anger']);
  const [identity, flipped] = robustness.perturbations;
  assert.deepEqual([identity?.perturbation, flipped?.perturbation], ['blur(sigma=0)', 'hflip'], 'answered under canonical names');

  const { agreement } = await graphqlData<{ agreement: { nFaces: number; fleissKappa: number | null } }>(api.server.url, `{ agreement(dataset: "tiny", labelSet: ${JSON.stringify(robustness.labelSet)}) { nFaces fleissKappa } }`);
  assert.equal(identity?.nFaces, agreement.nFaces);
  assert.equal(identity?.kappaClean.value, agreement.fleissKappa);
  assert.equal(identity?.kappa.value, agreement.fleissKappa);
  for (const m of identity?.models ?? []) assert.deepEqual([m.flips.flips, m.accuracy.value, m.accuracy.ciLow, m.accuracy.ciHigh], [0, 0, 0, 0]);

  // hflip, recomputed face by face from the stored clean rows and the rule the seed used.
  const allowed = indicesOf(robustness.labelSet);
  const stored = await readStoredPredictions(api.db.url, 'tiny');
  const faces = [...new Set(stored.map((p) => p.imageId))].filter((id) => stored.filter((p) => p.imageId === id).length === 3);
  assert.equal(flipped?.nFaces, faces.length);
  const cleanOf = (model: string, face: string) => labelWithin(stored.find((p) => p.modelId === model && p.imageId === face)!, allowed);
  const flippedOf = (model: string, face: string) => {
    const p = stored.find((x) => x.modelId === model && x.imageId === face)!;
    return model === 'alpha' && Number(face) % 3 === 0 ? labelWithin({ ...p, label: (p.label + 1) % 7 }, allowed) : labelWithin(p, allowed);
  };
  const alpha = flipped?.models.find((m) => m.modelId === 'alpha');
  assert.equal(alpha?.flips.flips, faces.filter((f) => Number(f) % 3 === 0).length);
  assert.ok((alpha?.flips.flips ?? 0) > 5);
  const gold = (face: string) => stored.find((p) => p.imageId === face)!.gold;
  const labelled = faces.filter((f) => gold(f) !== null && allowed.includes(gold(f)!));
  assert.equal(alpha?.accuracy.n, labelled.length);
  assert.equal(alpha?.accuracy.clean, labelled.filter((f) => cleanOf('alpha', f) === gold(f)).length / labelled.length);
  assert.equal(alpha?.accuracy.perturbed, labelled.filter((f) => flippedOf('alpha', f) === gold(f)).length / labelled.length);
  assert.ok(alpha!.accuracy.ciLow! < alpha!.accuracy.value! && alpha!.accuracy.value! < alpha!.accuracy.ciHigh!);
  for (const id of ['beta', 'gamma']) assert.equal(flipped?.models.find((m) => m.modelId === id)?.flips.flips, 0);
  const expected = textbookFleissKappa(faces.map((f) => ['alpha', 'beta', 'gamma'].map((m) => flippedOf(m, f))), allowed);
  assert.ok(Math.abs((flipped?.kappa.value ?? NaN) - expected) < 1e-12, `${flipped?.kappa.value} vs ${expected}`);
});

test('robustness refuses a bad perturbation, an unknown model and a single model, saying which and what was expected', async () => {
  const bad = await graphqlRequest(api.server.url, ROBUSTNESS, { dataset: 'tiny', perturbations: ['blur(radius=2)'] });
  assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.equal(bad.errors?.[0]?.extensions?.reason, 'INVALID_PERTURBATION');
  assert.equal(bad.errors?.[0]?.message, 'perturbations: "blur(radius=2)" is not a perturbation: blur has no parameter "radius"; it takes sigma. ferbench robustness list names them.');
  const model = await graphqlRequest(api.server.url, ROBUSTNESS, { dataset: 'tiny', models: ['alpha', 'nope'] });
  assert.equal(model.errors?.[0]?.extensions?.reason, 'MODEL_NOT_FOUND');
  const one = await graphqlRequest(api.server.url, ROBUSTNESS, { dataset: 'tiny', models: ['alpha'] });
  assert.match(one.errors?.[0]?.message ?? '', /choose at least two models/);
  const dataset = await graphqlRequest(api.server.url, ROBUSTNESS, { dataset: 'nope' });
  assert.equal(dataset.errors?.[0]?.extensions?.reason, 'DATASET_NOT_FOUND');
});

test('GET /images/:id/perturbed/:perturbation renders the face under the perturbation from its file, as the runs do', async (t) => {
  const fer = fixture(t, 'data', 'fer2013', 'test', 'happy');
  if (fer === undefined) return;
  // The seeded files are not images: this one is replaced by a real FER2013 face (the route reads the file).
  const seeded = api.seed.tinyImages[3]!;
  const bytes = readFileSync(path.join(fer, readdirSync(fer).sort()[0]!));
  writeFileSync(path.join(api.seed.datasetsRoot, 'tiny', 'faces', seeded.key), bytes);
  const original = await decodeImage(bytes);
  for (const text of ['hflip', 'noise(sigma=10, seed=1)', 'rotate(20)']) {
    const response = await fetch(new URL(`/images/${seeded.id}/perturbed/${encodeURIComponent(text)}`, api.server.url));
    assert.equal(response.status, 200, text);
    assert.equal(response.headers.get('content-type'), 'image/png');
    const canonical = parsePerturbation(text).canonical;
    assert.equal(response.headers.get('etag'), `"${seeded.sha256}:${canonical}"`);
    const served = await decodeImage(new Uint8Array(await response.arrayBuffer()));
    const expected = await applyPerturbation(original, parsePerturbation(text));
    assert.deepEqual([served.width, served.height, served.channels], [original.width, original.height, original.channels]);
    assert.deepEqual(served.data, expected.data, `${text}: the PNG holds exactly the perturbed pixels`);
  }
  const again = await fetch(new URL(`/images/${seeded.id}/perturbed/hflip`, api.server.url));
  assert.equal(again.status, 200, 'served again (from the cache)');

  const bad = await fetch(new URL(`/images/${seeded.id}/perturbed/${encodeURIComponent('blur(sigma=99)')}`, api.server.url));
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { error: { message: string } }).error.message, /sigma must be a number from 0 to 20 \(got "99"\)/);
  const noFace = await fetch(new URL(`/images/${seeded.id}/perturbed/mask`, api.server.url));
  assert.equal(noFace.status, 404);
  assert.match(((await noFace.json()) as { error: { message: string } }).error.message, /mask\(kind=surgical\) is drawn from the face's landmarks, and the detection cache holds no face for image/);
});

test('robustness κ CIs: the identity’s Δκ CI is [0, 0]; hflip’s κ clean, κ perturbed and Δκ CIs are the paired bootstrap of the faces as read from the rows', async () => {
  const { robustness } = await graphqlData<{ robustness: Robustness }>(api.server.url, ROBUSTNESS, { dataset: 'tiny', perturbations: ['blur(sigma=0)', 'hflip'], resamples: 400, seed: 5 });
  const [identity, flipped] = robustness.perturbations;
  assert.deepEqual([identity?.deltaKappa.value, identity?.deltaKappa.ciLow, identity?.deltaKappa.ciHigh], [0, 0, 0]);
  assert.deepEqual(identity?.kappaClean, identity?.kappa, 'the same faces with the same votes: the same κ and CI');

  const allowed = indicesOf(robustness.labelSet);
  const models = ['alpha', 'beta', 'gamma'];
  const stored = await readStoredPredictions(api.db.url, 'tiny');
  const faces = [...new Set(stored.map((p) => p.imageId))].filter((id) => stored.filter((p) => p.imageId === id).length === 3);
  const name = (k: number) => EMOTIONS[k]!;
  const clean = faces.map((f) => models.map((m) => name(labelWithin(stored.find((p) => p.modelId === m && p.imageId === f)!, allowed))));
  const hflip = faces.map((f) =>
    models.map((m) => {
      const p = stored.find((x) => x.modelId === m && x.imageId === f)!;
      return name(labelWithin(m === 'alpha' && Number(f) % 3 === 0 ? { ...p, label: (p.label + 1) % 7 } : p, allowed));
    }),
  );
  const table = pairedPatterns(robustness.labelSet, countTableFromRatings(robustness.labelSet, 3, clean).rows, countTableFromRatings(robustness.labelSet, 3, hflip).rows);
  const expected = pairedKappaBootstrap(table, 3, { resamples: 400, seed: 5 });
  const got = flipped!;
  assert.deepEqual([got.kappaClean.ciLow, got.kappaClean.ciHigh], [expected.ci.clean.low, expected.ci.clean.high]);
  assert.deepEqual([got.kappa.ciLow, got.kappa.ciHigh], [expected.ci.perturbed.low, expected.ci.perturbed.high]);
  assert.deepEqual([got.deltaKappa.ciLow, got.deltaKappa.ciHigh], [expected.ci.delta.low, expected.ci.delta.high]);
  assert.ok(Math.abs(got.deltaKappa.value! - (got.kappa.value! - got.kappaClean.value!)) < 1e-12);
  assert.ok(got.deltaKappa.ciLow! < got.deltaKappa.value! && got.deltaKappa.value! < got.deltaKappa.ciHigh!, JSON.stringify(got.deltaKappa));
  assert.deepEqual([got.deltaKappa.n, got.deltaKappa.resamples, got.deltaKappa.seed], [faces.length, 400, 5]);

  const none = await graphqlData<{ robustness: Robustness }>(api.server.url, ROBUSTNESS, { dataset: 'tiny', perturbations: ['hflip'], resamples: 0 });
  const k = none.robustness.perturbations[0]!.deltaKappa;
  assert.deepEqual([k.value, k.ciLow, k.ciHigh, k.ciReason], [got.deltaKappa.value, null, null, 'no bootstrap was asked for (resamples: 0)']);
});

interface FacePerturbation {
  perturbation: string | null;
  votes: { model: { id: string; name: string }; label: string | null; probability: number | null; error: string | null; changed: boolean | null }[];
}

test('Image.underPerturbation: each model’s vote on the face clean first, then under each stored perturbation, the changed ones marked', async () => {
  const stored = await readStoredPredictions(api.db.url, 'tiny');
  // A face of every model where hflip moved alpha's label (image id divisible by 3).
  const face = [...new Set(stored.map((p) => p.imageId))].find((id) => Number(id) % 3 === 0 && stored.filter((p) => p.imageId === id).length === 3)!;
  const client = new pg.Client({ connectionString: api.db.url });
  await client.connect();
  let bare: string;
  try {
    await client.query(`INSERT INTO perturbed_predictions (model_id, image_id, perturbation, error) VALUES ('beta', $1, 'mask(kind=surgical)', 'no face detected')`, [face]);
    // A face of the other dataset (which no test here scores) with its perturbed predictions removed: a face never perturbed.
    const { rows } = await client.query<{ id: string }>(`SELECT min(id)::text AS id FROM images WHERE dataset_id = 'other'`);
    bare = rows[0]!.id;
    await client.query(`DELETE FROM perturbed_predictions WHERE image_id = $1`, [bare]);
  } finally {
    await client.end();
  }
  const { image } = await graphqlData<{ image: { underPerturbation: FacePerturbation[] } }>(
    api.server.url,
    `query ($id: ID!) { image(id: $id) { underPerturbation { perturbation votes { model { id name } label probability error changed } } } }`,
    { id: face },
  );
  const columns = image.underPerturbation;
  assert.deepEqual(columns.map((c) => c.perturbation), [null, 'mask(kind=surgical)', 'hflip', 'blur(sigma=0)'], 'clean, then the default suite’s order, then the rest');
  const of = (m: string) => stored.find((p) => p.modelId === m && p.imageId === face)!;
  const vote = (label: number, probs: (number | null)[], changed: boolean) => ({ label: EMOTIONS[label]!, probability: Math.fround(probs[label]!), changed });
  const brief = (c: FacePerturbation) => c.votes.map((v) => ({ id: v.model.id, label: v.label, probability: v.probability === null ? null : Math.fround(v.probability), error: v.error, changed: v.changed }));
  const clean = ['alpha', 'beta', 'gamma'].map((id) => ({ id, ...vote(of(id).label, of(id).probs, false), error: null }));
  assert.deepEqual(brief(columns[0]!), clean);
  assert.deepEqual(brief(columns[3]!), clean, 'the identity changes no vote');
  const moved = (of('alpha').label + 1) % 7;
  assert.deepEqual(brief(columns[2]!), [{ id: 'alpha', ...vote(moved, of('alpha').probs, true), error: null }, ...clean.slice(1)]);
  assert.deepEqual(brief(columns[1]!), [{ id: 'beta', label: null, probability: null, error: 'no face detected', changed: null }]);
  assert.ok(columns[0]!.votes.every((v) => v.model.name.length > 0));

  const untouched = await graphqlData<{ image: { underPerturbation: FacePerturbation[] } }>(api.server.url, `{ image(id: "${bare}") { underPerturbation { perturbation } } }`);
  assert.deepEqual(untouched.image.underPerturbation, [], 'no column, not even the clean one, for a face never perturbed');
});
