import type { Item } from './types.js';

/** The nested items of an item (declaration, kind, flow, link or bearer body); empty for leaves. */
export function childItems(item: Item): readonly Item[] {
  switch (item.type) {
    case 'Decl':
    case 'Connection':
    case 'Bearer':
      return item.body ?? [];
    case 'KindDecl':
    case 'FlowDecl':
      return item.body;
    default:
      return [];
  }
}

/** Visit every item depth-first, in source order, without recursion (files may nest 10,000 blocks deep). */
export function walkItems(items: readonly Item[], visit: (item: Item, depth: number) => void): void {
  const stack: { items: readonly Item[]; index: number }[] = [{ items, index: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.index >= top.items.length) {
      stack.pop();
      continue;
    }
    const item = top.items[top.index++];
    visit(item, stack.length - 1);
    const children = childItems(item);
    if (children.length > 0) stack.push({ items: children, index: 0 });
  }
}
