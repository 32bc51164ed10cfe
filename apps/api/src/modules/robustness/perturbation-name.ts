import { type Perturbation, PerturbationError, parsePerturbation } from '@ferbench/inference';
import { RobustnessError, RobustnessErrorCode } from './robustness.error.js';

/** The perturbation a client named, or the API's error naming what is wrong with it. */
export function parseRequestedPerturbation(text: string): Perturbation {
  try {
    return parsePerturbation(text);
  } catch (error) {
    if (error instanceof PerturbationError) throw new RobustnessError(RobustnessErrorCode.InvalidPerturbation, { perturbation: text, problem: error.problems[0] ?? error.message });
    throw error;
  }
}
