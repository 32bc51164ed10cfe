import { DEFAULT_CALIBRATION_BINS, DEFAULT_CONFIDENCE_THRESHOLD } from '@ferbench/shared';
import { ArrayMaxSize, Max, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, Int } from 'type-graphql';

export const MAX_BINS = 100;

@ArgsType()
export class CalibrationArgs {
  @Field(() => ID)
  dataset!: string;

  @Field(() => [ID], { nullable: true, description: 'Default: every model and ensemble with predictions on the dataset.' })
  @ArrayMaxSize(50, { message: 'models: at most 50 at once' })
  models?: string[] | null;

  @Field(() => Int, { defaultValue: DEFAULT_CALIBRATION_BINS, description: 'Reliability bins M: bin m holds conf in ((m−1)/M, m/M], the first also 0.' })
  @Min(1, { message: 'bins: expected at least 1' })
  @Max(MAX_BINS, { message: `bins: expected at most ${MAX_BINS}` })
  bins!: number;

  @Field(() => Float, { defaultValue: DEFAULT_CONFIDENCE_THRESHOLD, description: 'τ of selective prediction: faces with conf ≥ τ are kept (default 0.7, the study\'s).' })
  @Min(0, { message: 'threshold: expected a number from 0 to 1' })
  @Max(1, { message: 'threshold: expected a number from 0 to 1' })
  threshold!: number;
}

/** τ = 0, 0.05, …, 0.95: enough to draw κ and coverage against τ. */
export const DEFAULT_GATE_THRESHOLDS = Array.from({ length: 20 }, (_, i) => i / 20);

@ArgsType()
export class GatedAgreementArgs {
  @Field(() => ID)
  dataset!: string;

  @Field(() => [ID], { nullable: true, description: 'Default: every model with predictions on the dataset, ensembles left out.' })
  models?: string[] | null;

  @Field(() => [Float], { nullable: true, description: 'τ values, each from 0 to 1 (default 0, 0.05, …, 0.95; at most 101).' })
  @ArrayMaxSize(101, { message: 'thresholds: at most 101 values' })
  @Min(0, { each: true, message: 'thresholds: expected numbers from 0 to 1' })
  @Max(1, { each: true, message: 'thresholds: expected numbers from 0 to 1' })
  thresholds?: number[] | null;
}
