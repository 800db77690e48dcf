/**
 * Child process of the memory benchmark: checks one file from disk and prints, as JSON, its own peak
 * resident set size, so that the figure covers this check alone and not the parent's generator.
 */
import { checkFiles } from '../src/check/index.js';

const start = performance.now();
const { diagnostics } = checkFiles([process.argv[2]]);
const seconds = (performance.now() - start) / 1000;
const errors = diagnostics.filter((d) => d.severity === 'error').length;
// resourceUsage().maxRSS is in kilobytes.
process.stdout.write(JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024, seconds, errors }));
