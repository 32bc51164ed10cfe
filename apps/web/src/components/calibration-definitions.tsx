/** The definitions behind every calibration number, one sentence each, as the issue and the API state them. */
export function CalibrationDefinitions() {
  return (
    <details className="definitions">
      <summary>How these are defined</summary>
      <ul>
        <li>Confidence (conf) is the largest probability a model gives a face; its prediction is that label (the first on ties).</li>
        <li>Bin m of M holds the faces with conf in ((m−1)/M, m/M], the first bin also conf 0.</li>
        <li>ECE = Σ_m (n_m/N)·|acc_m − conf_m|: how far accuracy and mean confidence differ per bin, weighted by the faces in it.</li>
        <li>MCE is the largest |acc_m − conf_m| over the bins that have faces.</li>
        <li>Brier score is the mean over faces of Σ_k (p_k − y_k)², y being 1 for the gold label and 0 otherwise.</li>
        <li>NLL is the mean of −ln max(p_gold, 10⁻¹²).</li>
        <li>AURC is the mean over j = 1…N of the error rate among the j most confident faces (conf descending, ties in face order).</li>
        <li>At a threshold τ, coverage is the share of faces with conf ≥ τ and selective accuracy the accuracy among them (none kept: undefined).</li>
        <li>Temperature scaling replaces p_k by p_k^(1/T) renormalised; T is fitted (least NLL) on the faces whose image sha256 begins with 0–7 and reported on those beginning with 8–f.</li>
        <li>Probabilities are used as the model stored them, over the emotions it can emit, on the faces whose gold label it can emit.</li>
      </ul>
    </details>
  );
}
