import { Field, ObjectType } from 'type-graphql';
import { DatasetType } from '../../dataset/dto/dataset.type.js';
import { LeaderboardEntryType } from './leaderboard-entry.type.js';

@ObjectType('Leaderboard')
export class LeaderboardType {
  @Field(() => DatasetType)
  dataset!: DatasetType;

  @Field(() => [LeaderboardEntryType], {
    description: 'Every model with predictions on the dataset, best accuracy first (null last), then by model id.',
  })
  entries!: LeaderboardEntryType[];
}
