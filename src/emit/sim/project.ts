// `topo sim -o DIR`: the generated program and what it needs to type-check and run on its own — a package.json
// (ES modules), tsconfig.json for checking against the runtime's sources, tsconfig.build.json for building
// to build/sim.js, and node_modules/topo linking to this topo so that `topo/runtime` resolves.
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { RoutingResult } from '../../control/index.js';
import type { Network } from '../../model/types.js';
import type { Program } from '../../resolve/program.js';
import { packageRoot } from '../../resolve/package-root.js';
import { generateSim, RUNTIME_TYPES, RUNTIME_VALUES, type LineOf } from './generate.js';
import { simSpec } from './spec.js';

/** Above this size prettier takes longer than the generation itself; the text is already one statement a line. */
const PRETTIER_LIMIT = 2_000_000;

export interface SimSource {
  path: string;
  program: Program;
  network: Network;
  routing: RoutingResult;
}

/** The generated program's text, formatted with prettier (loaded only here). */
export async function simProgramText(source: SimSource): Promise<string> {
  const text = generateSim(source.program, simSpec(source), fileLines());
  if (text.length > PRETTIER_LIMIT) return text;
  const prettier = await import('prettier');
  return prettier.format(text, { parser: 'typescript', printWidth: 120, singleQuote: true });
}

/** Writes the program and its project files into `dir`; returns the paths written. */
export async function writeSimProject(source: SimSource, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const root = packageRoot();
  const runtimeSource = join(root, 'src', 'runtime', 'index.ts');
  const options: Record<string, unknown> = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    noEmit: true,
    types: ['node'],
    typeRoots: [join(root, 'node_modules', '@types')],
  };
  // The runtime's types come from its sources when this topo has them (the package ships JavaScript only).
  if (existsSync(runtimeSource)) options.paths = { 'topo/runtime': [runtimeSource] };
  const files: [string, string][] = [
    ['sim.ts', await simProgramText(source)],
    ['package.json', `${JSON.stringify({ name: 'topo-simulation', private: true, type: 'module' }, null, 2)}\n`],
    ['tsconfig.json', `${JSON.stringify({ compilerOptions: options, files: ['sim.ts'] }, null, 2)}\n`],
    // The build compiles sim.ts alone: the runtime is already JavaScript, declared here as a module.
    ['tsconfig.build.json', `${JSON.stringify({ extends: './tsconfig.json', compilerOptions: { noEmit: false, outDir: 'build', paths: {} }, files: ['sim.ts', 'runtime.d.ts'] }, null, 2)}\n`],
    ['runtime.d.ts', runtimeShim()],
  ];
  const written: string[] = [];
  for (const [name, text] of files) {
    writeFileSync(join(dir, name), text);
    written.push(join(dir, name));
  }
  const link = join(dir, 'node_modules', 'topo');
  if (!isLink(link)) {
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    symlinkSync(relative(join(dir, 'node_modules'), root) || '.', link, 'dir');
  }
  return written;
}

/** For the build only (the types were checked by `tsc --noEmit -p .` against the runtime's sources). */
function runtimeShim(): string {
  const values = RUNTIME_VALUES.map((v) => `  export const ${v}: any;`);
  // Simulation is used as a value and a type.
  const types = [...RUNTIME_TYPES, 'Simulation'].map((t) => `  export type ${t} = any;`);
  return `declare module 'topo/runtime' {\n${[...values, ...types].join('\n')}\n}\n`;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink() || existsSync(path);
  } catch {
    return false;
  }
}

/** Source lines for comments, each file read once. */
function fileLines(): LineOf {
  const files = new Map<string, string[] | null>();
  return (file, line) => {
    if (!files.has(file)) {
      try {
        files.set(file, readFileSync(file, 'utf8').split(/\r\n|\r|\n/));
      } catch {
        files.set(file, null);
      }
    }
    return files.get(file)?.[line - 1] ?? null;
  };
}
