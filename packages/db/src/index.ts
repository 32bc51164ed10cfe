
export * from './embedded-postgres.js';
export * from './migrate.js';
export * from './database-url.js';
export * from './open-database.js';
export * from './env-reader.js';
export * from './database-config.js';
export * from './duplicate-images.sql.js';
export * from './copy-rows.js';
export * from './pooled-database.js';
export * from './embedded-postgres-error.js';
export * from './port-free.js';
