#!/usr/bin/env -S node --max-semi-space-size=64
// The `topo` command. The CLI is compiled into dist/ by `npm run build` (`npm ci` runs it through "prepare").
// A 64 MB young generation (V8's default is 16 MB): nearly everything the compiler allocates — the AST, the
// program, the network — lives until the command ends, and a small young generation copies it through many
// more scavenges. `npm run bench` runs under the same flags (bench/paths.ts reads them from this line).
const entry = new URL('../dist/src/cli/main.js', import.meta.url);
try {
  await import(entry.href);
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes(entry.pathname)) throw err;
  process.stderr.write('topo: the compiler is not built yet; run `npm run build` (or `npm ci`) first\n');
  process.exitCode = 2;
}
