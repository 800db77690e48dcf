// docs/architecture.md: each stage imports only from the stages before it. This pins the order.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { expect, test } from 'vitest';

const ORDER = [
  'src/diagnostics', 'src/ast', 'grammar', 'src/resolve', 'src/check', 'src/model', 'src/control', 'src/dataplane',
  'src/trace', 'src/assert', 'src/driver', 'src/runtime', 'src/emit', 'src/cli',
];

const stageOf = (path: string) => ORDER.findIndex((d) => path === d || path.startsWith(`${d}/`));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

test('no stage imports from a later stage', () => {
  const violations: string[] = [];
  for (const stage of ORDER) {
    for (const file of sources(stage)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
        const target = normalize(join(dirname(file), m[1]));
        if (stageOf(target) > stageOf(file)) violations.push(`${file} imports ${m[1]}`);
      }
    }
  }
  expect(violations).toEqual([]);
});

test('the order covers every folder under src/', () => {
  const folders = readdirSync('src', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `src/${e.name}`);
  expect(folders.filter((f) => !ORDER.includes(f))).toEqual([]);
});
