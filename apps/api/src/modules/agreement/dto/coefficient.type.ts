import { ObjectType } from 'type-graphql';
import { EstimateType } from './estimate.type.js';

@ObjectType('Coefficient', { implements: EstimateType, description: 'An agreement coefficient: an Estimate and nothing more.' })
export class CoefficientType extends EstimateType {}
