/**
 * The API and the CLI agree: stored prediction rows written as a ratings file and run through the built
 * `ferbench agreement --json` give, for every statistic both report, the values GraphQL returns, to 1e-9.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { EMOTIONS, countTableFromRatings, patternTable, tableAgreement } from '@ferbench/shared';
import { ferbenchAgreementJson } from '../../testing/ferbench-cli.js';
import { graphqlData } from '../../testing/graphql-request.js';
import { ratingsFromPredictions, writeRatingsFile } from '../../testing/ratings-file.js';
import { type SeededApi, startSeededApi } from '../../testing/seeded-api.js';
import { type StoredPrediction, readStoredPredictions } from '../../testing/stored-predictions.js';

let api: SeededApi;
let work: string;
let stored: StoredPrediction[];
before(async () => {
  api = await startSeededApi('api_agreement_cli');
  work = mkdtempSync(path.join(tmpdir(), 'ferbench-agreement-cli-'));
  stored = await readStoredPredictions(api.db.url, 'tiny');
});
after(async () => {
  rmSync(work, { recursive: true, force: true });
  await api?.stop();
});

function close(actual: number | null | undefined, expected: number | null | undefined, what: string): void {
  if (expected === null || expected === undefined) {
    assert.equal(actual ?? null, null, `${what}: expected null, got ${actual}`);
    return;
  }
  assert.equal(typeof actual, 'number', `${what}: expected ${expected}, got ${actual}`);
  assert.ok(Math.abs(actual! - expected) <= 1e-9, `${what}: GraphQL ${actual}, CLI ${expected}`);
}

const ESTIMATE = 'value reason n se ciLow ciHigh ciLevel resamples seed';
const QUERY = `query ($dataset: ID!, $models: [ID!], $labelSet: [String!], $resamples: Int!, $seed: Int!) {
  agreement(dataset: $dataset, models: $models, labelSet: $labelSet, resamples: $resamples, seed: $seed) {
    models { id } labelSet nFaces nRaters
    fleiss { ${ESTIMATE} z p perCategory { label value se z p reason } }
    krippendorffAlpha { ${ESTIMATE} } gwetAc1 { ${ESTIMATE} } percentAgreement { ${ESTIMATE} }
  }
  pairwise(dataset: $dataset, models: $models, labelSet: $labelSet) {
    pairs { modelA { id } modelB { id } kappa { value se ciLow ciHigh n } }
  }
}`;

interface Estimate {
  value: number | null;
  n: number;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  ciLevel: number;
  resamples: number;
  seed: number;
}
interface Result {
  agreement: {
    models: { id: string }[];
    labelSet: string[];
    nFaces: number;
    nRaters: number;
    fleiss: Estimate & { z: number | null; p: number | null; perCategory: { label: string; value: number | null; z: number | null; p: number | null }[] };
    krippendorffAlpha: Estimate;
    gwetAc1: Estimate;
    percentAgreement: Estimate;
  };
  pairwise: { pairs: { modelA: { id: string }; modelB: { id: string }; kappa: { value: number | null; se: number | null; ciLow: number | null; ciHigh: number | null; n: number } }[] };
}

const BOOTSTRAP = { resamples: 400, seed: 3 };

const cases: { name: string; models?: string[]; labelSet?: string[] }[] = [
  { name: 'every model on tiny, default label set' },
  { name: 'gamma and beta (beta skipped faces), in that order', models: ['gamma', 'beta'] },
  { name: 'all three over four labels (many predictions restricted)', models: ['alpha', 'beta', 'gamma'], labelSet: ['neutral', 'happiness', 'sadness', 'anger'] },
];

for (const c of cases)
  test(`GraphQL equals ferbench agreement --json on the stored rows: ${c.name}`, async () => {
    const { agreement, pairwise } = await graphqlData<Result>(api.server.url, QUERY, { dataset: 'tiny', models: c.models, labelSet: c.labelSet, ...BOOTSTRAP });
    const models = agreement.models.map((m) => m.id);
    const ratings = ratingsFromPredictions(stored, models, agreement.labelSet);
    const file = path.join(work, `${c.name.replace(/\W+/g, '-')}.json`);
    writeRatingsFile(file, ratings);
    const cli = await ferbenchAgreementJson(file);

    assert.equal(agreement.nRaters, models.length);
    assert.equal(agreement.nFaces, cli.percent_agreement.items, 'complete faces');
    const f = agreement.fleiss;
    close(f.value, cli.fleiss_kappa.value, 'Fleiss κ');
    close(f.se, cli.fleiss_kappa.se, 'Fleiss κ se');
    close(f.z, cli.fleiss_kappa.z, 'Fleiss κ z');
    close(f.p, cli.fleiss_kappa.p, 'Fleiss κ p');
    assert.deepEqual(f.perCategory.map((k) => k.label), Object.keys(cli.fleiss_per_category));
    for (const k of f.perCategory) {
      const expected = cli.fleiss_per_category[k.label];
      close(k.value, expected.value, `κ ${k.label}`);
      close(k.z, expected.z, `κ ${k.label} z`);
      close(k.p, expected.p, `κ ${k.label} p`);
    }
    close(agreement.krippendorffAlpha.value, cli.krippendorff_alpha.value, 'Krippendorff α');
    close(agreement.gwetAc1.value, cli.gwet_ac1.value, 'Gwet AC1');
    close(agreement.gwetAc1.se, cli.gwet_ac1.se, 'Gwet AC1 se');
    close(agreement.percentAgreement.value, cli.percent_agreement.value, 'percent agreement');
    assert.equal(agreement.percentAgreement.n, cli.percent_agreement.items);

    assert.equal(pairwise.pairs.length, (models.length * (models.length - 1)) / 2);
    for (const [i, pair] of pairwise.pairs.entries()) {
      const [a, b] = [pair.modelA.id, pair.modelB.id];
      assert.ok(models.indexOf(a) < models.indexOf(b), `pair ${i}: ${a} before ${b} as in models`);
      const expected = cli.cohen_kappa[a][b];
      close(pair.kappa.value, expected.value, `Cohen κ ${a}–${b}`);
      close(pair.kappa.se, expected.se, `Cohen κ ${a}–${b} se`);
      close(pair.kappa.ciLow, expected.ci_low, `Cohen κ ${a}–${b} CI low`);
      close(pair.kappa.ciHigh, expected.ci_high, `Cohen κ ${a}–${b} CI high`);
      const both = ratings.ratings.filter((item) => item[models.indexOf(a)] !== null && item[models.indexOf(b)] !== null).length;
      assert.equal(pair.kappa.n, both, `Cohen κ ${a}–${b}: faces both rated`);
    }

    // The CIs resample faces by a multinomial draw over the count patterns (same distribution as the CLI's
    // item bootstrap, another random stream): they are the library's pattern bootstrap of the file's faces.
    const expectedCi = tableAgreement(patternTable(countTableFromRatings(ratings.categories, models.length, ratings.ratings)), models.length, {
      bootstrap: BOOTSTRAP,
    }).bootstrap!;
    const estimates = { fleissKappa: f, krippendorffAlpha: agreement.krippendorffAlpha, gwetAc1: agreement.gwetAc1, percentAgreement: agreement.percentAgreement };
    for (const [name, estimate] of Object.entries(estimates)) {
      const ci = expectedCi[name as keyof typeof estimates];
      assert.deepEqual([estimate.resamples, estimate.seed, estimate.ciLevel], [BOOTSTRAP.resamples, BOOTSTRAP.seed, 0.95]);
      assert.ok(ci.low !== null, `${name}: the CI is defined`);
      close(estimate.ciLow, ci.low, `${name} CI low`);
      close(estimate.ciHigh, ci.high, `${name} CI high`);
    }
  });

test('image(id): majority, ties, vote entropy and P_i equal the CLI’s per-item values over every stored vote', async () => {
  const models = [...new Set(stored.map((p) => p.modelId))].sort();
  const ratings = ratingsFromPredictions(stored, models, EMOTIONS);
  const file = path.join(work, 'votes.json');
  writeRatingsFile(file, ratings);
  const cli = await ferbenchAgreementJson(file);
  assert.equal(cli.items.length, 40);
  let ties = 0;
  for (const [i, id] of ratings.imageIds.entries()) {
    const { image } = await graphqlData<{
      image: { votes: number; majority: { label: string; tied: boolean; tiedLabels: string[] } | null; entropyBits: number | null; pI: number | null };
    }>(api.server.url, `query ($id: ID!) { image(id: $id) { votes majority { label tied tiedLabels } entropyBits pI } }`, { id });
    const expected = cli.items[i];
    assert.equal(image.votes, ratings.ratings[i]!.filter((label) => label !== null).length);
    assert.deepEqual(image.majority, { label: expected.majority, tied: expected.tied, tiedLabels: expected.tied_labels }, `face ${id}`);
    close(image.entropyBits, expected.entropy_bits, `face ${id} entropy`);
    close(image.pI, expected.p_i, `face ${id} P_i`);
    if (expected.tied) ties++;
  }
  assert.ok(ties > 0, 'the fixture has tied faces, so the tie rule is exercised');
});
