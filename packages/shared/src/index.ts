
export * from './taxonomy/emotions.js';
export * from './taxonomy/label-map.js';
export * from './taxonomy/human-votes.js';
export * from './model-card/model-card.js';
export * from './model-card/validate-card.js';
export * from './stats/index.js';
export * from './errors/engine-error.js';
export * from './util/chunks.js';
export * from './util/map-concurrent.js';
export * from './util/prefetch.js';
export * from './util/text-table.js';
export * from './util/image-limits.js';
export * from './terms/private-images.js';
export * from './model-card/ensemble-card.js';
