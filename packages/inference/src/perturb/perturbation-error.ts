import { EngineError } from '@ferbench/shared';

export enum PerturbationErrorCode {
  /** A perturbation name, parameter or value that is not one of those `perturbationSpecs` lists. */
  Invalid = 'perturbation-invalid',
  /** A perturbation drawn from the face's landmarks, on an image without a detected face. */
  NeedsFace = 'perturbation-needs-face',
}

export class PerturbationError extends EngineError<PerturbationErrorCode> {}
