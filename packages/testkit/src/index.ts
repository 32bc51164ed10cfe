
export * from './repo-root.js';
export * from './fixtures.js';
export * from './throwaway-database.js';
export * from './ferplus-subset.js';
export * from './test-database-hooks.js';
export * from './fer2013-subset.js';
export * from './shipped-cards.js';
export * from './bench-summary.js';
export * from './image-bombs.js';
export * from './rafdb-subset.js';
