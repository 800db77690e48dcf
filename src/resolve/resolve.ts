import type { File, FlowDecl } from '../ast/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PropTable } from './behaviours.js';
import { resolveBearer, resolveConnection, resolveFlow } from './connections.js';
import { Resolver } from './context.js';
import { collectKindDecls, declareAll, type Declared } from './declare.js';
import { buildKinds, typeKindDefaults } from './kinds.js';
import { resolveNode } from './nodes.js';
import type { Program } from './program.js';
import { propMap, typeProps } from './properties.js';

/** What a file may set at top level: the pool for links declared outside any container. */
const FILE_PROPS: PropTable = { link_pool: { type: { t: 'prefix' } } };

/**
 * Join parsed files into one resolved Program: build the kind table, declare every name in its scope,
 * then bind kinds, resolve references and type properties. Reports every problem; never throws.
 */
export function resolveProgram(files: readonly File[], stdFiles: ReadonlySet<string> = new Set()): { program: Program; diagnostics: Diagnostic[] } {
  const program: Program = {
    files: files.map((f) => f.path), stdFiles: new Set(stdFiles), kinds: new Map(), nodes: [], links: [], controls: [],
    bearers: [], flows: [], asserts: [], scopes: [], byName: new Map(), homonyms: new Map(), references: { spans: [], targets: [], froms: [] }, fileProps: new Map(),
  };
  const r = new Resolver(program);
  const declared: Declared = { kindDecls: [], decls: [], declProps: [], connections: [], bearers: [], flows: [], asserts: [], fileProps: new Map() };

  collectKindDecls(files, declared);
  const { kinds, order } = buildKinds(declared.kindDecls, r.diagnostics);
  program.kinds = kinds;
  declareAll(r, files, kinds, declared);

  const fileScope = (file: string) => declared.fileProps.get(file)!.scope;
  typeKindDefaults(order, kinds, (file) => r.at(fileScope(file)));
  for (const [file, { scope, items }] of declared.fileProps) program.fileProps.set(file, propMap(typeProps(items, FILE_PROPS, 'a file', r.at(scope))));
  declared.decls.forEach((decl, id) => resolveNode(r, id, decl, declared.declProps[id]));
  for (const c of declared.connections) resolveConnection(r, c);
  for (const b of declared.bearers) resolveBearer(r, b);
  const flowNames = new Map<string, FlowDecl>();
  for (const f of declared.flows) resolveFlow(r, f, flowNames);
  for (const a of declared.asserts) program.asserts.push({ ast: a.item, scope: a.scope });
  return { program, diagnostics: r.diagnostics };
}
