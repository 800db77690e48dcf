import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check/index.js';
import { qualifiedName } from '../../src/resolve/program.js';

const show = (paths: string[]) =>
  checkFiles(paths).diagnostics.map((d) => `${d.span.file}:${d.span.line}:${d.span.col} ${d.code} ${d.message}`);

describe('examples', () => {
  it('the flagship checks with zero diagnostics', () => {
    expect(show(['examples/order-from-phone.topo'])).toEqual([]);
  });

  it('resolves the flagship into a program', () => {
    const { program } = checkFiles(['examples/order-from-phone.topo']);
    const node = (name: string) => program!.nodes.find((n) => n.name === name)!;
    expect(qualifiedName(program!, node('a2').id)).toBe('carrier.a2');
    expect(node('haproxy').on && program!.nodes[node('haproxy').on!.node].name).toBe('hostA');
    expect(node('orderdb').props.get('listen')?.values[0]).toMatchObject({ kind: 'port', port: 5432 });
    expect(program!.bearers).toHaveLength(1);
    expect(program!.flows.map((f) => f.name)).toEqual(['order', 'asset']);
  });
});
