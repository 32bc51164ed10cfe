import type { ParamSpec, ParamValue, Perturbation } from './perturbation.js';
import { PerturbationError, PerturbationErrorCode } from './perturbation-error.js';
import { PERTURBATION_SPECS, perturbationSpec } from './perturbation-specs.js';

const invalid = (text: string, why: string): PerturbationError => new PerturbationError(PerturbationErrorCode.Invalid, `perturbation "${text}": ${why}`, [why]);

function value(text: string, spec: ParamSpec, raw: string): ParamValue {
  if (spec.kind === 'enum') {
    if (!spec.values.includes(raw)) throw invalid(text, `${spec.name} must be one of ${spec.values.join(', ')} (got "${raw}")`);
    return raw;
  }
  const v = raw.trim() === '' ? Number.NaN : Number(raw);
  const range = `${spec.integer ? 'an integer' : 'a number'} from ${spec.min} to ${spec.max}`;
  if (!Number.isFinite(v) || v < spec.min || v > spec.max || (spec.integer === true && !Number.isInteger(v))) throw invalid(text, `${spec.name} must be ${range} (got "${raw}")`);
  return v;
}

/** `name(k=v, …)`, every parameter in its declared order; `name` alone when it has none. */
export function canonicalName(name: string, params: readonly ParamSpec[], values: Readonly<Record<string, ParamValue>>): string {
  return params.length === 0 ? name : `${name}(${params.map((p) => `${p.name}=${String(values[p.name])}`).join(', ')})`;
}

/**
 * Reads `name`, `name(v)` (the first parameter), `name(k=v, …)` or a mix, with any spacing; parameters left out
 * take their defaults. Anything else is refused with the reason, naming the perturbation and the parameter.
 */
export function parsePerturbation(text: string): Perturbation {
  const m = /^\s*([a-z][a-z0-9_]*)\s*(?:\((.*)\))?\s*$/s.exec(text);
  if (m === null) throw invalid(text, 'expected name or name(key=value, …)');
  const name = m[1] as string;
  const spec = perturbationSpec(name);
  if (spec === undefined) throw invalid(text, `unknown perturbation "${name}"; known: ${PERTURBATION_SPECS.map((s) => s.name).join(', ')}`);
  const values: Record<string, ParamValue> = {};
  const body = m[2]?.trim() ?? '';
  const parts = body === '' ? [] : body.split(',');
  parts.forEach((part, i) => {
    const eq = part.indexOf('=');
    const key = eq < 0 ? spec.params[i]?.name : part.slice(0, eq).trim();
    if (key === undefined) throw invalid(text, `${name} takes ${spec.params.length === 0 ? 'no parameters' : `at most ${spec.params.length}`}`);
    const param = spec.params.find((p) => p.name === key);
    if (param === undefined) throw invalid(text, `${name} has no parameter "${key}"; it takes ${spec.params.map((p) => p.name).join(', ') || 'none'}`);
    if (key in values) throw invalid(text, `${key} is given twice`);
    values[key] = value(text, param, (eq < 0 ? part : part.slice(eq + 1)).trim());
  });
  for (const p of spec.params) values[p.name] ??= p.default;
  return { name, params: values, canonical: canonicalName(name, spec.params, values) };
}
