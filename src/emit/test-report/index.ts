// The `topo test` reporters, by `--reporter` name.
import { renderTestGithub, renderTestJunit } from './ci.js';
import { renderTestJson } from './json.js';
import type { TestReport } from './model.js';
import { renderTestPretty } from './pretty.js';

export * from './model.js';

export const testReporters: Record<'pretty' | 'json' | 'junit' | 'github', (r: TestReport, opts: { color: boolean }) => string> = {
  pretty: renderTestPretty,
  json: renderTestJson,
  junit: renderTestJunit,
  github: renderTestGithub,
};
export type TestReporter = keyof typeof testReporters;
