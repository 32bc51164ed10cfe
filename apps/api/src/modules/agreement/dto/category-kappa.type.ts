import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType('CategoryKappa', { description: "Fleiss' κ of one label against the rest (irr kappam.fleiss detail = TRUE, unrounded)." })
export class CategoryKappaType {
  @Field()
  label!: string;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'Why value is null (the label was never used, or was the only one used).' })
  reason!: string | null;

  @Field(() => Float, { nullable: true, description: 'Standard error under κ = 0.' })
  se!: number | null;

  @Field(() => Float, { nullable: true })
  z!: number | null;

  @Field(() => Float, { nullable: true, description: 'Two-sided p-value of z.' })
  p!: number | null;
}
