import { DomainError } from '../../errors/domain-error.js';

export enum RobustnessErrorCode {
  InvalidPerturbation = 'INVALID_PERTURBATION',
  NoDetectedFace = 'NO_DETECTED_FACE',
}

export interface RobustnessErrorDetails {
  [RobustnessErrorCode.InvalidPerturbation]: { perturbation: string; problem: string };
  [RobustnessErrorCode.NoDetectedFace]: { id: string; perturbation: string };
}

export class RobustnessError<C extends RobustnessErrorCode = RobustnessErrorCode> extends DomainError<C> {}
