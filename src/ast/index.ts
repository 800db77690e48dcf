export * from './types.js';
export * from './walk.js';
