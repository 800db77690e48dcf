import type { Node, Program } from '../resolve/program.js';

/**
 * Whether a node's kind accepts the property. A node's properties (own and default) are typed against its
 * kind's table, so when it does not the node has no such property: the checks that ask every node for one
 * ask this first, which is cheaper than the lookup (and allocates nothing).
 */
export function accepts(program: Program, node: Node, key: string): boolean {
  return node.kind !== null && Object.hasOwn(program.kinds.get(node.kind)!.accepts, key);
}
