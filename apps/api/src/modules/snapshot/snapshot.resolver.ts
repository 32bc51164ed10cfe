import { Arg, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Public } from '../../container/public.js';
import { SnapshotAgreementType } from './dto/snapshot-agreement.type.js';
import { SnapshotLeaderboardEntryType } from './dto/snapshot-leaderboard-entry.type.js';
import { SnapshotType } from './dto/snapshot.type.js';
import type { SnapshotService } from './snapshot.service.js';

@Resolver(() => SnapshotType)
export class SnapshotResolver {
  constructor(private readonly service: Public<SnapshotService>) {}

  @Query(() => [SnapshotType], { description: 'Every snapshot (`ferbench snapshot create`), newest first.' })
  snapshots(): Promise<SnapshotType[]> {
    return this.service.list();
  }

  @Query(() => SnapshotType, { nullable: true, description: 'null when there is no snapshot with this id.' })
  snapshot(@Arg('id', () => ID) id: string): Promise<SnapshotType | null> {
    return this.service.find(id);
  }

  @FieldResolver(() => [SnapshotLeaderboardEntryType], { description: "The dataset's leaderboard as the snapshot froze it, best accuracy first; empty if it holds no such dataset." })
  leaderboard(@Root() snapshot: SnapshotType, @Arg('dataset', () => ID) dataset: string): Promise<SnapshotLeaderboardEntryType[]> {
    return this.service.leaderboard(snapshot.id, dataset);
  }

  @FieldResolver(() => SnapshotAgreementType, { nullable: true, description: "Fleiss' κ of the snapshot's models on the dataset; null if fewer than two predicted it." })
  agreement(@Root() snapshot: SnapshotType, @Arg('dataset', () => ID) dataset: string): Promise<SnapshotAgreementType | null> {
    return this.service.agreement(snapshot.id, dataset);
  }
}
