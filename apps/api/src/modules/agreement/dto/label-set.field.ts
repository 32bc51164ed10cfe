import { EMOTIONS } from '@ferbench/shared';
import { ArrayMinSize, ArrayUnique, IsIn, IsOptional } from 'class-validator';
import { Field } from 'type-graphql';

/**
 * The optional `labelSet` argument of every agreement query, with its validation: one decorator so agreement,
 * pairwise and compare describe and check it the same way.
 */
export function LabelSetField(): PropertyDecorator {
  const decorators = [
    Field(() => [String], {
      nullable: true,
      description:
        'Canonical labels to compute agreement over (at least two, each once, each one every chosen model can emit); left out: ' +
        'every label all chosen models can emit. A prediction outside the set counts as the most probable label inside it.',
    }),
    IsOptional(),
    ArrayMinSize(2, { message: 'choose at least two labels, or leave labelSet out for every label all chosen models can emit' }),
    ArrayUnique({ message: 'a label may be listed only once' }),
    IsIn([...EMOTIONS], { each: true, message: `each label must be a canonical emotion: ${EMOTIONS.join(', ')}` }),
  ];
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}
