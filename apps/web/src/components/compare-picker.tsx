import { datasetHref } from '../links/dataset-links';
import { SelectField } from './select-field';

interface ModelOption {
  id: string;
  name: string;
}

/** Pick two models to put side by side: a GET form, so it works without JavaScript and its result is a link. */
export function ComparePicker({ datasetId, models, a, b }: { datasetId: string; models: readonly ModelOption[]; a: string | null; b: string | null }) {
  const first = a ?? models[0]?.id ?? '';
  const second = b ?? models.find((m) => m.id !== first)?.id ?? '';
  return (
    <form className="filters compare-picker" method="get" action={datasetHref(datasetId, '/compare')} aria-label="Choose two models to compare">
      {(
        [
          ['a', 'Model A', first],
          ['b', 'Model B', second],
        ] as const
      ).map(([name, label, value]) => (
        <SelectField key={name} id={`compare-${name}`} name={name} label={label} values={models.map((m) => m.id)} value={value} />
      ))}
      <div className="filter-actions">
        <button type="submit">Compare</button>
      </div>
    </form>
  );
}
