import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseFile } from '../../grammar/index.js';

it('parses the flagship example with zero diagnostics', () => {
  const path = 'examples/order-from-phone.topo';
  const r = parseFile(path, readFileSync(path, 'utf8'));
  expect(r.diagnostics).toEqual([]);
  expect(r.file.imports.map((i) => i.path)).toEqual(['std/lte', 'std/internet', 'std/cloud', 'std/services']);
  const decls = r.file.items.filter((i) => i.type === 'Decl');
  expect(decls.map((d) => d.name.text)).toContain('carrier');
  expect(decls.find((d) => d.name.text === 'carrier')?.doc).toBe("Step 40: the mobile carrier's network is an autonomous system.");
});
