import { Query, Resolver } from 'type-graphql';
import type { Public } from '../../container/public.js';
import { RunStatusType } from './dto/run-status.type.js';
import type { StatusService } from './status.service.js';

@Resolver()
export class StatusResolver {
  constructor(private readonly service: Public<StatusService>) {}

  @Query(() => RunStatusType, { description: 'How far the bootstrap and the runs have got: the status page (/status) while `npm start` imports and runs.' })
  runStatus(): Promise<RunStatusType> {
    return this.service.status();
  }

  @Query(() => String, {
    description:
      'An opaque value that changes whenever results can change (runs, models, datasets, images, human votes): clients key their caches of results on it (the dashboard does).',
  })
  resultsVersion(): Promise<string> {
    return this.service.resultsVersion();
  }
}
