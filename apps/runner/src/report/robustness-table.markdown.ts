import type { DatasetRobustness } from '@ferbench/scores';
import type { FleissKappa, PairedAccuracyChange } from '@ferbench/shared';

const f3 = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toFixed(3));
// Sign after rounding: a change of −0.0001 reads +0.000, not −0.000.
const signed = (v: number): string => `${Number(v.toFixed(3)) < 0 ? '−' : '+'}${Math.abs(v).toFixed(3)}`;
const kappa = (k: FleissKappa): string => (k.value === null ? '—' : f3(k.value));
const change = (a: PairedAccuracyChange): string => (a.value === null ? '—' : `${signed(a.value)} (${signed(a.ciLow)}…${signed(a.ciHigh)})`);

/**
 * Per dataset: a table of Fleiss κ among the models clean vs under each perturbation (on the same faces) with the
 * mean flip rate, then each model's accuracy change with its paired 95% CI; each number with its n and the hashes.
 */
export function robustnessTableMarkdown(results: readonly DatasetRobustness[], note = ''): string {
  const out: string[] = [];
  for (const r of results) {
    const ids = r.models.map((m) => m.id);
    out.push(
      `**${r.datasetId}** (content sha256 \`${r.datasetSha256.slice(0, 12)}\`; ${ids.length} models: ${r.models.map((m) => `\`${m.id}\` \`${m.sha256.slice(0, 8)}\``).join(', ')}; labels ${r.labelSet.join(', ')}${note})`,
      '',
      '| perturbation | faces | κ clean | κ perturbed | Δκ | mean flip rate |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const p of r.perturbations) {
      const dk = p.kappa.value !== null && p.kappaClean.value !== null ? signed(p.kappa.value - p.kappaClean.value) : '—';
      const flips = p.models.map((m) => m.flips.value).filter((v): v is number => v !== null);
      const meanFlip = flips.length === 0 ? null : flips.reduce((a, b) => a + b, 0) / flips.length;
      out.push(`| \`${p.perturbation}\` | ${p.nFaces} | ${kappa(p.kappaClean)} | ${kappa(p.kappa)} | ${dk} | ${f3(meanFlip)} |`);
    }
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
