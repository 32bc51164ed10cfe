import type pg from 'pg';

/** What the bootstrap (import → install → run) is doing; `runs` has each run's own progress. */
export type BootstrapPhase = 'importing' | 'installing' | 'running' | 'done' | 'failed';

/**
 * Records the bootstrap's phase in bootstrap_progress (one row), so the API's status page can say what the
 * background data step of `npm start` is doing before, while and after the runs. A new 'importing' restarts it.
 */
export async function recordBootstrapPhase(pool: pg.Pool, phase: BootstrapPhase, detail = ''): Promise<void> {
  const finished = phase === 'done' || phase === 'failed';
  await pool.query(
    `INSERT INTO bootstrap_progress (id, phase, detail, started_at, updated_at, finished_at)
     VALUES (1, $1, $2, now(), now(), CASE WHEN $3 THEN now() END)
     ON CONFLICT (id) DO UPDATE SET phase = EXCLUDED.phase, detail = EXCLUDED.detail, updated_at = now(),
       started_at = CASE WHEN EXCLUDED.phase = 'importing' THEN now() ELSE bootstrap_progress.started_at END,
       finished_at = EXCLUDED.finished_at`,
    [phase, detail, finished],
  );
}
