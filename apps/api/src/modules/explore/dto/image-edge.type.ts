import { Field, ObjectType } from 'type-graphql';
import { ImageType } from '../../image/dto/image.type.js';
import { FaceAgreementType } from './face-agreement.type.js';

@ObjectType('ImageEdge')
export class ImageEdgeType {
  @Field()
  cursor!: string;

  @Field(() => ImageType, { description: 'The face: its url, gold label and every prediction.' })
  node!: ImageType;

  @Field(() => FaceAgreementType)
  agreement!: FaceAgreementType;
}
