import { EMOTIONS } from '@ferbench/shared';
import Link from 'next/link';
import { type ExploreState, ORDER_FIELDS, ORDER_NAMES, type OrderParam, exploreHref } from '../explore/explore-params';
import { SelectField } from './select-field';

interface ModelOption {
  id: string;
  name: string;
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
  const modelIds = models.map((m) => m.id);
  return (
    <form className="filters" method="get" action={exploreHref(datasetId, {})} aria-label="Filter and order the faces">
      <fieldset>
        <legend>Two models disagree</legend>
        <SelectField id="disagree-a" name="disagree" label="model A" values={modelIds} value={state.disagree?.[0] ?? null} anyLabel="any" />
        <SelectField id="disagree-b" name="disagree" label="model B" values={modelIds} value={state.disagree?.[1] ?? null} anyLabel="any" />
      </fieldset>
      <fieldset>
        <legend>Labels</legend>
        <SelectField id="gold" name="gold" label="gold label" values={EMOTIONS} value={state.gold} anyLabel="any" />
        <SelectField id="predicted-by" name="predictedBy" label="model" values={modelIds} value={state.predictedBy} anyLabel="any" />
        <SelectField id="predicted" name="predicted" label="says" values={EMOTIONS} value={state.predicted} anyLabel="anything" />
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
