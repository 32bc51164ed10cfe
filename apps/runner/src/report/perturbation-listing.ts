import { PERTURBATION_SPECS, type ParamSpec, SUITES, parsePerturbation } from '@ferbench/inference';

function paramText(p: ParamSpec): string {
  const range = p.kind === 'enum' ? p.values.join(' | ') : `${p.min}…${p.max}${p.integer ? ', integer' : ''}`;
  return `    ${p.name}: ${range}, default ${String(p.default)}; ${p.description}`;
}

/** Every perturbation (canonical name with its defaults, what it does, its parameters) and every suite. */
export function formatPerturbationListing(): string {
  const perturbations = PERTURBATION_SPECS.map((s) =>
    [`${parsePerturbation(s.name).canonical}${s.needsFace ? '  [drawn from the face landmarks: needs a detected face]' : ''}`, `    ${s.description}`, ...s.params.map(paramText)].join('\n'),
  );
  const suites = Object.entries(SUITES).map(([name, list]) => `suite ${name}: ${list.join('; ')}`);
  return [...perturbations, '', ...suites].join('\n');
}
