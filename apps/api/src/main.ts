import path from 'node:path';
import { EmbeddedPostgresError, openDatabase } from '@ferbench/db';
import { imagesArePrivate, type PrivateImagesPolicy } from '@ferbench/shared';
import { ConfigError, loadConfig } from './config.js';
import { MAX_PHOTO_BYTES } from './modules/photo/photo.service.js';
import { createServer } from './server/create-server.js';

/** `npm start -w @ferbench/api`: the API on API_PORT over DATABASE_URL, or over the embedded Postgres. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    embeddedDir: config.embeddedPostgres.dir,
    embeddedPort: config.embeddedPostgres.port,
  });
  if (database.migrationsRun.length > 0) console.log(`applied migrations: ${database.migrationsRun.join(', ')}`);
  const server = await createServer({
    databaseUrl: database.url,
    datasetsRoot: config.datasetsRoot,
    submissions: { dataDir: config.dataDir, maxUploadBytes: config.maxUploadBytes },
    // A private dataset's export leaves out image keys and paths (hashes and votes stay).
    downloads: { dir: path.join(config.dataDir, 'exports'), isPrivate: async (datasetId) => imagesArePrivate(config.privateImages, datasetId) },
    photos: { modelsDir: config.modelsDir, detectorsDir: config.detectorsDir, maxPhotoBytes: MAX_PHOTO_BYTES },
    privateImages: config.privateImages,
    port: config.apiPort,
    host: config.apiHost,
  });
  console.log(`ferbench API at ${server.url} (${database.embedded ? 'embedded Postgres' : 'DATABASE_URL'}; images from ${config.datasetsRoot}; ${describePrivateImages(config.privateImages)})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining requests and stopping`);
    // Stops accepting, lets requests in flight finish, then closes the pool (and the embedded server, if ours).
    await server.stop();
    await database.close();
    console.log('database pool closed; bye');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function describePrivateImages({ datasets, access }: PrivateImagesPolicy): string {
  const which = datasets === 'all' ? 'every dataset' : [...datasets].join(', ');
  if (which === '') return 'every image public';
  return `images of ${which} served to ${access === 'token' ? 'token holders only' : 'nobody'}`;
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof EmbeddedPostgresError ? error.message : error);
  process.exit(1);
});
