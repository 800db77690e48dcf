import type { Ref } from '../ast/types.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { resolveCodes } from '../diagnostics/codes/index.js';
import type { Span } from '../diagnostics/span.js';
import type { Behaviour, Placement } from './behaviours.js';
import type { Defaults } from './defaults.js';
import { qualifiedName, type Kind, type Node, type NodeId, type Program, type ScopeId } from './program.js';
import { lookup, lookupName, visibleNames } from './scopes.js';
import { article, closest } from './suggest.js';
import type { ValueContext } from './values.js';

/** What a declaration of a kind is resolved against (src/resolve/nodes.ts). */
export interface KindRules {
  kind: Kind;
  defaults: Defaults;
  placement: Placement;
}

/** State shared by the resolver's passes: the program being built and the diagnostics found so far. */
export class Resolver {
  readonly diagnostics: Diagnostic[] = [];
  /** By kind name, filled as declarations of each kind are resolved. */
  readonly kindRules = new Map<string, KindRules>();
  /** By scope id. */
  private readonly contexts: ValueContext[] = [];
  /** The declaration being resolved, recorded as the source of the references it makes. */
  current: NodeId | null = null;

  constructor(readonly program: Program) {}

  /** A value context that looks names up from `scope`. */
  at(scope: ScopeId): ValueContext {
    return (this.contexts[scope] ??= {
      diagnostics: this.diagnostics,
      lookup: (ref) => this.resolve(ref, scope),
      fits: (node, behaviours, slot, span) => this.fits(node, behaviours, slot, span),
    });
  }

  /** Resolve a reference, record the use, and report an undefined or ambiguous name at its exact part. */
  resolve(ref: Ref, scope: ScopeId): NodeId | null {
    const r = ref.text === undefined ? lookup(this.program, ref.parts, scope) : lookupName(this.program, ref.text, scope);
    if (typeof r === 'number') {
      const refs = this.program.references;
      refs.spans.push(ref.span);
      refs.targets.push(r);
      refs.froms.push(this.current);
      return r;
    }
    const part = ref.parts[r.at];
    if (r.reason === 'ambiguous') {
      const options = r.candidates.map((id) => `\`${qualifiedName(this.program, id)}\``).join(', ');
      const related = r.candidates.map((id) => ({ span: this.program.nodes[id].nameSpan, label: `\`${qualifiedName(this.program, id)}\` is declared here` }));
      this.diagnostics.push(diag(resolveCodes.ambiguousName, part.span, { name: part.text, options }, { related }));
    } else if (r.reason === 'notContainer') {
      this.diagnostics.push(diag(resolveCodes.undefinedName, ref.parts[r.at + 1].span, { name: ref.parts.slice(0, r.at + 2).map((p) => p.text).join('.') },
        { help: `\`${part.text}\` is not an \`as\` or \`vpc\`: it has no members` }));
    } else {
      const inside = r.at === 0 ? visibleNames(this.program, scope) : this.membersOf(ref, r.at, scope);
      this.diagnostics.push(diag(resolveCodes.undefinedName, part.span, { name: ref.parts.slice(0, r.at + 1).map((p) => p.text).join('.'), suggestion: closest(part.text, inside) }));
    }
    return null;
  }

  private membersOf(ref: Ref, at: number, scope: ScopeId): Iterable<string> {
    const parent = lookup(this.program, ref.parts.slice(0, at), scope);
    const body = typeof parent === 'number' ? this.program.nodes[parent].bodyScope : null;
    return body === null ? [] : this.program.scopes[body].names.keys();
  }

  /** Whether `id` has one of `behaviours` (any declaration when empty); report the wrong kind in a slot. */
  fits(id: NodeId, behaviours: readonly Behaviour[], slot: string, span: Span): boolean {
    const node = this.program.nodes[id];
    if (node.kind === null || behaviours.length === 0 || behaviours.some((b) => node.behaviours.has(b))) return true;
    this.wrongKind(node, slot, behaviours.map(article).join(' or '), span);
    return false;
  }

  wrongKind(node: Node, slot: string, expected: string, span: Span): void {
    this.diagnostics.push(diag(resolveCodes.wrongKindInSlot, span, { slot, name: node.name, kind: article(node.kind ?? 'declaration'), expected },
      { related: [{ span: node.nameSpan, label: `\`${node.name}\` is declared here` }], label: `not ${expected}` }));
  }
}
