import { addressPlan } from './addresses.js';
import type { Rng } from './rng.js';

/** Shared state of one generation: the output lines, the seeded RNG and the address plan. */
export interface GenContext {
  out: string[];
  rng: Rng;
  addresses: ReturnType<typeof addressPlan>;
}

/** Node names are unique in the whole program, so every reference resolves without qualification. */
export const names = {
  as: (i: number) => `net${i}`,
  router: (i: number, j: number) => `r${i}_${j}`,
  server: (i: number) => `srv${i}`,
  mobile: (i: number, role: string) => `m${i}_${role}`,
  host: (i: number, j: number) => `h${i}_${j}`,
  fabric: (i: number) => `fab${i}`,
  vpc: (k: number) => `vpc${k}`,
  tenant: (k: number, role: string) => `t${k}_${role}`,
  flow: (n: number) => `f${n}`,
};

/** Emit `key: v1, v2, …` wrapped after every `perLine` values (a statement continues after `,`). */
export function wrappedList(out: string[], indent: string, key: string, values: string[], perLine = 8): void {
  for (let i = 0; i < values.length; i += perLine) {
    const chunk = values.slice(i, i + perLine).join(', ');
    const more = i + perLine < values.length ? ',' : '';
    out.push(i === 0 ? `${indent}${key}: ${chunk}${more}` : `${indent}  ${chunk}${more}`);
  }
}
