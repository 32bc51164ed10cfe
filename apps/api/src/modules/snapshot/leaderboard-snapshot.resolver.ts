import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { Public } from '../../container/public.js';
import { LeaderboardEntryType } from '../leaderboard/dto/leaderboard-entry.type.js';
import { SnapshotLeaderboardEntryType } from './dto/snapshot-leaderboard-entry.type.js';
import type { SnapshotService } from './snapshot.service.js';

/** LeaderboardEntry.snapshot and .latestSnapshot: a live number next to the frozen ones. */
@Resolver(() => LeaderboardEntryType)
export class LeaderboardSnapshotResolver {
  constructor(private readonly service: Pick<Public<SnapshotService>, 'citation' | 'latest'>) {}

  @FieldResolver(() => SnapshotLeaderboardEntryType, {
    nullable: true,
    description: 'The newest snapshot that holds exactly this entry (same model sha256, dataset content hash, n, accuracy and macro-F1): the snapshot to cite for it. null if none does.',
  })
  snapshot(@Root() entry: LeaderboardEntryType): Promise<SnapshotLeaderboardEntryType | null> {
    return this.service.citation(entry);
  }

  @FieldResolver(() => SnapshotLeaderboardEntryType, { nullable: true, description: "The newest snapshot's entry for this model on this dataset, equal to the live one or not." })
  latestSnapshot(@Root() entry: LeaderboardEntryType): Promise<SnapshotLeaderboardEntryType | null> {
    return this.service.latest(entry);
  }
}
