import { Args, Query, Resolver } from 'type-graphql';
import type { Public } from '../../container/public.js';
import type { CalibrationService } from './calibration.service.js';
import { CalibrationArgs, GatedAgreementArgs } from './dto/calibration.args.js';
import { CalibrationType } from './dto/calibration.type.js';
import { GatedAgreementType } from './dto/gated-agreement.type.js';

@Resolver()
export class CalibrationResolver {
  constructor(private readonly service: Public<CalibrationService>) {}

  @Query(() => [CalibrationType], {
    description: 'Can a confidence be believed? ECE, MCE, Brier, NLL, the reliability diagram, AURC and the risk–coverage curve, accuracy and coverage at τ, and temperature scaling, per model on a dataset.',
  })
  calibration(@Args(() => CalibrationArgs) args: CalibrationArgs): Promise<CalibrationType[]> {
    return this.service.calibrations(args);
  }

  @Query(() => GatedAgreementType, { description: "Fleiss' κ among models over the faces where every model's confidence is ≥ τ, with the share of faces kept, for each τ." })
  gatedAgreement(@Args(() => GatedAgreementArgs) args: GatedAgreementArgs): Promise<GatedAgreementType> {
    return this.service.gated(args);
  }
}
