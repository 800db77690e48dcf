import { readFileSync } from 'node:fs';
import type { FileHost } from '../src/check/index.js';

/**
 * A FileHost serving some files from memory and everything else (the stdlib, imports of real files)
 * from disk, so that benchmarks and tests check generated or mutated text without writing it out.
 */
export function memoryHost(files: Record<string, string | Uint8Array>): FileHost {
  const encoder = new TextEncoder();
  return {
    readFile(path: string): Uint8Array {
      const file = files[path];
      if (file === undefined) return readFileSync(path);
      return typeof file === 'string' ? encoder.encode(file) : file;
    },
  };
}
