import type { CodeDef } from '../diagnostic.js';

/**
 * docs/diagnostics/README.md: one row per registered code, generated from the registry so that the index
 * cannot drift from what the compiler reports (`npm run docs:codes` writes it; a test checks it is current).
 */
export function renderCodesIndex(codes: readonly Pick<CodeDef<unknown>, 'code' | 'severity' | 'title'>[]): string {
  const rows = codes.map((c) => `| [${c.code}](${c.code}.md) | ${c.severity} | ${escapeCell(c.title)} |`);
  return [
    '# Diagnostic codes',
    '',
    '<!-- Generated from src/diagnostics/codes/ by `npm run docs:codes`; do not edit by hand. -->',
    '',
    'Every error and warning `topo` reports has a stable code. Ranges: TOPO0xxx input/output, TOPO10xx lexing,',
    'TOPO11xx literals, TOPO12xx syntax, TOPO20xx names, imports, kinds and properties, TOPO21xx addressing,',
    'TOPO22xx topology, TOPO23xx services, TOPO24xx mobile core, TOPO25xx cloud, TOPO26xx flows, TOPO29xx lints.',
    '',
    `${codes.length} codes.`,
    '',
    '| code | severity | meaning |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
