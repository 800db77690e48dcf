import { compile } from '../../src/driver/index.js';
import { renderHops, type HopsOptions } from '../../src/emit/hops.js';

export const FLAGSHIP = 'examples/order-from-phone.topo';

/** Compile a file that must reach the data plane (routing computed), and render its hops. */
export function hops(path: string, options: HopsOptions) {
  const c = compile([path]).compilations[0];
  if (!c.program || !c.network || !c.routing) throw new Error(`${path} did not compile: ${c.diagnostics.map((d) => d.message).join('; ')}`);
  const r = renderHops({ program: c.program, network: c.network, routing: c.routing }, options);
  if (!r) throw new Error(`no flow ${options.flow} in ${path}`);
  return r;
}
