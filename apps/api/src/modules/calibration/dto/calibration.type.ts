import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DatasetType } from '../../dataset/dto/dataset.type.js';
import { ModelType } from '../../model/dto/model.type.js';

@ObjectType('ReliabilityBin', { description: 'One bin of the reliability diagram.' })
export class ReliabilityBinType {
  @Field(() => Float)
  lower!: number;

  @Field(() => Float)
  upper!: number;

  @Field(() => Int)
  n!: number;

  @Field(() => Float, { nullable: true, description: 'Mean confidence of its faces; null when empty.' })
  confidence!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of its faces predicted right; null when empty.' })
  accuracy!: number | null;
}

@ObjectType('RiskCoveragePoint')
export class RiskCoveragePointType {
  @Field(() => Float, { description: 'j/N: the share of faces kept, the j most confident.' })
  coverage!: number;

  @Field(() => Float, { description: 'Error rate among them.' })
  risk!: number;

  @Field(() => Float, { description: 'Confidence of the j-th most confident face.' })
  threshold!: number;
}

@ObjectType('SelectivePrediction', { description: 'Acting only on faces with conf ≥ τ.' })
export class SelectiveType {
  @Field(() => Float)
  threshold!: number;

  @Field(() => Float, { nullable: true, description: 'Share of faces with conf ≥ τ.' })
  coverage!: number | null;

  @Field(() => Float, { nullable: true, description: 'Accuracy among them; null when none is kept.' })
  accuracy!: number | null;
}

@ObjectType('ProperScores')
export class ProperScoresType {
  @Field(() => Float, { nullable: true })
  ece!: number | null;

  @Field(() => Float, { nullable: true })
  nll!: number | null;

  @Field(() => Float, { nullable: true })
  brier!: number | null;
}

@ObjectType('TemperatureScaling', { description: 'p_k^(1/T) renormalised, T fitted (NLL) on one half of the faces and reported on the other.' })
export class TemperatureScalingType {
  @Field(() => Float, { nullable: true, description: 'Fitted T in [0.05, 20]; null when a half is empty.' })
  temperature!: number | null;

  @Field({ description: 'Faces T is fitted on: image sha256 beginning with 0–7.' })
  fitSplit!: string;

  @Field({ description: 'Faces it is reported on: image sha256 beginning with 8–f.' })
  reportSplit!: string;

  @Field(() => Int)
  nFit!: number;

  @Field(() => Int)
  nReport!: number;

  @Field(() => ProperScoresType, { description: 'On the report half, as predicted (T = 1).' })
  before!: ProperScoresType;

  @Field(() => ProperScoresType, { description: 'On the report half, scaled by T.' })
  after!: ProperScoresType;
}

@ObjectType('Calibration', {
  description:
    'Calibration and selective prediction of one model on one dataset, over the faces whose gold label it can emit, from its stored ' +
    'probabilities over the emotions it can emit (used as stored). conf = the largest probability, prediction = its label (the first on ties).',
})
export class CalibrationType {
  @Field(() => ModelType)
  model!: ModelType;

  @Field(() => DatasetType)
  dataset!: DatasetType;

  @Field(() => [String], { description: 'The classes the probabilities are over (canonical order).' })
  classes!: string[];

  @Field(() => Int, { description: 'Faces scored.' })
  n!: number;

  @Field(() => Float, { nullable: true, description: 'Share of faces whose prediction is the gold label.' })
  accuracy!: number | null;

  @Field(() => Float, { nullable: true, description: 'ECE = Σ_m (n_m/N)·|acc_m − conf_m| over the reliability bins.' })
  ece!: number | null;

  @Field(() => Float, { nullable: true, description: 'MCE = the largest |acc_m − conf_m| over non-empty bins.' })
  mce!: number | null;

  @Field(() => Float, { nullable: true, description: 'Brier = the mean over faces of Σ_k (p_k − y_k)².' })
  brier!: number | null;

  @Field(() => Float, { nullable: true, description: 'NLL = the mean of −ln max(p_gold, 1e-12).' })
  nll!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'AURC = the mean over j = 1…N of the error rate among the j most confident faces (conf descending, ties in face id order).',
  })
  aurc!: number | null;

  @Field(() => SelectiveType)
  selective!: SelectiveType;

  @Field(() => [ReliabilityBinType])
  reliability!: ReliabilityBinType[];

  @Field(() => [RiskCoveragePointType], { description: 'The risk–coverage curve at 50 evenly spaced coverages.' })
  riskCoverage!: RiskCoveragePointType[];

  @Field(() => TemperatureScalingType)
  temperature!: TemperatureScalingType;
}
