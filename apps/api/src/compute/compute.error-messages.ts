import type { Mapping } from '../errors/error-mapper.js';
import { ComputeErrorCode } from './compute.error.js';

export const COMPUTE_ERROR_MAPPINGS: { [C in ComputeErrorCode]: Mapping<C> } = {
  [ComputeErrorCode.QueueFull]: {
    code: 'SERVICE_UNAVAILABLE',
    status: 503,
    message: ({ running, queued }) =>
      `The server is busy with bootstrap CIs (${running} running, ${queued} waiting, the most it queues): try again shortly, or ask with fewer resamples (resamples: 0 gives the estimates without CIs at once).`,
  },
  [ComputeErrorCode.TimedOut]: {
    code: 'SERVICE_UNAVAILABLE',
    status: 503,
    message: ({ seconds }) => `The bootstrap took longer than this server allows (${seconds} s, waiting included) and was stopped: ask with fewer resamples.`,
  },
};
