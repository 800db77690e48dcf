import type { Diagnostic } from '../diagnostic.js';
import type { Palette } from './colors.js';

/** Counts for the last line of a report and for `summary` in JSON. `files` counts files with a diagnostic. */
export interface Summary {
  errors: number;
  warnings: number;
  files: number;
}

export function summarize(diags: readonly Diagnostic[]): Summary {
  let errors = 0;
  const files = new Set<string>();
  for (const d of diags) {
    if (d.severity === 'error') errors++;
    files.add(d.span.file);
  }
  return { errors, warnings: diags.length - errors, files: files.size };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `error: 2 errors, 1 warning in 3 files`; `warning: …` when there are only warnings; '' when clean. */
export function formatSummary(s: Summary, c: Palette): string {
  if (s.errors + s.warnings === 0) return '';
  const head = s.errors > 0 ? c.bold(c.red('error')) : c.bold(c.yellow('warning'));
  return `${head}${c.bold(`: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')} in ${plural(s.files, 'file')}`)}`;
}
