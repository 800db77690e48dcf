import pc from 'picocolors';
export type Palette = ReturnType<typeof pc.createColors>;

/** The parts of a stream and environment that decide whether to colour output. */
export interface ColorTarget {
  isTTY?: boolean;
}

/**
 * Colour only on a terminal, and never when NO_COLOR is set to anything non-empty (no-color.org).
 * FORCE_COLOR overrides the terminal test both ways: `0`/`false` turns colour off, any other value on.
 * TERM=dumb terminals get plain text.
 */
export function wantsColor(stream: ColorTarget, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** Colour functions that are the identity when `enabled` is false, so renderers have one code path. */
export function palette(enabled: boolean): Palette {
  return pc.createColors(enabled);
}
