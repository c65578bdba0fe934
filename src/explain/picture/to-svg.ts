// SVG from DOT through Graphviz compiled to WebAssembly: no browser, no native binary; loaded once, then reused.
import type { Graphviz } from '@hpcc-js/wasm-graphviz';

let graphviz: Promise<Graphviz> | undefined;

function load(): Promise<Graphviz> {
  graphviz ??= import('@hpcc-js/wasm-graphviz').then((m) => m.Graphviz.load());
  return graphviz;
}

/** Lays out DOT with Graphviz's `dot` engine and returns the SVG text. */
export async function dotToSvg(dot: string): Promise<string> {
  const g = await load();
  return g.dot(dot);
}
