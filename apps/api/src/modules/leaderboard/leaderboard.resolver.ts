import { Arg, ID, Query, Resolver } from 'type-graphql';
import type { Public } from '../../container/public.js';
import { LeaderboardType } from './dto/leaderboard.type.js';
import type { LeaderboardService } from './leaderboard.service.js';

@Resolver(() => LeaderboardType)
export class LeaderboardResolver {
  constructor(private readonly service: Public<LeaderboardService>) {}

  @Query(() => LeaderboardType, { description: "Every model's accuracy and macro-F1 against the dataset's gold labels." })
  leaderboard(@Arg('dataset', () => ID) dataset: string): Promise<LeaderboardType> {
    return this.service.leaderboard(dataset);
  }
}
