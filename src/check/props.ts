import type { Node, Program, Props, Value } from '../resolve/program.js';
import { values } from '../resolve/program.js';

/**
 * The first value of a property that has the given kind: `valuesOf(props, key, kind)[0]`, without the
 * filtered copy `valuesOf` makes of a list that mixes kinds (the checks ask this of every node and link).
 */
export function firstOf<K extends Value['kind']>(props: Props, key: string, kind: K): Extract<Value, { kind: K }> | undefined {
  const all = values(props, key);
  for (let i = 0; i < all.length; i++) {
    if (all[i].kind === kind) return all[i] as Extract<Value, { kind: K }>;
  }
  return undefined;
}

/**
 * Whether a node's kind accepts the property. A node's properties (own and default) are typed against its
 * kind's table, so when it does not the node has no such property: the checks that ask every node for one
 * ask this first, which is cheaper than the lookup (and allocates nothing).
 */
export function accepts(program: Program, node: Node, key: string): boolean {
  return node.kind !== null && Object.hasOwn(program.kinds.get(node.kind)!.accepts, key);
}
