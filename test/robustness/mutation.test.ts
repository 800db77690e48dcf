import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryHost } from '../../bench/memory-host.js';
import { checkFiles } from '../../src/check/index.js';
import { applyMutations, encodePieces, mutationArb, tokenize } from './mutate.js';
import { expectWellFormed, timed } from './well-formed.js';

// Fixed seed for a reproducible CI; TOPO_FUZZ_SEED / TOPO_FUZZ_RUNS explore further locally.
const SEED = Number(process.env.TOPO_FUZZ_SEED ?? 20_240_601);
const RUNS = Number(process.env.TOPO_FUZZ_RUNS ?? 1000);
/** Per run: the examples are ~100 lines, so anything near this bound is a pathological slow path. */
const MAX_MS = 2_000;

const examplesDir = resolve('examples');
// By path, so that a counterexample prints as the example's path and not its tokens.
const examples = new Map(
  readdirSync(examplesDir)
    .filter((name) => name.endsWith('.topo'))
    .sort()
    .map((name) => join(examplesDir, name))
    .map((path) => [path, tokenize(readFileSync(path, 'utf8'))]),
);

describe('mutated examples', () => {
  it('finds the examples', () => {
    expect(examples.size).toBeGreaterThan(0);
    expect([...examples.values()].every((tokens) => tokens.length > 50)).toBe(true);
  });

  it('never throw, always give well-formed diagnostics, in bounded time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...examples.keys()),
        fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
        (path, mutations) => {
          const { bytes, textOnly } = encodePieces(applyMutations(examples.get(path)!, mutations));
          // The mutant replaces the example at its own path, so its relative imports still resolve on disk.
          const { value: result, ms } = timed(() => checkFiles([path], memoryHost({ [path]: bytes })));
          expectWellFormed(result);
          expect(ms).toBeLessThan(MAX_MS);
          if (textOnly) expect(result.sources.get(path)?.text).toBe(new TextDecoder().decode(bytes));
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }, 240_000);
});
