import { lintCodes } from '../diagnostics/codes/index.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Program } from '../resolve/program.js';

/**
 * Unused declarations (warnings). A node is used when anything refers to it (link, control, bearer,
 * placement, property, flow), when its own declaration refers to something (a VM `on` a host, a process,
 * an HSS listing subscribers), when it contains declarations, or when an assertion names it.
 * A kind is used when something is declared of it or inherits from it. The standard library is exempt.
 */
export function checkLints(program: Program): Diagnostic[] {
  const out: Diagnostic[] = [];
  // One flag per node id.
  const used = new Uint8Array(program.nodes.length);
  const { targets, froms } = program.references;
  for (let i = 0; i < targets.length; i++) {
    used[targets[i]] = 1;
    const from = froms[i];
    if (from !== null) used[from] = 1;
  }
  const asserted = new Set<string>();
  for (const a of program.asserts) for (const w of a.ast.words) if (w.type === 'Ref') w.parts.forEach((p) => asserted.add(p.text));
  const { nodes } = program;
  for (let i = 0; i < nodes.length; i++) {
    const container = nodes[i].container;
    if (container !== null) used[container] = 1;
  }
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    // Unknown kinds and duplicate names are errors already: no warning on top of them.
    if (used[node.id] || node.kind === null || asserted.has(node.name) || program.stdFiles.has(node.file)) continue;
    const duplicate = program.scopes[node.scope].names.get(node.name) !== node.id;
    if (!duplicate) out.push(diag(lintCodes.unusedDeclaration, node.nameSpan, { kind: node.kind, name: node.name }));
  }
  const usedKinds = new Set<string>();
  for (let i = 0; i < nodes.length; i++) {
    const kind = nodes[i].kind;
    if (kind !== null) usedKinds.add(kind);
  }
  for (const kind of program.kinds.values()) kind.bases.forEach((b) => usedKinds.add(b));
  for (const kind of program.kinds.values()) {
    if (!usedKinds.has(kind.name) && !program.stdFiles.has(kind.file)) out.push(diag(lintCodes.unusedKind, kind.nameSpan, { name: kind.name }));
  }
  return out;
}
