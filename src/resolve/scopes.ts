import type { Name } from '../ast/types.js';
import type { NodeId, Program, ScopeId } from './program.js';

export type Lookup =
  | { ok: true; node: NodeId }
  /** `at` is the index of the part that failed. */
  | { ok: false; reason: 'undefined'; at: number }
  | { ok: false; reason: 'ambiguous'; at: 0; candidates: NodeId[] }
  | { ok: false; reason: 'notContainer'; at: number };

type Names = Pick<Program, 'scopes' | 'nodes' | 'byName'>;

/**
 * Look a (possibly qualified) name up from `scope`: the first part innermost scope outwards, then anywhere
 * in the program if exactly one declaration has that name; every further part inside the previous container.
 */
export function lookup(program: Names, parts: readonly Pick<Name, 'text'>[], scope: ScopeId): Lookup {
  const first = parts[0].text;
  let found: NodeId | undefined;
  for (let s: ScopeId | null = scope; s !== null && found === undefined; s = program.scopes[s].parent) {
    found = program.scopes[s].names.get(first);
  }
  if (found === undefined) {
    const all = program.byName.get(first) ?? [];
    if (all.length === 0) return { ok: false, reason: 'undefined', at: 0 };
    if (all.length > 1) return { ok: false, reason: 'ambiguous', at: 0, candidates: all };
    found = all[0];
  }
  let node: NodeId = found;
  for (let i = 1; i < parts.length; i++) {
    const body: ScopeId | null = program.nodes[node].bodyScope;
    if (body === null) return { ok: false, reason: 'notContainer', at: i - 1 };
    const next: NodeId | undefined = program.scopes[body].names.get(parts[i].text);
    if (next === undefined) return { ok: false, reason: 'undefined', at: i };
    node = next;
  }
  return { ok: true, node };
}

/** Names visible from a scope plus every declared name: candidates for "did you mean". */
export function* visibleNames(program: Names, scope: ScopeId): Iterable<string> {
  for (let s: ScopeId | null = scope; s !== null; s = program.scopes[s].parent) yield* program.scopes[s].names.keys();
  yield* program.byName.keys();
}
