#!/usr/bin/env node
// The `topo` command. The CLI is compiled into dist/ by `npm run build` (`npm ci` runs it through "prepare").
const entry = new URL('../dist/src/cli/main.js', import.meta.url);
try {
  await import(entry.href);
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes(entry.pathname)) throw err;
  process.stderr.write('topo: the compiler is not built yet; run `npm run build` (or `npm ci`) first\n');
  process.exitCode = 2;
}
