/** One benchmark section: a named group of figures. Register new ones in ./index.ts. */
export interface Section {
  /** What `--only` selects. */
  name: string;
  title: string;
  run(): Promise<Figure[]>;
}

export interface Figure {
  label: string;
  measured: number;
  unit: string;
  /** Absent for figures given for context (e.g. the `node -e 0` baseline). */
  target?: { op: '<=' | '>='; value: number };
  /** Printed after the verdict: sizes, error counts, anything needed to read the figure. */
  note?: string;
}

export function verdict(figure: Figure): 'PASS' | 'MISS' | '' {
  const { target, measured } = figure;
  if (!target) return '';
  const ok = target.op === '<=' ? measured <= target.value : measured >= target.value;
  return ok ? 'PASS' : 'MISS';
}

/** Wall time of `fn` in milliseconds. */
export function timeMs(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
