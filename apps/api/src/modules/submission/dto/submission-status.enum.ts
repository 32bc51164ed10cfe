import { registerEnumType } from 'type-graphql';

/** GraphQL names in capitals; the values are what the submissions table stores. */
export enum SubmissionStatusEnum {
  QUEUED = 'queued',
  RUNNING = 'running',
  DONE = 'done',
  FAILED = 'failed',
}

registerEnumType(SubmissionStatusEnum, {
  name: 'SubmissionStatus',
  description: 'queued → running → done | failed.',
  valuesConfig: {
    QUEUED: { description: 'Accepted and waiting for a worker.' },
    RUNNING: { description: 'Workers are predicting the faces of every dataset.' },
    DONE: { description: 'Every face of every dataset has been predicted (or failed to decode; see progress).' },
    FAILED: { description: 'A part of the work failed on every attempt; see reason and log.' },
  },
});
