// DOT → SVG with Graphviz compiled to WebAssembly. The module (~2 MB) is imported on first use only, so
// that DOT output and every other command never load it.
type Graphviz = Awaited<ReturnType<(typeof import('@hpcc-js/wasm-graphviz'))['Graphviz']['load']>>;

let loading: Promise<Graphviz> | undefined;

function graphviz(): Promise<Graphviz> {
  loading ??= import('@hpcc-js/wasm-graphviz').then((m) => m.Graphviz.load());
  return loading;
}

/** The SVG document Graphviz's `dot` layout makes of `dot`. Throws on DOT that Graphviz rejects. */
export async function renderSvg(dot: string): Promise<string> {
  return (await graphviz()).dot(dot, 'svg');
}
