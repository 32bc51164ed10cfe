import { EMOTIONS } from '@ferbench/shared';
import Link from 'next/link';
import { type ExploreState, ORDER_FIELDS, ORDER_NAMES, type OrderParam, exploreHref } from '../explore/explore-params';

interface ModelOption {
  id: string;
  name: string;
}

function ModelSelect({ name, id, label, models, value }: { name: string; id: string; label: string; models: readonly ModelOption[]; value: string | null }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        <option value="">any</option>
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.id}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The explorer's filters as a plain GET form: it works without JavaScript, and submitting it produces the
 * deep-linkable URL the page reads (see explore-params.ts). A new filter starts again from the first page.
 */
export function ExploreFilters({
  datasetId,
  state,
  models,
  hasHumanVotes,
}: {
  datasetId: string;
  state: ExploreState;
  models: readonly ModelOption[];
  /** Human-entropy filter and order only where the dataset has crowd votes (the API refuses them otherwise). */
  hasHumanVotes: boolean;
}) {
  return (
    <form className="filters" method="get" action={exploreHref(datasetId, {})} aria-label="Filter and order the faces">
      <fieldset>
        <legend>Two models disagree</legend>
        <ModelSelect name="disagree" id="disagree-a" label="model A" models={models} value={state.disagree?.[0] ?? null} />
        <ModelSelect name="disagree" id="disagree-b" label="model B" models={models} value={state.disagree?.[1] ?? null} />
      </fieldset>
      <fieldset>
        <legend>Labels</legend>
        <div className="field">
          <label htmlFor="gold">gold label</label>
          <select id="gold" name="gold" defaultValue={state.gold ?? ''}>
            <option value="">any</option>
            {EMOTIONS.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </div>
        <ModelSelect name="predictedBy" id="predicted-by" label="model" models={models} value={state.predictedBy} />
        <div className="field">
          <label htmlFor="predicted">says</label>
          <select id="predicted" name="predicted" defaultValue={state.predicted ?? ''}>
            <option value="">anything</option>
            {EMOTIONS.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <fieldset>
        <legend>Disagreement and order</legend>
        <div className="field">
          <label htmlFor="min-entropy">vote entropy ≥ (bits)</label>
          <input id="min-entropy" name="minEntropy" type="number" min="0" step="0.1" inputMode="decimal" defaultValue={state.minEntropy ?? ''} />
        </div>
        {hasHumanVotes && (
          <div className="field">
            <label htmlFor="min-human-entropy">human vote entropy ≥ (bits)</label>
            <input id="min-human-entropy" name="minHumanEntropy" type="number" min="0" step="0.1" inputMode="decimal" defaultValue={state.minHumanEntropy ?? ''} />
          </div>
        )}
        <div className="field checkbox">
          <label>
            <input type="checkbox" name="duplicates" value="1" defaultChecked={state.duplicates} /> duplicate files only
          </label>
        </div>
        <div className="field">
          <label htmlFor="order">order by</label>
          <select id="order" name="order" defaultValue={state.order}>
            {(Object.keys(ORDER_FIELDS) as OrderParam[])
              .filter((o) => hasHumanVotes || o !== 'human-entropy')
              .map((o) => (
                <option key={o} value={o}>
                  {ORDER_NAMES[o]}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dir">direction</label>
          <select id="dir" name="dir" defaultValue={state.dir}>
            <option value="desc">highest first</option>
            <option value="asc">lowest first</option>
          </select>
        </div>
      </fieldset>
      <div className="filter-actions">
        <button type="submit">Show faces</button> <Link href={exploreHref(datasetId, {})}>Reset</Link>
      </div>
    </form>
  );
}
