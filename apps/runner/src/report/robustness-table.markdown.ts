import type { BootstrapCi, FleissKappa, PairedAccuracyChange } from '@ferbench/shared';
import type { RobustnessWithCis } from './robustness-with-cis.js';

const f3 = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toFixed(3));
// Sign after rounding: a change of −0.0001 reads +0.000, not −0.000.
const signed = (v: number): string => `${Number(v.toFixed(3)) < 0 ? '−' : '+'}${Math.abs(v).toFixed(3)}`;
const interval = (ci: BootstrapCi, format: (v: number) => string): string => (ci.low === null ? '' : ` [${format(ci.low)}, ${format(ci.high)}]`);
const kappa = (k: FleissKappa, ci: BootstrapCi): string => (k.value === null ? '—' : `${f3(k.value)}${interval(ci, f3)}`);
const change = (a: PairedAccuracyChange): string => (a.value === null ? '—' : `${signed(a.value)} (${signed(a.ciLow)}…${signed(a.ciHigh)})`);

/**
 * Per dataset: a table of Fleiss κ among the models clean vs under each perturbation (on the same faces) with
 * their bootstrap CIs and Δκ with its paired CI, and the mean flip rate; then each model's accuracy change with its
 * paired 95% CI; each number with its n and the hashes.
 */
export function robustnessTableMarkdown(results: readonly RobustnessWithCis[], note = ''): string {
  const out: string[] = [];
  for (const r of results) {
    const ids = r.models.map((m) => m.id);
    out.push(
      `**${r.datasetId}** (content sha256 \`${r.datasetSha256.slice(0, 12)}\`; ${ids.length} models: ${r.models.map((m) => `\`${m.id}\` \`${m.sha256.slice(0, 8)}\``).join(', ')}; labels ${r.labelSet.join(', ')}${note})`,
      '',
      '| perturbation | faces | κ clean [CI] | κ perturbed [CI] | Δκ [paired CI] | mean flip rate |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const p of r.perturbations) {
      const b = p.kappaBootstrap;
      const dk = p.kappa.value !== null && p.kappaClean.value !== null ? `${signed(p.kappa.value - p.kappaClean.value)}${interval(b.ci.delta, signed)}` : '—';
      const flips = p.models.map((m) => m.flips.value).filter((v): v is number => v !== null);
      const meanFlip = flips.length === 0 ? null : flips.reduce((a, b) => a + b, 0) / flips.length;
      out.push(`| \`${p.perturbation}\` | ${p.nFaces} | ${kappa(p.kappaClean, b.ci.clean)} | ${kappa(p.kappa, b.ci.perturbed)} | ${dk} | ${f3(meanFlip)} |`);
    }
    const settings = r.perturbations[0]?.kappaBootstrap.ci.delta;
    if (settings !== undefined)
      out.push(
        '',
        `κ: ${Math.round(settings.level * 100)}% percentile bootstrap CIs over the faces (${settings.resamples.toLocaleString('en-US')} resamples, seed ${settings.seed}); Δκ's CI is paired: each resampled face is taken clean and perturbed together.`,
      );
    out.push('', `Accuracy under each perturbation minus clean accuracy, per model, on the faces counted above (paired 95% normal CI on the per-face differences):`, '');
    out.push(`| model | ${r.perturbations.map((p) => `\`${p.perturbation}\``).join(' | ')} |`, `| --- | ${r.perturbations.map(() => '---:').join(' | ')} |`);
    for (const id of ids) {
      const cells = r.perturbations.map((p) => {
        const m = p.models.find((x) => x.modelId === id);
        return m === undefined ? '—' : change(m.accuracy);
      });
      out.push(`| \`${id}\` | ${cells.join(' | ')} |`);
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}
