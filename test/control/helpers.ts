// Reading a RoutingResult in tests.
import { expect } from 'vitest';
import type { RibEntry, RoutingResult } from '../../src/control/types.js';

export const P = '198.51.100.0/24';

export function candidates(result: RoutingResult, node: string, prefix = P): RibEntry[] {
  return result.nodes[node].rib.filter((e) => e.prefix === prefix);
}

export function best(result: RoutingResult, node: string, prefix = P): RibEntry {
  const found = candidates(result, node, prefix).filter((e) => e.best);
  expect(found, `${node} has one best route for ${prefix}`).toHaveLength(1);
  return found[0];
}
