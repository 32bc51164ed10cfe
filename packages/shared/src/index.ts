export * from './taxonomy/emotions.js';
export * from './taxonomy/label-map.js';
export * from './taxonomy/human-votes.js';
export * from './model-card/model-card.js';
export * from './model-card/validate-card.js';
export * from './stats/index.js';
