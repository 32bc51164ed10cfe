import { Field, Int, ObjectType } from 'type-graphql';
import { CorrelationType } from './correlation.type.js';
import { EntropyCellType } from './entropy-cell.type.js';

@ObjectType('EntropyComparison', {
  description:
    'Do faces that divide people also divide models? Per face, the entropy of its human votes (over the human vote ' +
    'categories, unknown and not-a-face included) next to the entropy of the chosen models’ labels (over labelSet), over ' +
    'the n faces with human votes that every chosen model rated.',
})
export class EntropyComparisonType {
  @Field(() => Int, { description: 'Faces with human votes that every chosen model rated.' })
  n!: number;

  @Field(() => CorrelationType, { description: 'Pearson’s r of human and model entropy.' })
  pearson!: CorrelationType;

  @Field(() => CorrelationType, {
    description: 'Spearman’s ρ (mid-ranks for ties, as scipy spearmanr); its Fisher interval uses Fieller’s variance 1.06/(n − 3).',
  })
  spearman!: CorrelationType;

  @Field(() => [EntropyCellType], { description: 'The n faces grouped by (human entropy, model entropy), both ascending: a scatter plot with multiplicities.' })
  cells!: EntropyCellType[];
}
