export * from './config.js';
export * from './server/create-server.js';
export * from './schema/build-api-schema.js';
