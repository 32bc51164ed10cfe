import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Public } from '../../container/public.js';
import { DatasetType } from '../dataset/dto/dataset.type.js';
import type { HumanAgreementService } from './human-agreement.service.js';

/** Dataset.humanVotedFaces, kept with the human votes it counts. */
@Resolver(() => DatasetType)
export class DatasetHumanVotesResolver {
  constructor(private readonly service: Pick<Public<HumanAgreementService>, 'votedFaces'>) {}

  @FieldResolver(() => Int, { description: 'Faces with crowd votes (FER+); 0 for a dataset without them. humanAgreement needs some.' })
  humanVotedFaces(@Root() dataset: DatasetType): Promise<number> {
    return this.service.votedFaces(dataset.id);
  }
}
