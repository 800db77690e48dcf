import type { Name } from '../ast/types.js';
import type { NodeId, Program, ScopeId } from './program.js';

/** Why a lookup failed; `at` is the index of the part that failed. */
export type LookupFailure =
  | { reason: 'undefined'; at: number }
  | { reason: 'ambiguous'; at: 0; candidates: readonly NodeId[] }
  | { reason: 'notContainer'; at: number };

/** The node found (a number: success allocates nothing, and names are looked up once per use) or why not. */
export type Lookup = NodeId | LookupFailure;

type Names = Pick<Program, 'scopes' | 'nodes' | 'byName' | 'homonyms'>;

/**
 * Look a (possibly qualified) name up from `scope`: the first part innermost scope outwards, then anywhere
 * in the program if exactly one declaration has that name; every further part inside the previous container.
 */
export function lookup(program: Names, parts: readonly Pick<Name, 'text'>[], scope: ScopeId): Lookup {
  const found = lookupName(program, parts[0].text, scope);
  if (typeof found !== 'number') return found;
  let node: NodeId = found;
  for (let i = 1; i < parts.length; i++) {
    const body: ScopeId | null = program.nodes[node].bodyScope;
    if (body === null) return { reason: 'notContainer', at: i - 1 };
    const next: NodeId | undefined = program.scopes[body].names.get(parts[i].text);
    if (next === undefined) return { reason: 'undefined', at: i };
    node = next;
  }
  return node;
}

/** One name (the first part of a reference): innermost scope outwards, then anywhere if it is unique. */
export function lookupName(program: Names, name: string, scope: ScopeId): Lookup {
  for (let s: ScopeId | null = scope; s !== null; s = program.scopes[s].parent) {
    const found = program.scopes[s].names.get(name);
    if (found !== undefined) return found;
  }
  const found = program.byName.get(name);
  if (found === undefined) return { reason: 'undefined', at: 0 };
  const all = program.homonyms.get(name);
  return all ? { reason: 'ambiguous', at: 0, candidates: all } : found;
}

/** Names visible from a scope plus every declared name: candidates for "did you mean". */
export function* visibleNames(program: Names, scope: ScopeId): Iterable<string> {
  for (let s: ScopeId | null = scope; s !== null; s = program.scopes[s].parent) yield* program.scopes[s].names.keys();
  yield* program.byName.keys();
}
