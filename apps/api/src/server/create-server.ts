import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { PrivateImagesPolicy } from '@ferbench/shared';
import type { DataSource } from 'typeorm';
import { AgreementComputer, defaultComputeLimits } from '../compute/agreement-computer.js';
import type { WorkerPoolLimits } from '../compute/worker-pool.js';
import { createResolvers } from '../container/create-resolvers.js';
import { createDataSource } from '../database/data-source.js';
import { createGraphQLErrorFormatter } from '../errors/format-graphql-error.js';
import { createDatasetDownloadRouter } from '../modules/download/dataset-download.route.js';
import type { DownloadSettings } from '../modules/download/download.service.js';
import { createHealthRouter } from '../modules/health/health.route.js';
import { createImageFileRouter } from '../modules/image/image-file.route.js';
import { createPerturbedImageRouter } from '../modules/robustness/perturbed-image.route.js';
import { createTryPhotoRouter } from '../modules/photo/try-photo.route.js';
import type { PhotoSettings } from '../modules/photo/photo.service.js';
import { createModelUploadRouter } from '../modules/submission/model-upload.route.js';
import { StatusRepository } from '../modules/status/status.repository.js';
import { AnswerCache } from '../results-cache/answer-cache.js';
import { FreshRead } from '../results-cache/fresh-read.js';
import { resultsCachePlugin } from '../results-cache/results-cache.plugin.js';
import { buildApiSchema } from '../schema/build-api-schema.js';
import { openCors } from './cors.middleware.js';
import { createHttpErrorMiddleware } from './http-error.middleware.js';
import { complexityLimitPlugin, depthLimitRule, MAX_QUERY_COMPLEXITY, MAX_QUERY_DEPTH, MAX_ROOT_FIELDS, rootFieldLimitRule } from './query-limits.js';
import { nulBytePlugin } from './nul-byte.plugin.js';
import type { RequestContext } from './request-context.js';

export type ServerOptions = ({ dataSource: DataSource } | { databaseUrl: string }) & {
  datasetsRoot: string;
  /** Model submissions: where their files go (the runner's data folder) and the upload limit; absent: none taken. */
  submissions?: { dataDir: string; maxUploadBytes: number };
  /** The live photo path: where model files and the face detector are, and the largest photo; absent: none tried. */
  photos?: PhotoSettings;
  /** Bootstrap CIs: worker threads, queue and timeout (defaults: defaultComputeLimits()). */
  compute?: Partial<WorkerPoolLimits>;
  /** Dataset downloads: where exports are cached, and which datasets are private; absent: none offered. */
  downloads?: DownloadSettings;
  /** Datasets whose image bytes only token holders (or nobody) get (FERBENCH_PRIVATE_IMAGES); absent: all public. */
  privateImages?: PrivateImagesPolicy;
  /** 0 (the default): any free port, for tests. */
  port?: number;
  host?: string;
  logError?: (error: unknown) => void;
};

export interface RunningServer {
  app: Express;
  /** The bootstrap pool and its cache (tests read how much it computed). */
  computer: AgreementComputer;
  /** Results answers kept per results version (tests read its hits and misses). */
  resultsCache: AnswerCache;
  /** The results version reads the cache made (tests count how many a crowd shared). */
  resultsVersion: FreshRead<string>;
  httpServer: Server;
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** Stops accepting requests, drains those in flight, and closes a connection this server opened. */
  stop(): Promise<void>;
}

/** Characters of JSON the results cache keeps in all (about 100 MB of heap; a dataset page's answers are ~100 kB). */
const RESULTS_CACHE_CHARS = 50_000_000;

/** The API on its own HTTP server: POST/GET /graphql, GET /healthz, GET /images/:id, GET /images/:id/perturbed/:perturbation, GET /datasets/:id/downloads/:file, POST /model-uploads and POST /try-photo. Tests and main.ts both use it. */
export async function createServer(options: ServerOptions): Promise<RunningServer> {
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  const ownsDataSource = !('dataSource' in options);
  const dataSource = 'dataSource' in options ? options.dataSource : createDataSource(options.databaseUrl);
  if (!dataSource.isInitialized) await dataSource.initialize();

  const computer = new AgreementComputer({ ...defaultComputeLimits(), ...options.compute });
  const { container, images, submissions, photos, downloads, perturbedImages } = createResolvers(dataSource, {
    agreements: computer,
    datasetsRoot: options.datasetsRoot,
    submissions: options.submissions,
    photos: options.photos,
    downloads: options.downloads,
    privateImages: options.privateImages,
  });
  const resultsCache = new AnswerCache(RESULTS_CACHE_CHARS);
  const statusRepository = new StatusRepository(dataSource);
  const resultsVersion = new FreshRead(() => statusRepository.resultsVersion());
  const app = express();
  const httpServer = createHttpServer(app);
  const apollo = new ApolloServer<RequestContext>({
    schema: await buildApiSchema(container),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), nulBytePlugin(), complexityLimitPlugin(MAX_QUERY_COMPLEXITY), resultsCachePlugin(resultsCache, resultsVersion)],
    validationRules: [depthLimitRule(MAX_QUERY_DEPTH), rootFieldLimitRule(MAX_ROOT_FIELDS)],
    formatError: createGraphQLErrorFormatter(logError),
    includeStacktraceInErrorResponses: false,
    // A public research API: clients discover it by introspection whatever NODE_ENV says.
    introspection: true,
    // main.ts owns SIGTERM/SIGINT (drain, then close the pool); Apollo's own handlers would race it.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  let stopping = false;
  app.disable('x-powered-by');
  app.use(openCors);
  app.use(createHealthRouter(dataSource, () => stopping));
  app.use(createPerturbedImageRouter(perturbedImages));
  app.use(createImageFileRouter(images));
  app.use(createDatasetDownloadRouter(downloads));
  app.use(createModelUploadRouter(submissions));
  app.use(createTryPhotoRouter(photos));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({ origin: `${req.protocol}://${req.get('host')}`, authorization: req.header('authorization') }),
    }),
  );
  app.use(createHttpErrorMiddleware(logError));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 0, options.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    app,
    computer,
    resultsCache,
    resultsVersion,
    httpServer,
    url: `http://localhost:${port}/graphql`,
    async stop() {
      stopping = true;
      // The drain plugin closes the listener, lets requests in flight finish (10 s at most) and closes idle sockets.
      await apollo.stop();
      await computer.close();
      if (ownsDataSource) await dataSource.destroy();
    },
  };
}
