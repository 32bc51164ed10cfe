export * from './repo-root.js';
export * from './fixtures.js';
export * from './throwaway-database.js';
export * from './ferplus-subset.js';
