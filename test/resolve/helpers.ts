import { checkFiles, type CheckResult, type FileHost } from '../../src/check/index.js';

/** An in-memory file system: paths not listed fail like a missing file. */
export function memHost(files: Record<string, string | Uint8Array>): FileHost {
  return {
    readFile(path) {
      const f = files[path];
      if (f === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
  };
}

export const STD = 'import "std/lte"\nimport "std/internet"\nimport "std/cloud"\nimport "std/services"\n';

/** Check `main.topo` (and the other given files). */
export function check(main: string, others: Record<string, string | Uint8Array> = {}): CheckResult {
  return checkFiles(['main.topo'], memHost({ 'main.topo': main, ...others }));
}

export function codes(main: string, others: Record<string, string | Uint8Array> = {}): string[] {
  return check(main, others).diagnostics.map((d) => d.code);
}
