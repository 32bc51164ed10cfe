import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '@ferbench/testkit';
import pg from 'pg';
import { createServer } from '../server/create-server.js';
import { backgroundLoad, type LoadFigures, type LoadTarget, loadTest } from './load-generator.js';
import { startNextDashboard } from './next-process.js';
import { insertSyntheticBenchmark } from './synthetic-predictions.js';

export interface LoadBenchOptions {
  faces: number;
  raters: number;
  clients: number;
  /** Seconds each target is measured, alone and again with bootstrap queries beside it. */
  seconds: number;
  /** Clients sending bootstrap queries (agreement with resamples) beside the measured ones in the second pass. */
  bootstrapClients: number;
  log: (line: string) => void;
}

export interface LoadBenchResult {
  setup: { faces: number; raters: number; clients: number; seconds: number; bootstrapClients: number; bootstrapResamples: number };
  alone: Record<string, LoadFigures>;
  besideBootstrap: Record<string, LoadFigures>;
  /** Bootstrap queries answered during the second pass. */
  bootstrapQueriesAnswered: number;
  leaderboardLoadVsHealthz: number;
  dashboardLoadVsStatic: number;
}

const BOOTSTRAP_RESAMPLES = 1000;

/**
 * A crowd on localhost: `clients` concurrent clients against a real API (createServer) and a real `next start` of
 * the dashboard over `faces` synthetic faces × `raters` models, each target for `seconds`, then the same with
 * `bootstrapClients` clients sending agreement queries with bootstrap CIs beside them. Ratios are within one run.
 */
export async function runLoadBenchmark(options: LoadBenchOptions): Promise<LoadBenchResult> {
  const { faces, raters, clients, seconds, bootstrapClients, log } = options;
  const db = await createTestDatabase('bench_load');
  const datasetsRoot = mkdtempSync(path.join(tmpdir(), 'ferbench-bench-load-'));
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  let stopServer: (() => Promise<void>) | undefined;
  let stopWeb: (() => Promise<void>) | undefined;
  try {
    log(`load: ${faces.toLocaleString('en-US')} synthetic faces × ${raters} models`);
    const synthetic = await insertSyntheticBenchmark(client, { faces, raters, seed: 7 });
    const { rows } = await client.query<{ id: string; path: string }>(`SELECT id::text, path FROM images WHERE dataset_id = $1 ORDER BY id LIMIT 1`, [synthetic.datasetId]);
    const image = rows[0]!;
    const imageFile = path.join(datasetsRoot, 'synthetic', image.path);
    mkdirSync(path.dirname(imageFile), { recursive: true });
    writeFileSync(imageFile, Buffer.alloc(2_300, 7)); // about a 48×48 face's PNG; its bytes are not looked at

    const server = await createServer({ databaseUrl: db.url, datasetsRoot, host: '127.0.0.1' });
    stopServer = () => server.stop();
    const api = `http://127.0.0.1:${new URL(server.url).port}`;
    const web = await startNextDashboard(api);
    stopWeb = () => web.stop();
    const dataset = synthetic.datasetId;
    const graphql = (query: string, variables: Record<string, unknown> = {}) => (signal?: AbortSignal) =>
      fetch(`${api}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }), signal });
    const targets: LoadTarget[] = [
      { name: 'healthz', send: (signal) => fetch(`${api}/healthz`, { signal }) },
      { name: 'leaderboard', send: graphql(`query ($d: ID!) { leaderboard(dataset: $d) { entries { model { id sha256 } n accuracy macroF1 } } }`, { d: dataset }) },
      {
        name: 'imagesPage',
        send: graphql(`query ($d: ID!) { images(dataset: $d, orderBy: { field: MODEL_ENTROPY, direction: DESC }, first: 24) { totalCount edges { node { id key goldLabel } agreement { voteCounts entropyBits } } } }`, { d: dataset }),
      },
      { name: 'image', send: (signal) => fetch(`${api}/images/${image.id}`, { signal }) },
      { name: 'staticPage', send: (signal) => fetch(`${web.url}/try`, { signal }) },
      { name: 'datasetPage', send: (signal) => fetch(`${web.url}/datasets/${dataset}`, { signal }) },
      // Last in each pass: while the bootstrap runs on the API's event loop, its backlog would slow the targets after it.
      { name: 'agreement', send: graphql(`query ($d: ID!) { agreement(dataset: $d) { nFaces fleiss { value se ciLow ciHigh n } } }`, { d: dataset }) },
    ];
    for (const target of targets) {
      const answer = await target.send();
      const body = await answer.arrayBuffer();
      if (!answer.ok) throw new Error(`${target.name}: warm-up answered ${answer.status}`);
      log(`load: ${target.name}: ${body.byteLength.toLocaleString('en-US')} bytes (${answer.headers.get('content-encoding') ?? 'identity'} on the wire)`);
    }

    const alone: Record<string, LoadFigures> = {};
    for (const target of targets) {
      alone[target.name] = await loadTest(target, clients, seconds);
      log(`load: ${target.name}: ${describe(alone[target.name]!)}`);
    }
    await untilIdle(api, log);
    let seed = 1;
    const bootstrap = backgroundLoad(
      { name: 'bootstrap', send: (signal) => graphql(`query ($d: ID!, $s: Int!) { agreement(dataset: $d, resamples: ${BOOTSTRAP_RESAMPLES}, seed: $s) { fleiss { ciLow ciHigh } } }`, { d: dataset, s: seed++ })(signal) },
      bootstrapClients,
    );
    const besideBootstrap: Record<string, LoadFigures> = {};
    let bootstrapQueriesAnswered: number;
    try {
      for (const target of targets) {
        besideBootstrap[target.name] = await loadTest(target, clients, seconds);
        log(`load beside ${bootstrapClients} bootstrap clients: ${target.name}: ${describe(besideBootstrap[target.name]!)}`);
      }
    } finally {
      bootstrapQueriesAnswered = await bootstrap.stop();
    }
    return {
      setup: { faces, raters, clients, seconds, bootstrapClients, bootstrapResamples: BOOTSTRAP_RESAMPLES },
      alone,
      besideBootstrap,
      bootstrapQueriesAnswered,
      leaderboardLoadVsHealthz: alone.leaderboard!.reqPerS / alone.healthz!.reqPerS,
      dashboardLoadVsStatic: alone.datasetPage!.reqPerS / alone.staticPage!.reqPerS,
    };
  } finally {
    await stopWeb?.();
    await stopServer?.();
    await client.end();
    await db.drop();
    rmSync(datasetsRoot, { recursive: true, force: true });
  }
}

/** Waits (at most a minute) until /healthz answers within 100 ms: the requests left from a pass are done. */
async function untilIdle(api: string, log: (line: string) => void): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const t0 = performance.now();
    const answered = await fetch(`${api}/healthz`, { signal: AbortSignal.timeout(10_000) }).then(
      (r) => r.arrayBuffer().then(() => true),
      () => false,
    );
    if (answered && performance.now() - t0 < 100) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  log('load: the API was still busy after a minute; measuring anyway');
}

function describe(f: LoadFigures): string {
  return `${f.reqPerS.toFixed(1)} req/s, p50 ${f.p50Ms.toFixed(1)} ms, p95 ${f.p95Ms.toFixed(1)} ms, p99 ${f.p99Ms.toFixed(1)} ms (${f.requests} answers, ${f.errors} errors)`;
}

/** The table `npm run bench` prints. */
export function formatLoadBench(result: LoadBenchResult): string {
  const { setup } = result;
  const lines = [
    `load: ${setup.clients} clients, ${setup.seconds} s per target, ${setup.faces.toLocaleString('en-US')} faces × ${setup.raters} models; second pass beside ${setup.bootstrapClients} clients of agreement(resamples: ${setup.bootstrapResamples})`,
    'target        |  alone: req/s   p50 ms   p95 ms   p99 ms | beside bootstrap: req/s   p50 ms   p95 ms   p99 ms',
  ];
  for (const name of Object.keys(result.alone)) {
    const a = result.alone[name]!;
    const b = result.besideBootstrap[name]!;
    const row = (f: LoadFigures) => `${f.reqPerS.toFixed(1).padStart(12)} ${f.p50Ms.toFixed(1).padStart(8)} ${f.p95Ms.toFixed(1).padStart(8)} ${f.p99Ms.toFixed(1).padStart(8)}`;
    lines.push(`${name.padEnd(13)} | ${row(a)} |            ${row(b)}`);
  }
  lines.push(`leaderboardLoadVsHealthz ${result.leaderboardLoadVsHealthz.toFixed(3)} (goal ≥ 0.5), dashboardLoadVsStatic ${result.dashboardLoadVsStatic.toFixed(3)} (goal ≥ 0.5); ${result.bootstrapQueriesAnswered} bootstrap queries answered beside`);
  return lines.join('\n');
}
