import { ALL_IMAGES_PUBLIC, type PrivateImagesPolicy } from '@ferbench/shared';
import type { DataSource } from 'typeorm';
import { AgreementRepository } from '../modules/agreement/agreement.repository.js';
import { AgreementResolver } from '../modules/agreement/agreement.resolver.js';
import { AgreementService } from '../modules/agreement/agreement.service.js';
import { CalibrationRepository } from '../modules/calibration/calibration.repository.js';
import { CalibrationResolver } from '../modules/calibration/calibration.resolver.js';
import { CalibrationService } from '../modules/calibration/calibration.service.js';
import { EnsembleRepository } from '../modules/ensemble/ensemble.repository.js';
import { EnsembleResolver } from '../modules/ensemble/ensemble.resolver.js';
import { EnsembleService } from '../modules/ensemble/ensemble.service.js';
import { ConfusionResolver } from '../modules/confusion/confusion.resolver.js';
import { ConfusionService } from '../modules/confusion/confusion.service.js';
import { ComparisonRepository } from '../modules/comparison/comparison.repository.js';
import { ComparisonResolver } from '../modules/comparison/comparison.resolver.js';
import { ComparisonService } from '../modules/comparison/comparison.service.js';
import { DatasetRepository } from '../modules/dataset/dataset.repository.js';
import { DatasetResolver } from '../modules/dataset/dataset.resolver.js';
import { DatasetService } from '../modules/dataset/dataset.service.js';
import { DatasetDownloadsResolver } from '../modules/download/dataset-downloads.resolver.js';
import { DownloadRepository } from '../modules/download/download.repository.js';
import { DownloadService, type DownloadSettings } from '../modules/download/download.service.js';
import { pgPoolOf } from '../database/pg-pool.js';
import { ExploreRepository } from '../modules/explore/explore.repository.js';
import { ExploreResolver } from '../modules/explore/explore.resolver.js';
import { ExploreService } from '../modules/explore/explore.service.js';
import { DatasetHumanVotesResolver } from '../modules/human-agreement/dataset-human-votes.resolver.js';
import { HumanAgreementRepository } from '../modules/human-agreement/human-agreement.repository.js';
import { HumanAgreementResolver } from '../modules/human-agreement/human-agreement.resolver.js';
import { HumanAgreementService } from '../modules/human-agreement/human-agreement.service.js';
import { HumanRatingsRepository } from '../modules/human-ratings/human-ratings.repository.js';
import { DatasetHumanRatingsResolver, HumanRatingsResolver } from '../modules/human-ratings/human-ratings.resolver.js';
import { HumanRatingsService } from '../modules/human-ratings/human-ratings.service.js';
import { DatasetImagesResolver } from '../modules/image/dataset-images.resolver.js';
import { ImageAccess } from '../modules/image/image-access.js';
import { ImageRepository } from '../modules/image/image.repository.js';
import { ImageResolver } from '../modules/image/image.resolver.js';
import { ImageService } from '../modules/image/image.service.js';
import { LeaderboardRepository } from '../modules/leaderboard/leaderboard.repository.js';
import { LeaderboardResolver } from '../modules/leaderboard/leaderboard.resolver.js';
import { LeaderboardService } from '../modules/leaderboard/leaderboard.service.js';
import { ModelRepository } from '../modules/model/model.repository.js';
import { ModelResolver } from '../modules/model/model.resolver.js';
import { ModelService } from '../modules/model/model.service.js';
import { PhotoService, type PhotoSettings } from '../modules/photo/photo.service.js';
import { LeaderboardSnapshotResolver } from '../modules/snapshot/leaderboard-snapshot.resolver.js';
import { SnapshotRepository } from '../modules/snapshot/snapshot.repository.js';
import { SnapshotResolver } from '../modules/snapshot/snapshot.resolver.js';
import { SnapshotService } from '../modules/snapshot/snapshot.service.js';
import { PerturbedImageRepository } from '../modules/robustness/perturbed-image.repository.js';
import { PerturbedImageService } from '../modules/robustness/perturbed-image.service.js';
import { FacePerturbationsRepository } from '../modules/robustness/face-perturbations.repository.js';
import { FacePerturbationsResolver } from '../modules/robustness/face-perturbations.resolver.js';
import { FacePerturbationsService } from '../modules/robustness/face-perturbations.service.js';
import { RobustnessRepository } from '../modules/robustness/robustness.repository.js';
import { RobustnessResolver } from '../modules/robustness/robustness.resolver.js';
import { RobustnessService } from '../modules/robustness/robustness.service.js';
import { ModelFileStore } from '../modules/submission/model-file.store.js';
import { SliceRepository } from '../modules/slice/slice.repository.js';
import { DatasetSliceAttributesResolver, SliceResolver } from '../modules/slice/slice.resolver.js';
import { SliceService } from '../modules/slice/slice.service.js';
import { StatusRepository } from '../modules/status/status.repository.js';
import { StatusResolver } from '../modules/status/status.resolver.js';
import { StatusService } from '../modules/status/status.service.js';
import { SubmissionRepository } from '../modules/submission/submission.repository.js';
import { SubmissionResolver } from '../modules/submission/submission.resolver.js';
import { SubmissionService } from '../modules/submission/submission.service.js';
import { TokenRepository } from '../modules/token/token.repository.js';
import { TokenService } from '../modules/token/token.service.js';
import { InstanceContainer } from './instance-container.js';
import type { AgreementCompute } from '../compute/agreement-computer.js';

export interface Wiring {
  /** TypeGraphQL's container, holding one instance of every resolver. */
  container: InstanceContainer;
  /** Services that plain HTTP routes use too. */
  images: ImageService;
  submissions: SubmissionService;
  photos: PhotoService;
  downloads: DownloadService;
  perturbedImages: PerturbedImageService;
}

export interface WiringOptions {
  datasetsRoot: string;
  /** Where submitted models are kept, and the largest upload; absent: this server takes no submissions. */
  submissions?: { dataDir: string; maxUploadBytes: number } | undefined;
  /** Where the live photo path finds model files and the face detector; absent: this server tries no photos. */
  photos?: PhotoSettings | undefined;
  /** Where agreement statistics (and their bootstraps) are computed. */
  agreements: AgreementCompute;
  /** Where dataset exports are cached for download; absent: this server offers no downloads. */
  downloads?: DownloadSettings | undefined;
  /** Datasets whose image bytes only token holders (or nobody) get; absent: every image is public. */
  privateImages?: PrivateImagesPolicy | undefined;
}

/** The composition root: every repository, service and resolver, built once and wired by hand. */
export function createResolvers(dataSource: DataSource, options: WiringOptions): Wiring {
  const datasets = new DatasetService(new DatasetRepository(dataSource));
  const modelRows = new ModelRepository(dataSource);
  const models = new ModelService(modelRows);
  const tokens = new TokenService(new TokenRepository(dataSource));
  const images = new ImageService(
    new ImageRepository(dataSource),
    options.datasetsRoot,
    new ImageAccess(options.privateImages ?? ALL_IMAGES_PUBLIC, tokens),
  );
  const leaderboardCounts = new LeaderboardRepository(dataSource);
  const leaderboards = new LeaderboardService(leaderboardCounts, datasets, models);
  const agreements = new AgreementService(new AgreementRepository(dataSource), datasets, models, options.agreements);
  const humanAgreements = new HumanAgreementService(new HumanAgreementRepository(dataSource), agreements, leaderboardCounts, options.agreements);
  const humanRatings = new HumanRatingsService(new HumanRatingsRepository(dataSource), datasets, models);
  const slices = new SliceService(new SliceRepository(dataSource), datasets, models);
  const comparisons = new ComparisonService(new ComparisonRepository(dataSource), datasets, models);
  const submissions = new SubmissionService(
    new SubmissionRepository(dataSource),
    tokens,
    options.submissions && { files: new ModelFileStore(options.submissions.dataDir), maxUploadBytes: options.submissions.maxUploadBytes },
  );
  const downloads = new DownloadService(new DownloadRepository(dataSource), datasets, () => pgPoolOf(dataSource), options.downloads);
  const snapshots = new SnapshotService(new SnapshotRepository(dataSource), datasets);
  const container = new InstanceContainer([
    new DatasetResolver(datasets),
    new ModelResolver(models),
    new ImageResolver(images),
    new DatasetImagesResolver(images),
    new LeaderboardResolver(leaderboards),
    new AgreementResolver(agreements),
    new HumanAgreementResolver(humanAgreements),
    new DatasetHumanVotesResolver(humanAgreements),
    new HumanRatingsResolver(humanRatings),
    new DatasetHumanRatingsResolver(humanRatings),
    new SliceResolver(slices),
    new DatasetSliceAttributesResolver(slices),
    new ComparisonResolver(comparisons),
    new ExploreResolver(new ExploreService(new ExploreRepository(dataSource), datasets, models, images)),
    new ConfusionResolver(new ConfusionService(leaderboardCounts, datasets, models)),
    new SubmissionResolver(submissions, models),
    new DatasetDownloadsResolver(),
    new SnapshotResolver(snapshots),
    new LeaderboardSnapshotResolver(snapshots),
    new StatusResolver(new StatusService(new StatusRepository(dataSource))),
    new RobustnessResolver(new RobustnessService(new RobustnessRepository(dataSource), datasets, models, options.agreements)),
    new FacePerturbationsResolver(new FacePerturbationsService(new FacePerturbationsRepository(dataSource), models)),
    new CalibrationResolver(new CalibrationService(new CalibrationRepository(dataSource), datasets, models)),
    new EnsembleResolver(new EnsembleService(new EnsembleRepository(dataSource), tokens, models)),
  ]);
  return {
    container,
    images,
    submissions,
    photos: new PhotoService(modelRows, options.photos),
    downloads,
    perturbedImages: new PerturbedImageService(images, new PerturbedImageRepository(dataSource)),
  };
}
