export * from './program.js';
export * from './behaviours.js';
export { loadFiles, fsHost, type FileHost, type Loaded } from './load.js';
export { resolveProgram } from './resolve.js';
export { lookup, type Lookup } from './scopes.js';
