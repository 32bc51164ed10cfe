import { DomainError } from '../errors/domain-error.js';

export enum ComputeErrorCode {
  QueueFull = 'STATS_QUEUE_FULL',
  TimedOut = 'STATS_TIMED_OUT',
}

export interface ComputeErrorDetails {
  [ComputeErrorCode.QueueFull]: { running: number; queued: number };
  [ComputeErrorCode.TimedOut]: { seconds: number };
}

export class ComputeError<C extends ComputeErrorCode = ComputeErrorCode> extends DomainError<C> {}
