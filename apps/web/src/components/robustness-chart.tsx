import type { RobustnessQuery } from '../gql/graphql';
import { formatStatistic } from '../format/numbers';

type Robustness = RobustnessQuery['robustness'];

const WIDTH = 760;
const HEIGHT = 380;
const MARGIN = { top: 20, right: 96, bottom: 96, left: 56 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
// Distinguishable without colour too: each model line has its own dash pattern.
const DASHES = ['', '6 3', '2 3', '10 3 2 3', '1 5', '12 4', '4 4', '8 2 2 2 2 2', '3 6', '14 3 3 3'];
const HUES = ['#1b7f79', '#b4531f', '#5a4fcf', '#a2307a', '#4d7f1b', '#7f5f1b', '#1b4f7f', '#7f1b2f', '#3f3f3f', '#1b7f4f'];

/** x positions: "clean" then each perturbation. The clean point is taken on the perturbation with the most faces. */
export function cleanReference(r: Robustness): Robustness['perturbations'][number] | undefined {
  return [...r.perturbations].sort((a, b) => b.nFaces - a.nFaces)[0];
}

/**
 * Accuracy of each model clean and under each perturbation (one line per model) and Fleiss κ among the models
 * (the thick black line), on the same faces per perturbation. Plain SVG; the table below holds every number.
 */
export function RobustnessChart({ robustness }: { robustness: Robustness }) {
  const reference = cleanReference(robustness);
  if (reference === undefined) return null;
  const columns = ['clean', ...robustness.perturbations.map((p) => p.perturbation)];
  const x = (i: number) => MARGIN.left + (columns.length === 1 ? PLOT_W / 2 : (i / (columns.length - 1)) * PLOT_W);
  const yMin = Math.min(0, ...robustness.perturbations.map((p) => p.kappa.value ?? 0));
  const y = (v: number) => MARGIN.top + PLOT_H - ((v - yMin) / (1 - yMin)) * PLOT_H;
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1].filter((t) => t >= yMin);
  const series = [
    ...robustness.models.map((m, k) => ({
      key: m.id,
      name: m.id,
      stroke: HUES[k % HUES.length]!,
      dash: DASHES[k % DASHES.length]!,
      width: 1.5,
      values: [
        reference.models.find((x) => x.modelId === m.id)?.accuracy.clean ?? null,
        ...robustness.perturbations.map((p) => p.models.find((x) => x.modelId === m.id)?.accuracy.perturbed ?? null),
      ],
    })),
    { key: 'kappa', name: "Fleiss' κ among the models", stroke: 'var(--text)', dash: '', width: 3.5, values: [reference.kappaClean.value, ...robustness.perturbations.map((p) => p.kappa.value)] },
  ];
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="robustness-chart-title"
        data-chart="robustness"
        style={{ width: '100%', maxWidth: `${WIDTH}px`, height: 'auto', background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 'var(--radius)' }}
      >
        <title id="robustness-chart-title">Accuracy of each model and Fleiss κ among them, clean and under each perturbation</title>
        {ticks.map((t) => (
          <g key={`y${t}`}>
            <line x1={MARGIN.left} x2={MARGIN.left + PLOT_W} y1={y(t)} y2={y(t)} style={{ stroke: 'var(--border)' }} />
            <text x={MARGIN.left - 8} y={y(t) + 4} textAnchor="end" fontSize="11" style={{ fill: 'var(--muted)' }}>
              {t}
            </text>
          </g>
        ))}
        {columns.map((c, i) => (
          <text key={c} transform={`translate(${x(i)} ${MARGIN.top + PLOT_H + 12}) rotate(35)`} fontSize="11" style={{ fill: 'var(--muted)' }}>
            {c}
          </text>
        ))}
        <text transform={`translate(14 ${MARGIN.top + PLOT_H / 2}) rotate(-90)`} textAnchor="middle" fontSize="12">
          accuracy / κ
        </text>
        {series.map((s) => (
          <polyline
            key={s.key}
            data-line={s.key}
            points={s.values.flatMap((v, i) => (v === null ? [] : [`${x(i)},${y(v)}`])).join(' ')}
            style={{ fill: 'none', stroke: s.stroke, strokeWidth: s.width, strokeDasharray: s.dash }}
          >
            <title>{`${s.name}: ${s.values.map((v, i) => `${columns[i]} ${formatStatistic(v)}`).join(', ')}`}</title>
          </polyline>
        ))}
      </svg>
      <figcaption className="table-note">
        <ul className="label-list" aria-label="Lines">
          {series.map((s) => (
            <li key={s.key}>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" x2="28" y1="5" y2="5" style={{ stroke: s.stroke, strokeWidth: s.width, strokeDasharray: s.dash }} />
              </svg>{' '}
              {s.key === 'kappa' ? s.name : <code>{s.name}</code>}
            </li>
          ))}
        </ul>
        One line per model (accuracy) and the thick line for κ. The clean point is measured on the faces of the perturbation with the most faces ({reference.perturbation}); every perturbed point is on its own complete faces (see the table).
      </figcaption>
    </figure>
  );
}
