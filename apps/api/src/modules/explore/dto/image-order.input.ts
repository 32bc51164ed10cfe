import { Field, InputType, registerEnumType } from 'type-graphql';

export enum ImageOrderField {
  MODEL_ENTROPY = 'MODEL_ENTROPY',
  HUMAN_ENTROPY = 'HUMAN_ENTROPY',
  FLEISS_P_I = 'FLEISS_P_I',
  ID = 'ID',
}

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(ImageOrderField, {
  name: 'ImageOrderField',
  valuesConfig: {
    MODEL_ENTROPY: { description: "Entropy of the models' votes (bits); faces no model predicted come last." },
    HUMAN_ENTROPY: { description: 'Entropy of the human votes (bits); only on datasets with human votes; faces without any come last.' },
    FLEISS_P_I: { description: "Fleiss' P_i of the models' votes; faces with fewer than two votes come last." },
    ID: { description: 'Image id: import order.' },
  },
});
registerEnumType(OrderDirection, { name: 'OrderDirection' });

@InputType('ImageOrder')
export class ImageOrderInput {
  @Field(() => ImageOrderField, { defaultValue: ImageOrderField.ID })
  field!: ImageOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ties are broken by image id in the same direction.' })
  direction!: OrderDirection;
}
