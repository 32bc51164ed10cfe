import { DomainError } from '../../errors/domain-error.js';

export enum RobustnessErrorCode {
  InvalidPerturbation = 'INVALID_PERTURBATION',
}

export interface RobustnessErrorDetails {
  [RobustnessErrorCode.InvalidPerturbation]: { perturbation: string; problem: string };
}

export class RobustnessError<C extends RobustnessErrorCode = RobustnessErrorCode> extends DomainError<C> {}
