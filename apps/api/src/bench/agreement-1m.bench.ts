import { availableParallelism } from 'node:os';
import { countPatterns, refreshAgreementPatterns } from '@ferbench/scores';
import { tableAgreement } from '@ferbench/shared';
import { createTestDatabase } from '@ferbench/testkit';
import pg from 'pg';
import { createDataSource } from '../database/data-source.js';
import { AgreementRepository } from '../modules/agreement/agreement.repository.js';
import { createServer } from '../server/create-server.js';
import { graphqlData } from '../testing/graphql-request.js';
import { insertSyntheticBenchmark } from './synthetic-predictions.js';

export interface AgreementBenchOptions {
  faces: number;
  raters: number;
  resamples: number;
  repetitions: number;
  log: (line: string) => void;
}

interface Estimate {
  value: number | null;
  n: number;
  ciLow: number | null;
  ciHigh: number | null;
}
interface AgreementAnswer {
  agreement: { nFaces: number; fleiss: Estimate & { se: number | null }; krippendorffAlpha: Estimate; gwetAc1: Estimate & { se: number | null }; percentAgreement: Estimate };
}

// The models are named: listing every model with predictions on the dataset is the model module's query, not
// the agreement computation measured here.
const QUERY = `query ($dataset: ID!, $models: [ID!]!, $resamples: Int!, $seed: Int!) {
  agreement(dataset: $dataset, models: $models, resamples: $resamples, seed: $seed) {
    nFaces
    fleiss { value se n ciLow ciHigh }
    krippendorffAlpha { value n ciLow ciHigh }
    gwetAc1 { value se n ciLow ciHigh }
    percentAgreement { value n ciLow ciHigh }
  }
}`;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function timed<T>(run: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { seconds: (performance.now() - started) / 1000, result };
}

/**
 * Agreement at scale, end to end: `faces` synthetic faces × `raters` models loaded into a throwaway embedded
 * Postgres, the pattern table refreshed as a run does when it ends, then the agreement query over HTTP against a
 * real API server (GraphQL → resolver → service → repository → stored patterns → formulas): cold (the first query
 * after the refresh), warm (the same query again) and with the bootstrap. The baseline, timed beside them in
 * each repetition, counts the patterns from the predictions table with GROUP BY (countPatterns), as the API did
 * before the stored patterns; the values from both must agree to 1e-12.
 */
export async function runAgreementBenchmark(options: AgreementBenchOptions) {
  const { faces, raters, resamples, repetitions, log } = options;
  const db = await createTestDatabase('bench_agreement');
  const client = new pg.Client({ connectionString: db.url });
  const dataSource = createDataSource(db.url);
  try {
    await client.connect();
    log(`bench agreement: inserting ${faces.toLocaleString('en-US')} faces × ${raters} models…`);
    const data = await insertSyntheticBenchmark(client, { faces, raters, seed: 20251128 });
    log(`bench agreement: ${data.predictionRows.toLocaleString('en-US')} prediction rows in ${data.insertSeconds.toFixed(1)} s (+ ${data.indexSeconds.toFixed(1)} s indexes)`);
    const postgres = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;

    await dataSource.initialize();
    const server = await createServer({ dataSource, datasetsRoot: '/nonexistent' });
    try {
      const repository = new AgreementRepository(dataSource);
      const rows = <T>(sql: string, params: unknown[]) => dataSource.query(sql, params) as Promise<T[]>;
      const labelSet = ['neutral', 'happiness', 'sadness', 'surprise', 'fear', 'disgust', 'anger'] as const;
      const patternRuns: number[] = [];
      const refreshes: number[] = [];
      const cold: number[] = [];
      const plain: number[] = [];
      const bootstrapped: number[] = [];
      let patterns = 0;
      let worstDifference = 0;
      let answer: AgreementAnswer | undefined;
      let answerWithCi: AgreementAnswer | undefined;
      // Warm is the same query again (answered from the results cache, as a crowd's would be); each repetition's
      // bootstrap has its own seed, so it is computed, never served by the bootstrap cache from the repetition before.
      const ask = (n: number, seed = 1) => timed(() => graphqlData<AgreementAnswer>(server.url, QUERY, { dataset: data.datasetId, models: data.modelIds, resamples: n, seed }));
      for (let rep = 0; rep < repetitions; rep++) {
        const counted = await timed(() => countPatterns(rows, data.datasetId, data.modelIds, [...labelSet]));
        patternRuns.push(counted.seconds);
        patterns = counted.result.patterns.length;
        // As if a run had just written predictions: the stored table is out of date, the run's end refreshes it.
        await client.query(`INSERT INTO prediction_versions AS v (dataset_id) VALUES ($1) ON CONFLICT (dataset_id) DO UPDATE SET version = v.version + 1`, [data.datasetId]);
        const refreshed = await timed(() => refreshAgreementPatterns(rows, data.datasetId));
        if (refreshed.result?.source !== 'counted') throw new Error('the refresh did not count the patterns');
        refreshes.push(refreshed.seconds);
        const first = await ask(0);
        cold.push(first.seconds);
        const warm = await ask(0);
        plain.push(warm.seconds);
        answer = warm.result;
        const withCi = await ask(resamples, rep + 1);
        bootstrapped.push(withCi.seconds);
        answerWithCi = withCi.result;
        const baseline = tableAgreement(counted.result, data.modelIds.length);
        const got = first.result.agreement;
        const pairs: [number | null, number | null][] = [
          [got.fleiss.value, baseline.fleissKappa.value],
          [got.krippendorffAlpha.value, baseline.krippendorffAlpha.value],
          [got.gwetAc1.value, baseline.gwetAc1.declared.value],
          [got.percentAgreement.value, baseline.percentAgreement.value],
        ];
        for (const [x, y] of pairs)
          worstDifference = Math.max(worstDifference, x === null || y === null ? (x === y ? 0 : Infinity) : Math.abs(x - y));
        log(
          `bench agreement: repetition ${rep + 1}/${repetitions}: baseline patterns GROUP BY ${counted.seconds.toFixed(2)} s, refresh at run end ${refreshed.seconds.toFixed(2)} s, ` +
            `κ/α/AC1 cold ${first.seconds.toFixed(3)} s, warm ${warm.seconds.toFixed(3)} s, with ${resamples} resamples ${withCi.seconds.toFixed(3)} s`,
        );
      }
      if (worstDifference > 1e-12) throw new Error(`stored patterns give values ${worstDifference} away from counting the predictions`);
      const baselineSeconds = median(patternRuns);
      return {
        faces,
        raters,
        predictionRows: data.predictionRows,
        patterns,
        cpus: availableParallelism(),
        postgres,
        insert: { seconds: data.insertSeconds, rowsPerSecond: data.predictionRows / data.insertSeconds, indexSeconds: data.indexSeconds },
        patternQuery: { what: 'baseline: count patterns from the predictions table with GROUP BY', secondsMedian: baselineSeconds, samples: patternRuns },
        refresh: { what: 'refreshAgreementPatterns when a run ends (counts once, stores the table)', secondsMedian: median(refreshes), samples: refreshes },
        agreementCold: { what: 'κ/α/AC1 through GraphQL, first query after the refresh', secondsMedian: median(cold), samples: cold },
        agreement: { what: 'the same query again (warm)', secondsMedian: median(plain), samples: plain },
        agreementWithBootstrap: { resamples, secondsMedian: median(bootstrapped), samples: bootstrapped },
        ratios: {
          agreementColdVsBaseline: median(cold) / baselineSeconds,
          agreementWarmVsBaseline: median(plain) / baselineSeconds,
          bootstrap1000VsBaseline: median(bootstrapped) / baselineSeconds,
        },
        valuesVsBaselineMaxAbsDifference: worstDifference,
        maxRssMiB: process.resourceUsage().maxRSS / 1024,
        values: answer!.agreement,
        valuesWithBootstrap: answerWithCi!.agreement,
      };
    } finally {
      await server.stop();
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await client.end();
    await db.drop();
  }
}

export type AgreementBenchResult = Awaited<ReturnType<typeof runAgreementBenchmark>>;

/** The table `npm run bench` prints. */
export function formatAgreementBench(r: AgreementBenchResult): string {
  const s = (x: number) => `${x.toFixed(3)} s`;
  const v = (e: Estimate) => (e.value === null ? 'undefined' : e.value.toFixed(4));
  const ci = (e: Estimate) => (e.ciLow === null ? '' : ` [${e.ciLow.toFixed(4)}, ${e.ciHigh!.toFixed(4)}]`);
  const a = r.valuesWithBootstrap;
  const rows: [string, string][] = [
    ['insert predictions (INSERT … SELECT)', `${s(r.insert.seconds)}  ${Math.round(r.insert.rowsPerSecond).toLocaleString('en-US')} rows/s`],
    ['rebuild predictions indexes', s(r.insert.indexSeconds)],
    ['baseline: count patterns from predictions (GROUP BY)', `${s(r.patternQuery.secondsMedian)}  ${r.patterns.toLocaleString('en-US')} patterns`],
    ['refresh stored patterns when a run ends', s(r.refresh.secondsMedian)],
    ['agreement κ, α, AC1, % cold (first query after the run)', `${s(r.agreementCold.secondsMedian)}  ${r.ratios.agreementColdVsBaseline.toFixed(3)} × baseline`],
    ['agreement κ, α, AC1, % warm (same query again)', `${s(r.agreement.secondsMedian)}  ${r.ratios.agreementWarmVsBaseline.toFixed(3)} × baseline`],
    [`agreement with ${r.agreementWithBootstrap.resamples} bootstrap resamples`, `${s(r.agreementWithBootstrap.secondsMedian)}  ${r.ratios.bootstrap1000VsBaseline.toFixed(3)} × baseline`],
    ['API process max RSS', `${Math.round(r.maxRssMiB)} MiB`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    `agreement at scale: ${r.raters} raters × ${r.faces.toLocaleString('en-US')} faces = ${r.predictionRows.toLocaleString('en-US')} predictions, ${r.cpus} CPU(s), Postgres ${r.postgres}; medians of ${r.agreement.samples.length}`,
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    `  Fleiss κ ${v(a.fleiss)}${ci(a.fleiss)} (n ${a.fleiss.n}), α ${v(a.krippendorffAlpha)}${ci(a.krippendorffAlpha)}, AC1 ${v(a.gwetAc1)}${ci(a.gwetAc1)}, % ${v(a.percentAgreement)}`,
  ].join('\n');
}
