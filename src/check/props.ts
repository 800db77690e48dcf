import type { Node, Program, Value } from '../resolve/program.js';
import { valuesOf } from '../resolve/program.js';

/**
 * Whether a node's kind accepts the property. A node's properties (own and default) are typed against its
 * kind's table, so when it does not the node has no such property: the checks that ask every node for one
 * ask this first, which is cheaper than the lookup (and allocates nothing).
 */
export function accepts(program: Program, node: Node, key: string): boolean {
  return node.kind !== null && Object.hasOwn(program.kinds.get(node.kind)!.accepts, key);
}

/** Each node whose kind accepts `key` and that has values of `kind` for it, with those values, in node order. */
export function forEachValued<K extends Value['kind']>(program: Program, key: string, kind: K, fn: (node: Node, values: readonly Extract<Value, { kind: K }>[]) => void): void {
  const { nodes } = program;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (!accepts(program, node, key)) continue;
    const values = valuesOf(node.props, key, kind);
    if (values.length > 0) fn(node, values);
  }
}
