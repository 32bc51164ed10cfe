import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { RatersArgs } from './raters.args.js';

/** Bootstrap cost grows with resamples × distinct count patterns (not faces), so a cap keeps a request bounded. */
export const MAX_RESAMPLES = 10_000;
export const DEFAULT_RESAMPLES = 1000;
/** Resamples per complexity point: the patterns are not known at parse time, so resamples alone set the cost. */
export const RESAMPLES_PER_POINT = 10;

/**
 * A bootstrapping field's complexity: its children plus one point per RESAMPLES_PER_POINT resamples of each of the
 * `runs` bootstraps it makes (10,000 resamples: 1,000 points of the 10,000 an operation may cost).
 */
export function resampleComplexity(runs: number) {
  return ({ args, childComplexity }: { args: Record<string, unknown>; childComplexity: number }): number => {
    const resamples = typeof args.resamples === 'number' ? args.resamples : DEFAULT_RESAMPLES;
    return childComplexity + runs * Math.ceil(resamples / RESAMPLES_PER_POINT);
  };
}
/** The CLI's default seed, so `ferbench agreement --bootstrap` and the API start from the same one. */
export const DEFAULT_SEED = 1;

@ArgsType()
export class AgreementArgs extends RatersArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_RESAMPLES,
    description: `Bootstrap resamples of the faces for the CIs (0: no CIs; at most ${MAX_RESAMPLES}).`,
  })
  @Min(0, { message: 'resamples must be 0 (no CIs) or more' })
  @Max(MAX_RESAMPLES, { message: `at most ${MAX_RESAMPLES} resamples` })
  resamples!: number;

  @Field(() => Int, { defaultValue: DEFAULT_SEED, description: 'Seed of the bootstrap: the same seed gives the same CIs.' })
  seed!: number;
}
