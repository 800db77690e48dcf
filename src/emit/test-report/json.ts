// `topo test --reporter json`: every file's errors and every assertion's outcome, and the counts.
import { toJsonReport, type JsonDiagnostic } from '../../diagnostics/render/index.js';
import type { AssertionDoc, TestReport, TestSummary } from './model.js';
import { summarizeTests } from './model.js';

export interface TestJson {
  files: { file: string; errors: JsonDiagnostic[]; assertions: AssertionDoc[] }[];
  summary: TestSummary;
}

export function renderTestJson(r: TestReport): string {
  const doc: TestJson = {
    files: r.files.map((f) => ({ file: f.file, errors: toJsonReport(f.errors).diagnostics, assertions: f.assertions })),
    summary: summarizeTests(r),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
