import type { Assert, Bearer, Connection, Decl, File, FlowDecl, Item, KindDecl } from '../ast/types.js';
import { diag } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import { resolveCodes } from '../diagnostics/codes/index.js';
import type { Resolver } from './context.js';
import type { Behaviour } from './behaviours.js';
import { NONE, type Kind, type Node, type NodeId, type Props, type ScopeId } from './program.js';
import { isProp, propsOf, type PropItem } from './properties.js';
import { closest } from './suggest.js';

/** A statement to resolve once every name is declared, with the scope it appeared in. */
export interface Pending<T> {
  item: T;
  scope: ScopeId;
  container: NodeId | null;
}

export interface Declared {
  kindDecls: { decl: KindDecl; file: string }[];
  /** Per node id (one node per declaration), its declaration and the properties of its body. */
  decls: Decl[];
  declProps: (readonly PropItem[])[];
  connections: Pending<Connection>[];
  bearers: Pending<Bearer>[];
  flows: Pending<FlowDecl>[];
  asserts: Pending<Assert>[];
  /** File-level properties (`link_pool`) by file, with the file scope. */
  fileProps: Map<string, { scope: ScopeId; items: PropItem[] }>;
}

/** Kind declarations, collected first: binding a declaration needs the kind table. */
export function collectKindDecls(files: readonly File[], out: Declared): void {
  for (const f of files) for (const item of f.items) if (item.type === 'KindDecl') out.kindDecls.push({ decl: item, file: f.path });
}

/**
 * Declare every node in its scope (reporting duplicates with both sites) and gather the statements that refer
 * to names. Iterative, so that deeply nested blocks cannot overflow the stack.
 */
export function declareAll(r: Resolver, files: readonly File[], kinds: Map<string, Kind>, out: Declared): void {
  for (const f of files) {
    const fileScope = newScope(r, null, null, f.path);
    out.fileProps.set(f.path, { scope: fileScope, items: [] });
    const stack: { items: readonly Item[]; index: number; scope: ScopeId; container: NodeId | null }[] = [
      { items: f.items, index: 0, scope: fileScope, container: null },
    ];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.index >= top.items.length) {
        stack.pop();
        continue;
      }
      const item = top.items[top.index++];
      const { scope, container } = top;
      switch (item.type) {
        case 'KindDecl':
          if (top.container !== null) r.diagnostics.push(diag(resolveCodes.notAllowedHere, item.name.span, { what: 'a kind declaration', where: 'inside a block (declare kinds at top level)' }));
          break;
        case 'Property':
        case 'Flag':
          // Properties of a container's own body are taken with its declaration; here only the file's.
          if (top.container === null) out.fileProps.get(f.path)!.items.push(item);
          break;
        case 'Connection': out.connections.push({ item, scope, container }); break;
        case 'Bearer': out.bearers.push({ item, scope, container }); break;
        case 'FlowDecl': out.flows.push({ item, scope, container }); break;
        case 'Assert': out.asserts.push({ item, scope, container }); break;
        case 'Decl': {
          const node = declare(r, item, kinds, top.scope, top.container, f.path);
          const props = propsOf(item.body);
          out.decls.push(item);
          out.declProps.push(props);
          const nested = nestedOf(item.body, props.length);
          const holds = node.kind === null ? nested.some((i) => i.type === 'Decl') : node.nature === 'container';
          if (holds) {
            node.bodyScope = newScope(r, top.scope, node.id, f.path);
            stack.push({ items: nested, index: 0, scope: node.bodyScope, container: node.id });
          } else {
            for (const i of nested) {
              r.diagnostics.push(diag(resolveCodes.notAllowedHere, stmtSpan(i), { what: describeItem(i), where: `inside ${node.kind ?? 'declaration'} \`${node.name}\` (only containers such as \`as\` and \`vpc\` hold statements)` }));
            }
          }
          break;
        }
      }
    }
  }
}

function declare(r: Resolver, decl: Decl, kinds: Map<string, Kind>, scope: ScopeId, container: NodeId | null, file: string): Node {
  const p = r.program;
  const kindName = decl.kind.text ?? decl.kind.parts.map((x) => x.text).join('.');
  const kind = kinds.get(kindName);
  if (!kind) {
    const suggestion = closest(kindName, kinds.keys());
    const help = suggestion ? `did you mean \`${suggestion}\`?` : kinds.size === 0 ? 'declare it with `kind`, or import the standard library (e.g. `import "std/internet"`)' : undefined;
    r.diagnostics.push(diag(resolveCodes.unknownKind, decl.kind.span, { name: kindName, suggestion: help }));
  }
  const node = {
    __proto__: DECLARED,
    id: p.nodes.length,
    decl,
    file,
    kind: kind ? kind.name : null,
    behaviours: kind ? behaviourSet(kind) : NO_BEHAVIOURS,
    nature: kind?.nature ?? 'node',
    container,
    scope,
    bodyScope: null,
    props: NO_PROPS,
    // Set now, if only to undefined: every node then has one shape, and the checks' reads of nodes stay fast.
    on: undefined,
    in: undefined,
  } as unknown as Node;
  p.nodes.push(node);
  const name = node.name;
  const names = p.scopes[scope].names;
  const other = p.byName.get(name);
  // A name declared nowhere yet (most) cannot be a duplicate: no need to ask its scope.
  if (other === undefined) {
    names.set(name, node.id);
    p.byName.set(name, node.id);
    return node;
  }
  const first = names.get(name);
  if (first !== undefined) {
    r.diagnostics.push(diag(resolveCodes.duplicateName, node.nameSpan, { name }, { related: [{ span: p.nodes[first].nameSpan, label: 'first declared here' }] }));
    return node;
  }
  names.set(name, node.id);
  const all = p.homonyms.get(name);
  if (all) all.push(node.id);
  else p.homonyms.set(name, [other, node.id]);
  return node;
}

/**
 * What a node reads from its declaration rather than holding: its name, spans and doc. Nodes are object literals
 * with this prototype, not class instances, so that V8 makes them in the old generation (see DefaultedProps.kept).
 */
const DECLARED = {
  get name(): string {
    return (this as unknown as { decl: Decl }).decl.name.text;
  },
  get nameSpan(): Span {
    return (this as unknown as { decl: Decl }).decl.name.span;
  },
  get span(): Span {
    return (this as unknown as { decl: Decl }).decl.span;
  },
  get kindSpan(): Span {
    return (this as unknown as { decl: Decl }).decl.kind.span;
  },
  get doc(): string | undefined {
    return (this as unknown as { decl: Decl }).decl.doc;
  },
};

/** A body's other statements, given how many properties it holds. */
function nestedOf(body: readonly Item[] | undefined, props: number): readonly Item[] {
  if (!body || props === body.length) return NONE;
  return props === 0 ? body : body.filter((i) => !isProp(i));
}

const NO_BEHAVIOURS: ReadonlySet<Behaviour> = new Set();
/** Until the declaration is resolved (and for good when its kind is unknown). */
const NO_PROPS: Props = new Map();
const behaviourSets = new WeakMap<Kind, ReadonlySet<Behaviour>>();

/** One set per kind, shared by its declarations (tens of thousands of routers need not each own a copy). */
function behaviourSet(kind: Kind): ReadonlySet<Behaviour> {
  let set = behaviourSets.get(kind);
  if (!set) behaviourSets.set(kind, (set = new Set(kind.behaviours)));
  return set;
}

function newScope(r: Resolver, parent: ScopeId | null, node: NodeId | null, file: string): ScopeId {
  const id = r.program.scopes.length;
  r.program.scopes.push({ id, parent, node, file, names: new Map() });
  return id;
}

function stmtSpan(item: Item) {
  return item.type === 'Decl' || item.type === 'KindDecl' || item.type === 'FlowDecl' ? item.name.span : item.span;
}

function describeItem(item: Item): string {
  switch (item.type) {
    case 'Decl': return 'a declaration';
    case 'KindDecl': return 'a kind declaration';
    case 'Connection': return `a \`${item.keyword}\``;
    case 'Bearer': return 'a `bearer`';
    case 'FlowDecl': return 'a `flow`';
    case 'Assert': return 'an `assert`';
    default: return 'a property';
  }
}
