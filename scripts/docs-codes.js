// Regenerate docs/diagnostics/README.md from the code registry (run through `npm run docs:codes`, after a build).
import { writeFileSync } from 'node:fs';
import { allCodes } from '../dist/src/diagnostics/codes/index.js';
import { renderCodesIndex } from '../dist/src/diagnostics/render/codes-index.js';

const target = new URL('../docs/diagnostics/README.md', import.meta.url);
writeFileSync(target, renderCodesIndex(allCodes));
process.stdout.write(`wrote docs/diagnostics/README.md (${allCodes.length} codes)\n`);
